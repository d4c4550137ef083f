import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/lint';
import { describeWithShared, sharedPath } from '../helpers';

/**
 * The 14 published apps in shared/corpus/real-world must pass schema validation: a strict
 * schema that misses a field real manifests use would turn it into a false error.
 */
const CORPUS = sharedPath('corpus', 'real-world');

describeWithShared('schema validation of real-world manifests', 'corpus/real-world', () => {
  const apps = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  test.each(apps)('%s has no schema or unknown-field error', async (app) => {
    const run = await lint([path.join(CORPUS, app)]);
    expect(run.summary.objects).toBeGreaterThan(0);
    const errors = run.findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'unknown-field');
    expect(errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });

  test('custom resources (ServiceMonitor, Prometheus, Alertmanager) are unknown-kind infos', async () => {
    const run = await lint([path.join(CORPUS, 'kube-prometheus')]);
    const kinds = new Set(run.findings.filter((f) => f.ruleId === 'unknown-kind').map((f) => f.object?.kind));
    expect([...kinds].sort()).toEqual(['Alertmanager', 'Prometheus', 'ServiceMonitor']);
    expect(run.findings.filter((f) => f.ruleId === 'unknown-kind').every((f) => f.severity === 'info')).toBe(true);
  });
});
