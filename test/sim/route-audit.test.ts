/**
 * Routing rules found missing or wrong in an audit against issue 3, each checked on a cluster
 * built by simulate() from manifests, with the Kubernetes rule it follows.
 */
import { simulate } from '../../src/sim/index';

const web = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: example/echo
        ports:
        - containerPort: 80
${extra}`;

const pool = `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
  loadBalancer:
    provider: pool
    addresses: [ 172.18.255.200-172.18.255.210 ]
---
`;

describe('audit: routing', () => {
  test('sessionAffinity: ClientIP holds for LoadBalancer traffic too: the load balancer keeps a client on one node (GCE translateAffinityType -> CLIENT_IP), kube-proxy keeps it on one endpoint', () => {
    const c = simulate(`${pool}${web(4)}---
apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  sessionAffinity: ClientIP
  selector: { app: web }
  ports: [ { port: 80 } ]
`);
    const lb = c.services.find((s) => s.name === 'lb')!;
    const ip = lb.loadBalancerIngress![0];
    const r = c.route({ from: 'external', to: `${ip}:80`, count: 40 });
    expect(r.summary.ok).toBe(40);
    expect(Object.keys(r.summary.byPod)).toHaveLength(1);
    expect(new Set(r.results.map((a) => a.sourceIP)).size).toBe(1);
    // Without affinity the same load balancer spreads the connections.
    const spread = simulate(`${pool}${web(4)}---
apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [ { port: 80 } ]
`).route({ from: 'external', to: `${ip}:80`, count: 40 });
    expect(Object.keys(spread.summary.byPod).length).toBeGreaterThan(1);
    // candidates stay the full set, whatever the sampling.
    expect(r.candidates).toHaveLength(4);
  });

});
