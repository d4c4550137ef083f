import * as path from 'node:path';
import type { PendingFinding } from '../findings';
import { locate, type Manifest } from '../parse/manifest';
import { apiGroup, isBuiltinApiVersion, isKubernetesGroup, isServed, removedApi } from '../model/kinds';
import { toPending } from '../rules/run';
import schemaRule from '../rules/schema';
import unknownFieldRule from '../rules/unknown-field';
import unknownKindRule from '../rules/unknown-kind';
import type { MessageOf, Rule, RuleReport } from '../rules/rule';
import { didYouMean } from '../util/did-you-mean';
import { BUILTIN_KINDS } from './builtin-kinds';
import { errorsToReports, type SchemaLookup } from './errors';
import { schemaName } from './names';
import { schemaAtPath } from './walk';
import { loadValidator, schemaJson, SchemaRegistry, type SchemaEntry } from './registry';

export interface SchemaOptions {
  /** Extra directories of JSON schemas (kubeconform naming), for CRDs. */
  schemaDirs: string[];
  defaultNamespace: string;
}

/**
 * Validates one object against the JSON schema of its kind and turns ajv errors into findings
 * (`schema`, `unknown-field`, `unknown-kind`, ...).
 */
export type SchemaValidator = (manifest: Manifest) => PendingFinding[];

/** Most problems a single object reports; past that, one "N more" finding (a wrong indentation can cause hundreds). */
export const MAX_ERRORS_PER_OBJECT = 20;

const RULES: Record<string, Rule> = { schema: schemaRule, 'unknown-field': unknownFieldRule, 'unknown-kind': unknownKindRule };

/**
 * The schema stage. Validators are loaded per kind on first use (precompiled standalone code
 * under dist/, or compiled now from the JSON schema) and kept for the whole process.
 * Throws a UsageError when a `--schema-dir` cannot be read.
 */
export function createSchemaValidator(options: SchemaOptions): SchemaValidator {
  const registry = new SchemaRegistry(options.schemaDirs);
  const pending = (ruleId: string, r: RuleReport) => toPending(RULES[ruleId], r, options.defaultNamespace);

  return (m) => {
    const entry = registry.lookup(m.apiVersion, m.kind);
    if (!entry) {
      const message = noSchema(m, registry, options.schemaDirs.length > 0);
      return message ? [pending('unknown-kind', { ...message, manifest: m, path: ['kind'] })] : [];
    }
    const loaded = loadValidator(entry);
    if (!loaded.ok) {
      const data = { file: path.basename(entry.file), apiVersion: m.apiVersion, kind: m.kind, problem: loaded.problem };
      return [pending('schema', { messageId: 'schemaUnusable', manifest: m, path: ['kind'], data })];
    }
    if (loaded.validate(m.value)) return [];
    const reports = errorsToReports(m, loaded.validate.errors ?? [], lookupIn(entry));
    const located = reports
      .map((r) => ({ r, at: locate(m, r.report.path, { key: r.report.atKey }) }))
      .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    const out = located.slice(0, MAX_ERRORS_PER_OBJECT).map(({ r }) => pending(r.ruleId, r.report));
    if (located.length > MAX_ERRORS_PER_OBJECT) {
      out.push(pending('schema', { messageId: 'tooMany', manifest: m, path: [], data: { count: located.length - MAX_ERRORS_PER_OBJECT, kind: m.kind } }));
    }
    return out;
  };
}

/**
 * An object svclab has no schema for. An apiVersion Kubernetes removed (extensions/v1beta1
 * Deployment) is left to `deprecated-api`, silently here.
 */
function noSchema(m: Manifest, registry: SchemaRegistry, hasSchemaDirs: boolean): MessageOf<typeof unknownKindRule.meta.messages> | null {
  if (removedApi(m.apiVersion, m.kind)) return null;
  // Scenario files sit beside manifests in scenario folders; `svclab validate` and `svclab test`
  // check them against schemas/scenario.schema.json.
  if (apiGroup(m.apiVersion) === 'svclab.io' && m.kind === 'Scenario') return null;
  // A kind or version Kubernetes' own groups do not serve is an error of `unserved-api`.
  if (isKubernetesGroup(m.apiVersion) && !isServed(m.apiVersion, m.kind)) return null;
  const kubernetesGroup = isBuiltinApiVersion(m.apiVersion) && apiGroup(m.apiVersion) !== 'svclab.io';
  const file = `${schemaName(m.apiVersion, m.kind)}.json`;
  const names = { kind: m.kind, apiVersion: m.apiVersion };
  // Only within Kubernetes' own groups (and svclab's): a CRD may reuse a built-in kind's name.
  const servedAs = isBuiltinApiVersion(m.apiVersion) ? BUILTIN_KINDS.filter((k) => k.kind === m.kind).map((k) => k.apiVersion) : [];
  const guess = kubernetesGroup ? didYouMean(m.kind, registry.builtinKinds.values()) : undefined;
  // Past the isServed check above, a Kubernetes group does serve this version (autoscaling/v1
  // HorizontalPodAutoscaler): only svclab lacks its schema, so the apiVersion is not wrong.
  if (servedAs.length > 0 && kubernetesGroup) return { messageId: 'otherVersionChecked', data: { ...names, checked: servedAs.map((v) => `\`${v}\``).join(' and '), file } };
  if (servedAs.length > 0) return { messageId: 'servedElsewhere', data: { ...names, served: servedAs.join('` or `') } };
  if (guess) return { messageId: 'didYouMean', data: { ...names, guess } };
  if (kubernetesGroup) return { messageId: 'builtinWithoutSchema', data: { ...names, file } };
  return { messageId: hasSchemaDirs ? 'customResourceNotInSchemaDirs' : 'customResource', data: { ...names, file } };
}

/** Reads the kind's JSON schema (only when an error needs property names or descriptions). */
function lookupIn(entry: SchemaEntry): SchemaLookup {
  return (fieldPath) => {
    try {
      return schemaAtPath(schemaJson(entry), fieldPath);
    } catch {
      return undefined;
    }
  };
}
