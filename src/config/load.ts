import * as path from 'node:path';
import { UsageError } from '../cli/args';
import { displayPath, readSource } from '../load/files';
import { MAX_ALIAS_COUNT, parseSourceFile } from '../parse/parse-file';
import type { ParsedDocument } from '../parse/document';
import { RULES_BY_ID } from '../rules/index';
import type { SeveritySetting } from '../types';
import { didYouMean } from '../util/did-you-mean';
import { parseCIDR } from '../util/ip';
import { findConfigFile } from './find';
import { validateConfigShape, type ConfigProblem } from './validate';

export { CONFIG_FILE_NAME, findConfigFile } from './find';

export interface SvclabConfig {
  /** The file it was read from. */
  file: string;
  rules?: Record<string, SeveritySetting>;
  namespace?: string;
  nodePortRange?: { min: number; max: number };
  serviceCIDRs?: string[];
  clusterDomain?: string;
  ignorePatterns?: string[];
  /** Absolute: written relative to the config file's folder. */
  schemaDirs?: string[];
}

/** The config as written, once it passed the schema. */
interface RawConfig {
  rules?: Record<string, SeveritySetting>;
  namespace?: string;
  nodePortRange?: string | { min: number; max: number };
  serviceCIDR?: string | string[];
  clusterDomain?: string;
  ignorePatterns?: string[];
  schemaDirs?: string[];
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Finds and validates `svclab.config.yaml` (searched upward from cwd) or the file given by
 * --config. Returns null when there is none; every problem is a UsageError naming file:line:col.
 */
export function loadConfig(cwd: string, explicit: string | undefined): SvclabConfig | null {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (file === null) return null;
  const shown = displayPath(file, cwd);
  const source = readSource(file, cwd, MAX_CONFIG_BYTES);
  if ('reason' in source) {
    throw new UsageError(`config file ${explicit !== undefined ? explicit : shown}: ${source.reason.replace(/^cannot read file: ENOENT$/, 'not found')}`);
  }
  const parsed = parseSourceFile(source);
  const syntax = parsed.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'duplicate-key');
  if (syntax.length) {
    throw new UsageError(syntax.map((f) => `${shown}:${f.range.line}:${f.range.column}: ${f.message}`).join('\n'));
  }
  const docs = parsed.documents.filter((d) => d.doc.contents !== null && d.doc.contents !== undefined);
  if (docs.length > 1) {
    const at = docs[1].documentRange();
    throw new UsageError(`${shown}:${at.line}:${at.column}: a config file holds one YAML document, this is a second one`);
  }
  const doc = docs[0];
  let value: unknown = {};
  if (doc) {
    try {
      value = doc.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    } catch (err) {
      throw new UsageError(`${shown}: cannot be read: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  const problems = validateConfigShape(value);
  if (problems.length === 0) problems.push(...checkMeaning(value as RawConfig));
  if (problems.length) throw new UsageError(problems.map((p) => `${position(shown, doc, p)}: ${p.message}`).join('\n'));
  return normalize(value as RawConfig, file);
}

function position(shown: string, doc: ParsedDocument | undefined, p: ConfigProblem): string {
  if (!doc) return `${shown}:1:1`;
  const r = doc.locate(p.path, { key: p.atKey });
  return `${shown}:${r.line}:${r.column}`;
}

/** What the schema cannot say: rule ids from the registry, range order, CIDR syntax. */
function checkMeaning(raw: RawConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const id of Object.keys(raw.rules ?? {})) {
    if (RULES_BY_ID.has(id)) continue;
    const guess = didYouMean(id, RULES_BY_ID.keys());
    problems.push({ path: ['rules', id], atKey: true, message: `unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; \`svclab rules\` lists them` });
  }
  if (raw.nodePortRange !== undefined) {
    const r = nodePortRange(raw.nodePortRange);
    if (r.min < 1 || r.max > 65535 || r.min > r.max) {
      problems.push({ path: ['nodePortRange'], atKey: false, message: `nodePortRange ${r.min}-${r.max} is not a port range: it needs 1 <= min <= max <= 65535` });
    }
  }
  const cidrs = raw.serviceCIDR === undefined ? [] : Array.isArray(raw.serviceCIDR) ? raw.serviceCIDR : [raw.serviceCIDR];
  const families = new Set<number>();
  cidrs.forEach((text, i) => {
    const at = Array.isArray(raw.serviceCIDR) ? ['serviceCIDR', i] : ['serviceCIDR'];
    const cidr = parseCIDR(text);
    if (!cidr) problems.push({ path: at, atKey: false, message: `serviceCIDR "${text}" is not a CIDR such as 10.96.0.0/12 or fd00:10:96::/112` });
    else if (families.has(cidr.family)) problems.push({ path: at, atKey: false, message: `serviceCIDR has two IPv${cidr.family} ranges; the API server takes at most one per IP family` });
    else families.add(cidr.family);
  });
  return problems;
}

function nodePortRange(v: string | { min: number; max: number }): { min: number; max: number } {
  if (typeof v !== 'string') return { min: v.min, max: v.max };
  const [min, max] = v.split('-').map((s) => Number(s.trim()));
  return { min, max };
}

function normalize(raw: RawConfig, file: string): SvclabConfig {
  const dir = path.dirname(file);
  const out: SvclabConfig = { file };
  if (raw.rules) out.rules = { ...raw.rules };
  if (raw.namespace !== undefined) out.namespace = raw.namespace;
  if (raw.nodePortRange !== undefined) out.nodePortRange = nodePortRange(raw.nodePortRange);
  if (raw.serviceCIDR !== undefined) out.serviceCIDRs = Array.isArray(raw.serviceCIDR) ? [...raw.serviceCIDR] : [raw.serviceCIDR];
  if (raw.clusterDomain !== undefined) out.clusterDomain = raw.clusterDomain;
  if (raw.ignorePatterns) out.ignorePatterns = [...raw.ignorePatterns];
  if (raw.schemaDirs) out.schemaDirs = raw.schemaDirs.map((d) => path.resolve(dir, d));
  return out;
}
