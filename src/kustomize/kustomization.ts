/**
 * Reading a kustomization file, as kustomize's `Kustomization.Unmarshal` and `EnforceFields`
 * do (api/types/kustomization.go): a YAML mapping of known fields (an unknown field fails the
 * build), `kind: Kustomization` or `Component`, `bases` folded into `resources`, `imageTags`
 * into `images`. Each value keeps its position, for findings and for provenance.
 */
import * as path from 'node:path';
import type { Document } from 'yaml';
import { yamlLib } from '../parse/yaml-lib';
import { ParsedDocument } from '../parse/document';
import { stageFinding, type PendingFinding } from '../findings';
import duplicateKey from '../rules/duplicate-key';
import kustomizeBuild from '../rules/kustomize-build';
import kustomizeSkipped from '../rules/kustomize-skipped';
import type { MessageOf } from '../rules/rule';
import { formatPath, type FieldPath } from '../types';
import { didYouMean } from '../util/did-you-mean';
import type { KustomizeFiles } from './files';
import type { Origin } from './provenance';
import { isRecord } from './types';

/** The fields svclab builds (kustomize v5's behaviour for each). */
export const BUILT_FIELDS = [
  'resources', 'bases', 'components', 'namespace', 'namePrefix', 'nameSuffix', 'commonLabels', 'labels', 'commonAnnotations',
  'images', 'imageTags', 'replicas', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'configMapGenerator', 'secretGenerator', 'generatorOptions',
] as const;

/**
 * Fields svclab does not build, and why that does or does not matter: the first group can
 * change the objects (their findings are then at most warnings), the second cannot change
 * what svclab checks.
 */
export const UNBUILT_FIELDS: Readonly<Record<string, string | null>> = {
  replacements: null,
  vars: null,
  helmCharts: null,
  helmGlobals: null,
  helmChartInflationGenerator: null,
  transformers: null,
  generators: null,
  validators: null,
  configurations: null,
  crds: null,
  openapi: null,
  sortOptions: 'it only orders the output',
  buildMetadata: 'it only adds build annotations and labels',
};

const OTHER_FIELDS = ['apiVersion', 'kind', 'metadata'];
const ALL_FIELDS = [...BUILT_FIELDS, ...Object.keys(UNBUILT_FIELDS), ...OTHER_FIELDS];

export const KUSTOMIZATION_API = 'kustomize.config.k8s.io/v1beta1';
export const COMPONENT_API = 'kustomize.config.k8s.io/v1alpha1';

export interface Kustomization {
  /** Absolute (or virtual) path of the file, and of its folder. */
  key: string;
  dirKey: string;
  /** As shown in findings. */
  file: string;
  /** The folder as shown (`overlays/prod`, `.` for the current folder). */
  dir: string;
  doc: ParsedDocument;
  value: Record<string, unknown>;
  kind: 'Kustomization' | 'Component';
}

export type BuildMessage = MessageOf<typeof kustomizeBuild.meta.messages>;
export type SkipMessage = MessageOf<typeof kustomizeSkipped.meta.messages>;

/** Findings of the kustomize stage, each at a place of a kustomization (or a patch). */
export class Problems {
  readonly list: PendingFinding[] = [];

  /** `key`: point at the field's key (a field as a whole), not at its value. */
  fail(ref: BuildMessage, at: Origin, key = false): void {
    this.list.push(stageFinding(kustomizeBuild, ref, at.doc.file, at.doc.locate(at.path, { key }), formatPath(at.path)));
  }

  skip(ref: SkipMessage, at: Origin, key = false): void {
    this.list.push(stageFinding(kustomizeSkipped, ref, at.doc.file, at.doc.locate(at.path, { key }), formatPath(at.path)));
  }

  add(f: PendingFinding): void {
    this.list.push(f);
  }
}

export function at(k: Kustomization, p: FieldPath): Origin {
  return { doc: k.doc, path: p };
}

