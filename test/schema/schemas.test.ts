import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAjv } from '../../src/schema/ajv';
import { BUILTIN_KINDS } from '../../src/schema/builtin-kinds';

/** The gateway-api commit the Gateway API schemas were generated from. */
const GATEWAY_API_REVISION = '4564255ac2c35d582249b3cdf261bdf51c8bca32';
import { schemaName } from '../../src/schema/names';
import * as vm from 'node:vm';
import { builtinSchemas, codeCacheFile, compiledHash, loadCompiledModule, schemaForValidation, SCHEMAS_DIR, wrapModule } from '../../src/schema/registry';
import { schemaAtPath } from '../../src/schema/walk';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- build scripts, CommonJS
const { validatorCode, withoutUnusedSchemas, asciiOnly } = require('../../scripts/validator-code.js') as {
  validatorCode(ajv: unknown, validate: unknown, header: string): string;
  withoutUnusedSchemas(code: string): string;
  asciiOnly(code: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- build scripts, CommonJS
const { SAMPLES } = require('../../scripts/schema-samples.js') as { SAMPLES: Record<string, Array<{ apiVersion: string; kind: string } & Json>> };

/** A copy of an object with every string made a number and every number a string: wrong types all over. */
function broken(value: unknown): unknown {
  if (typeof value === 'string') return 7;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(broken);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'apiVersion' || k === 'kind' ? v : broken(v)]));
  return value;
}

type Json = Record<string, unknown>;
const readSchema = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')) as Json;

