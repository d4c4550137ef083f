import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Writes a tree of files (path -> text) into a fresh temp folder and returns it. */
export function tempTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-scn-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: example/web:1.0
        ports:
        - containerPort: 80
`;

export const webService = (selector = 'web', targetPort = 80) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${selector}
  ports:
  - name: http
    port: 8080
    targetPort: ${targetPort}
`;

export const scenario = (body: string, name = 'demo') => `apiVersion: svclab.io/v1alpha1
kind: Scenario
metadata:
  name: ${name}
${body}`;