/** Reads and checks the kustomization file of a folder; null (with findings) when it cannot be used. */
export function readKustomization(files: KustomizeFiles, key: string, problems: Problems): Kustomization | null {
  const source = files.file(key);
  if (!source || !('text' in source)) return null;
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[] | Document.Parsed;
  const first = (Array.isArray(docs) ? docs : [docs])[0];
  const file = files.display(key);
  const dirKey = path.dirname(key);
  const dir = files.display(dirKey) || '.';
  if (!first) return null;
  const doc = new ParsedDocument(file, 0, first, lineCounter);
  const broken = first.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  for (const e of first.errors.filter((x) => x.code === 'DUPLICATE_KEY')) {
    problems.add(stageFinding(duplicateKey, { messageId: 'duplicateUnreadable' }, file, doc.rangeOfOffsets(e.pos[0], e.pos[1])));
  }
  if (broken) {
    const range = doc.rangeOfOffsets(broken.pos[0], broken.pos[1]);
    problems.add(stageFinding(kustomizeBuild, { messageId: 'notYaml', data: { problem: broken.message.split('\n')[0] } }, file, range));
    return null;
  }
  let value: unknown;
  try {
    value = first.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    problems.fail({ messageId: 'notYaml', data: { problem: err instanceof Error ? err.message.split('\n')[0] : String(err) } }, { doc, path: [] });
    return null;
  }
  if (value === null || value === undefined) value = {};
  if (!isRecord(value)) {
    problems.fail({ messageId: 'notMapping', data: { found: Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(value).slice(0, 30)}` } }, { doc, path: [] });
    return null;
  }
  const kindValue = typeof value.kind === 'string' ? value.kind : '';
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const kind = kindValue === 'Component' ? 'Component' : 'Kustomization';
  const k: Kustomization = { key, dirKey, file, dir, doc, value, kind };
  if ((kindValue !== '' && kindValue !== 'Kustomization' && kindValue !== 'Component') || (apiVersion !== '' && apiVersion !== (kind === 'Component' ? COMPONENT_API : KUSTOMIZATION_API))) {
    problems.fail({ messageId: 'badKind', data: { kind: kindValue || '(none)', apiVersion: apiVersion || '(none)' } }, at(k, kindValue ? ['kind'] : ['apiVersion']));
  }
  for (const field of Object.keys(value)) {
    if (ALL_FIELDS.includes(field)) continue;
    const guess = didYouMean(field, ALL_FIELDS);
    problems.fail({ messageId: 'unknownField', data: { field, suggestion: guess ? ` (did you mean \`${guess}\`?)` : '' } }, at(k, [field]), true);
  }
  return k;
}

/** One list entry with where it was written. */
export interface Entry<T> {
  value: T;
  at: Origin;
}

/** A list field of strings (`resources`, `components`, ...), reporting entries of another type. */
export function stringList(k: Kustomization, field: string, problems: Problems): Entry<string>[] {
  const v = k.value[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.fail({ messageId: 'fieldType', data: { field, expected: 'a list of strings' } }, at(k, [field]));
    return [];
  }
  const out: Entry<string>[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'string') out.push({ value: item, at: at(k, [field, i]) });
    else problems.fail({ messageId: 'fieldType', data: { field: `${field}[${i}]`, expected: 'a string' } }, at(k, [field, i]));
  });
  return out;
}

/** A list field of mappings (`patches`, `images`, `configMapGenerator`, ...). */
export function mapList(k: Kustomization, field: string, problems: Problems): Entry<Record<string, unknown>>[] {
  const v = k.value[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.fail({ messageId: 'fieldType', data: { field, expected: 'a list' } }, at(k, [field]));
    return [];
  }
  const out: Entry<Record<string, unknown>>[] = [];
  v.forEach((item, i) => {
    if (isRecord(item)) out.push({ value: item, at: at(k, [field, i]) });
    else problems.fail({ messageId: 'fieldType', data: { field: `${field}[${i}]`, expected: 'a mapping' } }, at(k, [field, i]));
  });
  return out;
}

/** A string field (`namespace`, `namePrefix`, ...); '' when absent. */
export function stringField(k: Kustomization, field: string, problems: Problems): string {
  const v = k.value[field];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  problems.fail({ messageId: 'fieldType', data: { field, expected: 'a string' } }, at(k, [field]));
  return '';
}

/** A map of strings (`commonLabels`, `commonAnnotations`, `labels[].pairs`); scalars are read as kustomize reads them, as text. */
export function stringMap(value: unknown, name: string, where: Origin, problems: Problems): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    problems.fail({ messageId: 'fieldType', data: { field: name, expected: 'a mapping of strings' } }, where);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
    else if (v === null) out[key] = '';
    else problems.fail({ messageId: 'fieldType', data: { field: `${name}.${key}`, expected: 'a string' } }, { doc: where.doc, path: [...where.path, key] });
  }
  return out;
}

/** Is a `resources:` entry a remote target (a URL or a git repository), which svclab never fetches? */
export function isRemote(entry: string): boolean {
  return /^(?:https?:\/\/|git@|ssh:\/\/|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(entry) || /\?(?:ref|version|timeout)=/.test(entry) || /\.git(?:\/\/|$)/.test(entry);
}
