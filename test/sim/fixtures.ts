/** Small manifest builders for the simulator tests. */
export const SEED_HOSTNAME = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hostname-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: webserver
  template:
    metadata:
      name: my-webserver
      labels:
        app: webserver
    spec:
      containers:
      - name: my-webserver
        image: alicek106/rr-test:echo-hostname
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: hostname-svc-clusterip
spec:
  ports:
    - name: web-port
      port: 8080
      targetPort: 80
  selector:
    app: webserver
  type: ClusterIP
`;

export const SEED_COUNTER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: redis
spec:
  selector:
    matchLabels:
      app: counter
      tier: db
  template:
    metadata:
      labels:
        app: counter
        tier: db
    spec:
      containers:
      - name: redis
        image: redis
        ports:
        - containerPort: 6379
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  ports:
  - port: 6379
    protocol: TCP
  selector:
    app: counter
    tier: db
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: counter
spec:
  selector:
    matchLabels:
      app: counter
      tier: app
  template:
    metadata:
      labels:
        app: counter
        tier: app
    spec:
      containers:
      - name: counter
        image: gihyodocker/counter:latest
        env:
        - name: REDIS_HOST
          value: "redis"
        - name: REDIS_PORT
          value: "6379"
---
apiVersion: v1
kind: Service
metadata:
  name: counter-np
spec:
  type: NodePort
  ports:
  - name: http
    port: 3000
    nodePort: 31000
  selector:
    app: counter
    tier: app
`;

export interface DeployOptions {
  replicas?: number;
  ns?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ports?: string;
  spec?: string;
}

const indent = (text: string, n: number) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
const map = (m: Record<string, string>, n: number) => Object.entries(m).map(([k, v]) => `${' '.repeat(n)}${k}: ${JSON.stringify(v)}`).join('\n');

export function deploy(name: string, o: DeployOptions = {}): string {
  const labels = o.labels ?? { app: name };
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${o.ns ? `\n  namespace: ${o.ns}` : ''}
spec:
  replicas: ${o.replicas ?? 1}
  selector:
    matchLabels:
${map(labels, 6)}
  template:
    metadata:
      labels:
${map(labels, 8)}${o.annotations ? `\n      annotations:\n${map(o.annotations, 8)}` : ''}
    spec:${o.spec ? `\n${indent(o.spec, 6)}` : ''}
      containers:
      - name: app
        image: example/app:1.0
        ports:
${o.ports ?? '        - containerPort: 80'}
---
`;
}

export function service(name: string, body: string, ns?: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}${ns ? `\n  namespace: ${ns}` : ''}
spec:
${indent(body, 2)}
---
`;
}
