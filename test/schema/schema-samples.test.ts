import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAjv } from '../../src/schema/ajv';
import { BUILTIN_KINDS } from '../../src/schema/builtin-kinds';
import { schemaForValidation, SCHEMAS_DIR } from '../../src/schema/registry';

// The objects scripts/compile-schemas.js validates before taking each validator's code cache
// (see scripts/schema-samples.js): a sample only warms the functions of the fields it has, so
// a misspelt or misplaced field would warm nothing; each must be valid under svclab's schema.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a build script, CommonJS
const { SAMPLES } = require('../../scripts/schema-samples.js') as { SAMPLES: Record<string, Array<{ apiVersion: string; kind: string }>> };

describe('schema warm-up samples (scripts/schema-samples.js)', () => {
  test('cover the workload kinds, Service, ConfigMap, Ingress, NetworkPolicy and the Gateway API routes', () => {
    for (const key of ['apps/v1 Deployment', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'batch/v1 Job', 'batch/v1 CronJob', 'v1 Pod', 'v1 Service', 'v1 ConfigMap', 'networking.k8s.io/v1 Ingress', 'networking.k8s.io/v1 NetworkPolicy', 'gateway.networking.k8s.io/v1 HTTPRoute']) {
      expect(SAMPLES[key]?.length).toBeGreaterThan(0);
    }
  });

  const cases = Object.entries(SAMPLES).flatMap(([key, objects]) => objects.map((o, i) => [`${key} #${i + 1}`, key, o] as const));
  test.each(cases)('%s is a kind of the catalogue, filed under its own apiVersion and kind, and valid', (_name, key, object) => {
    expect(`${object.apiVersion} ${object.kind}`).toBe(key);
    const entry = BUILTIN_KINDS.find((k) => k.apiVersion === object.apiVersion && k.kind === object.kind);
    expect(entry).toBeDefined();
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, entry!.file), 'utf8')) as object;
    const validate = createAjv().compile(schemaForValidation(schema));
    expect(validate(object) ? [] : validate.errors).toEqual([]);
  });
});
