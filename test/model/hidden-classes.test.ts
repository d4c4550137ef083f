/**
 * Every object of one kind in the model has one V8 hidden class (map), so that the rules' reads
 * (`svc.spec`, `w.template`, ...) stay monomorphic. Built with an object spread (`{ ...base }`),
 * V8's clone took its slow path once its inline cache went megamorphic and gave nearly every
 * Service and workload a map of its own: each property read became a look-up of ~1 µs on the
 * 50 MB benchmark file, and the bench corpus linted 12 % slower. V8's natives syntax
 * (%HaveSameMap) is only available to a process started with --allow-natives-syntax, so the
 * check runs in a child process against the build (dist/, or SVCLAB_DIST to try another build).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DIST = process.env.SVCLAB_DIST ?? path.join(REPO_ROOT, 'dist');

/** Many objects of every modelled kind, their specs written in different shapes. */
function manifests(copies: number): string {
  const docs: string[] = [];
  for (let i = 0; i < copies; i++) {
    const ports = i % 3 === 0 ? '[{port: 80, targetPort: 8080, name: http}]' : '[{port: 443, protocol: TCP}, {port: 80}]';
    docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, labels: {app: a${i}}}\nspec:\n  ${i % 2 ? 'type: NodePort\n  ' : ''}selector: {app: a${i}}\n  ports: ${ports}`);
    docs.push(`apiVersion: apps/v1\nkind: ${['Deployment', 'StatefulSet', 'DaemonSet'][i % 3]}\nmetadata: {name: d${i}}\nspec:\n  ${i % 3 === 1 ? `serviceName: s${i}\n  ` : ''}selector: {matchLabels: {app: a${i}}}\n  template:\n    metadata: {labels: {app: a${i}}}\n    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}`);
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c, image: busybox}]}`);
    docs.push(`apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: j${i}}\nspec:\n  schedule: "* * * * *"\n  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: busybox}], restartPolicy: Never}}}}`);
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n${i}}\nspec: {podSelector: {matchLabels: {app: a${i}}}${i % 2 ? ', policyTypes: [Ingress]' : ''}}`);
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i${i}}\nspec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: s${i}, port: {number: 80}}}}]}}]}`);
  }
  return docs.join('\n---\n') + '\n';
}

const SCRIPT = `
const { parseSourceFile } = require(${JSON.stringify(path.join(DIST, 'parse', 'parse-file.js'))});
const { buildModel } = require(${JSON.stringify(path.join(DIST, 'model', 'build.js'))});
const text = require('node:fs').readFileSync(0, 'utf8');
const model = buildModel(parseSourceFile({ path: 'many.yaml', absPath: null, text }).manifests);
const maps = (list) => { const reps = []; for (const o of list) if (!reps.some((r) => %HaveSameMap(r, o))) reps.push(o); return reps.length; };
const out = {};
for (const key of ['objects', 'services', 'workloads', 'networkPolicies', 'ingresses']) out[key] = { count: model[key].length, maps: maps(model[key]) };
out.manifests = { count: model.objects.length, maps: maps(model.objects.map((o) => o.manifest)) };
process.stdout.write(JSON.stringify(out));
`;

test('objects of one kind share one hidden class, however their specs are written (1,200 objects of six kinds)', () => {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', SCRIPT], { input: manifests(200), encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as Record<string, { count: number; maps: number }>;
  expect(out.services).toEqual({ count: 200, maps: 1 });
  expect(out.ingresses).toEqual({ count: 200, maps: 1 });
  expect(out.networkPolicies).toEqual({ count: 200, maps: 1 });
  expect(out.manifests).toEqual({ count: 1200, maps: 1 });
  expect(out.objects).toEqual({ count: 1200, maps: 1 });
  // Pods, CronJobs and the workloads with a selector: one shape for every kind.
  expect(out.workloads).toEqual({ count: 600, maps: 1 });
});
