import type { PendingFinding } from './findings';
import type { SourceFile } from './load/source';
import { buildModel } from './model/build';
import { manifestRef, type Manifest } from './parse/manifest';
import type { Model } from './model/types';
import { parseSourceFile } from './parse/parse-file';
import type { LintSettings } from './rules/context';
import type { Rule } from './rules/rule';
import { runRules } from './rules/run';
import type { SchemaValidator } from './schema';

export interface FileLint {
  manifests: Manifest[];
  findings: PendingFinding[];
  /** The model of this file's objects, when object rules needed it (so the caller can reuse it). */
  model: Model | null;
}

/**
 * Everything that needs only one file: parse, schema, and the rules whose scope is `object`
 * (run over a model of this file's objects). Shared by the serial path and the worker threads,
 * so both give the same findings.
 */
export function lintFile(source: SourceFile, validate: SchemaValidator, settings: LintSettings, objectRules: readonly Rule[]): FileLint {
  const parsed = parseSourceFile(source, { fast: true });
  const findings: PendingFinding[] = [...parsed.findings];
  // The parse stage attaches some findings to their object (duplicate-key); their reference needs the namespace.
  for (const f of findings) if (f.manifest && !f.object) f.object = manifestRef(f.manifest, settings.defaultNamespace);
  for (const m of parsed.manifests) appendAll(findings, validate(m));
  let model: Model | null = null;
  if (objectRules.length > 0) {
    model = buildModel(parsed.manifests, settings.defaultNamespace);
    if (parsed.manifests.length > 0) appendAll(findings, runRules(model, settings, objectRules));
  }
  return { manifests: parsed.manifests, findings, model };
}

export function ruleScope(rule: Rule): 'object' | 'cluster' {
  return rule.meta.scope ?? 'cluster';
}

/**
 * Appends `items` to `target`. Not `target.push(...items)`: a spread passes every item as a
 * function argument on the stack, which overflows past about 100,000 items (a generated file
 * with that many documents, or that many findings).
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
