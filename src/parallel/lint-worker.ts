import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, ruleScope } from '../lint-file';
import { RULES } from '../rules/index';
import { createSchemaValidator } from '../schema';
import type { FileResult, WorkerInput, WorkerOutput } from './protocol';
import { onWorkerThread } from '../util/v8-flags';

onWorkerThread();

/** Worker thread: lints a share of the files (parse, schema, object-scoped rules). */
function main(input: WorkerInput): WorkerOutput {
  const validate = createSchemaValidator({ schemaDirs: input.schemaDirs, defaultNamespace: input.settings.defaultNamespace });
  const off = new Set(input.offRules);
  const objectRules = RULES.filter((r) => ruleScope(r) === 'object' && !off.has(r.meta.id));
  const results: FileResult[] = input.files.map((source) => {
    const { manifests, findings } = lintFile(source, validate, input.settings, objectRules);
    return {
      manifests: manifests.map(({ source: _doc, ...rest }) => rest),
      findings: findings.map(({ manifest, ...rest }) => ({ ...rest, manifestIndex: manifest ? manifests.indexOf(manifest) : -1 })),
    };
  });
  return { ok: true, results };
}

try {
  parentPort?.postMessage(main(workerData as WorkerInput));
} catch (err) {
  parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies WorkerOutput);
}
