import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A Deployment and the Service that selects it, correct in every respect. */
export const GOOD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
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
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
`;

/** The selector typo of the seed tutorial: an error (service-selector-no-match) at the selector map, line 30, column 5. */
export const BROKEN_SELECTOR = GOOD.replace('  selector:\n    app: web\n  ports:', '  selector:\n    app: web-server\n  ports:');
export const BROKEN_SELECTOR_LINE = 30;

/** A Service whose selector matches nothing, opted out of that one rule by annotation. */
export const OPTED_OUT = BROKEN_SELECTOR.replace(
  'kind: Service\nmetadata:\n  name: web\n',
  'kind: Service\nmetadata:\n  name: web\n  annotations:\n    svclab.io/ignore: "service-selector-no-match,service-selector-overlap"\n',
);

export function tempDir(prefix = 'svclab-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return abs;
}

/** Hash of every regular file under dir (symlinks are not followed): to prove nothing was written. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        try {
          out.set(p, crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
        } catch (err) {
          out.set(p, `unreadable: ${(err as NodeJS.ErrnoException).code}`);
        }
      } else if (e.isSymbolicLink()) out.set(p, `link -> ${fs.readlinkSync(p)}`);
    }
  };
  walk(dir);
  return out;
}

export interface JsonReport {
  findings: Array<{
    ruleId: string;
    severity: string;
    message: string;
    hint: string;
    file: string;
    line: number;
    column: number;
    object: { apiVersion: string; kind: string; namespace: string; name: string } | null;
    path: string;
  }>;
  summary: { files: number; objects: number; errors: number; warnings: number; infos: number };
}

export function parseJson(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}