describe('schema files', () => {
  test('names follow kubeconform: <kind>-<group first label>-<version>, <kind>-<version> for core', () => {
    expect(schemaName('v1', 'Service')).toBe('service-v1');
    expect(schemaName('apps/v1', 'Deployment')).toBe('deployment-apps-v1');
    expect(schemaName('discovery.k8s.io/v1', 'EndpointSlice')).toBe('endpointslice-discovery-v1');
    expect(schemaName('networking.k8s.io/v1', 'Ingress')).toBe('ingress-networking-v1');
    expect(schemaName('cert-manager.io/v1', 'Certificate')).toBe('certificate-cert-manager-v1');
    for (const k of BUILTIN_KINDS) expect(path.basename(k.file)).toBe(`${schemaName(k.apiVersion, k.kind)}.json`);
  });

  test('every kind the issue lists has a schema, with its source version recorded', () => {
    const wanted = ['v1 Pod', 'v1 Service', 'v1 Endpoints', 'v1 Namespace', 'v1 ConfigMap', 'v1 Secret', 'v1 ServiceAccount', 'v1 PersistentVolumeClaim',
      'apps/v1 Deployment', 'apps/v1 ReplicaSet', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'discovery.k8s.io/v1 EndpointSlice',
      'networking.k8s.io/v1 NetworkPolicy', 'networking.k8s.io/v1 Ingress', 'networking.k8s.io/v1 IngressClass', 'batch/v1 Job', 'batch/v1 CronJob',
      'rbac.authorization.k8s.io/v1 Role', 'rbac.authorization.k8s.io/v1 ClusterRoleBinding', 'policy/v1 PodDisruptionBudget', 'storage.k8s.io/v1 StorageClass',
      'autoscaling/v2 HorizontalPodAutoscaler', 'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration', 'apiregistration.k8s.io/v1 APIService',
      'svclab.io/v1alpha1 Cluster'];
    const have = new Set(BUILTIN_KINDS.map((k) => `${k.apiVersion} ${k.kind}`));
    expect(wanted.filter((w) => !have.has(w))).toEqual([]);
    for (const k of BUILTIN_KINDS.filter((b) => b.file.startsWith('k8s/'))) {
      const s = readSchema(k.file);
      // The Gateway API kinds come from the gateway-api CRDs (scripts/gen-gateway-schemas.js), the rest from kubernetes-types.
      const version = k.apiVersion.startsWith('gateway.networking.k8s.io/') ? GATEWAY_API_REVISION : '1.30.0';
      expect(s['x-svclab-source']).toMatchObject({ version, apiVersion: k.apiVersion, kind: k.kind });
    }
    for (const kind of ['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant']) {
      for (const v of ['v1', 'v1beta1']) expect(have.has(`gateway.networking.k8s.io/${v} ${kind}`)).toBe(true);
    }
    expect(fs.readFileSync(path.join(SCHEMAS_DIR, 'k8s', 'SOURCE.md'), 'utf8')).toContain('kubernetes-types` package, version **1.30.0**');
  });

  test('the committed schemas contain every hand-written constraint (run `npm run gen:schemas` after editing them)', () => {
    const constraints = readSchema('constraints/k8s.json').definitions as Record<string, Json>;
    const contains = (target: unknown, patch: unknown): boolean => {
      if (Array.isArray(patch)) return Array.isArray(target) && patch.every((p) => target.some((t) => JSON.stringify(t) === JSON.stringify(p)));
      if (typeof patch === 'object' && patch !== null) {
        return typeof target === 'object' && target !== null && Object.entries(patch).every(([k, v]) => contains((target as Json)[k], v));
      }
      return target === patch;
    };
    const found = new Set<string>();
    for (const k of BUILTIN_KINDS.filter((b) => b.file.startsWith('k8s/') && !b.apiVersion.startsWith('gateway.networking.k8s.io/'))) {
      const defs = readSchema(k.file).definitions as Record<string, Json>;
      for (const [name, patch] of Object.entries(constraints)) {
        if (!defs[name]) continue;
        found.add(name);
        expect({ file: k.file, name, applied: contains(defs[name], patch) }).toEqual({ file: k.file, name, applied: true });
      }
    }
    expect(Object.keys(constraints).filter((n) => !found.has(n))).toEqual([]);
  });

  test('objects are strict, int-or-string and Quantity take numbers and strings, timestamps take null', () => {
    const svc = readSchema('k8s/service-v1.json');
    expect(schemaAtPath(svc, ['spec', 'ports', 0])?.schema.additionalProperties).toBe(false);
    expect(schemaAtPath(svc, ['spec', 'ports', 0, 'targetPort'])?.schema.type).toEqual(['integer', 'string']);
    expect(schemaAtPath(svc, ['metadata', 'creationTimestamp'])?.schema.type).toEqual(['string', 'null']);
    const deploy = readSchema('k8s/deployment-apps-v1.json');
    const cpu = schemaAtPath(deploy, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu']);
    expect(cpu?.schema.type).toEqual(['string', 'number']);
    expect(schemaAtPath(deploy, ['spec', 'selector'])?.description).toMatch(/Label selector for pods/);
  });
});

describe('precompiled standalone validators', () => {
  // The build (scripts/compile-schemas.js) writes ajv standalone code; it must report exactly
  // what the run-time compiler reports, since tests run against the latter.
  test('standalone code and run-time compilation give the same errors', () => {
    const entry = builtinSchemas().find((e) => e.name === 'deployment-apps-v1');
    if (!entry) throw new Error('no deployment schema');
    const schema = schemaForValidation(JSON.parse(fs.readFileSync(entry.file, 'utf8')) as object);
    const ajv = createAjv();
    const runtime = ajv.compile(schema);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-standalone-'));
    try {
      const file = path.join(dir, 'deployment.js');
      const code = validatorCode(ajv, runtime, 'test');
      fs.writeFileSync(file, code);
      // The build writes V8 code caches beside each module, named by V8's flags tag (scripts/compile-schemas.js).
      fs.writeFileSync(codeCacheFile(file), new vm.Script(wrapModule(code), { filename: file }).createCachedData());
      const standalone = loadCompiledModule(file);
      const bad = {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { a: 1 } },
        spec: { replicas: 'x', selectr: {}, template: { spec: { containers: [{ image: 'i', ports: [{ containerPort: 70000, protocol: 'tcp' }] }] } } },
      };
      expect(standalone(bad)).toBe(false);
      expect(runtime(bad)).toBe(false);
      expect(standalone.errors).toEqual(runtime.errors);
      expect((runtime.errors ?? []).length).toBeGreaterThanOrEqual(6);
      // A cache V8 rejects (other Node version, corrupt file) falls back to a plain require.
      fs.writeFileSync(codeCacheFile(file), 'not a code cache');
      const fallback = loadCompiledModule(file);
      expect(fallback(bad)).toBe(false);
      expect(fallback.errors).toEqual(runtime.errors);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  // Every kind: the build's module text (scripts/validator-code.js: without unread schema
  // constants, in ASCII) against the run-time compiler, on {}, on the warm-up samples
  // (scripts/schema-samples.js) and on each sample with its fields' types broken.
  test.each(builtinSchemas().map((e) => [e.name, e] as const))('%s: the build\'s module reports what the run-time compiler reports', (_name, entry) => {
    const schema = schemaForValidation(JSON.parse(fs.readFileSync(entry.file, 'utf8')) as object);
    const ajv = createAjv();
    const runtime = ajv.compile(schema);
    const code = validatorCode(ajv, runtime, 'test');
    for (const [, name] of code.matchAll(/const (schema\d+) = /g)) expect(code.match(new RegExp(`\\b${name}\\b`, 'g'))!.length).toBeGreaterThan(1);
    const mod = { exports: {} as unknown };
    (new vm.Script(wrapModule(code)).runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }) => void)(mod.exports, require, mod);
    const compiled = ((mod.exports as { default?: unknown }).default ?? mod.exports) as ((data: unknown) => boolean) & { errors?: unknown };
    const samples = Object.values(SAMPLES).flat().filter((o) => schemaName(o.apiVersion, o.kind) === entry.name);
    for (const data of [{}, ...samples, ...samples.map(broken)]) {
      expect(compiled(data)).toBe(runtime(data));
      expect(compiled.errors).toEqual(runtime.errors);
    }
  });

  test('unread schema constants go, read ones and the strings around them stay', () => {
    const code = [
      'const schema1 = {"a":"}{\\"","b":[1,{"c":"]"}]};',
      'const schema2 = {"x":1};',
      'const schema3 = 5;',
      'const schema4 = ["x;y"];',
      'function validate(d) { return d === schema2.x || schema4.includes(d); }',
    ].join('');
    expect(withoutUnusedSchemas(code)).toBe('const schema2 = {"x":1};const schema4 = ["x;y"];function validate(d) { return d === schema2.x || schema4.includes(d); }');
    expect(asciiOnly('"caf\u00e9"')).toBe('"caf\\u00e9"');
  });

});

describe('reuse of the build\'s validators from src/', () => {
  test('the hash identifying a precompiled validator changes with the schema', () => {
    const text = fs.readFileSync(path.join(SCHEMAS_DIR, 'k8s', 'service-v1.json'), 'utf8');
    expect(compiledHash(text)).toBe(compiledHash(text));
    expect(compiledHash(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(compiledHash(text.replace('"maximum":65535', '"maximum":65534'))).not.toBe(compiledHash(text));
  });
});
