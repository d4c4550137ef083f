/**
 * `configMapGenerator` and `secretGenerator`, as kustomize's generators make them
 * (api/internal/generators/configmap.go, secret.go, utils.go; api/kv/kv.go for the key/value
 * sources), and the content hash of api/hasher/hasher.go that `HashTransformer` appends to
 * their names (`app-config-5t8mf2hd7c`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { at, stringMap, type Entry, type Kustomization, type Problems } from './kustomization';
import { isVirtual, type KustomizeFiles } from './files';
import type { Origin, Provenance } from './provenance';
import { isRecord, type Resource } from './types';

export type GeneratorKind = 'configMapGenerator' | 'secretGenerator';

interface Options {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  disableNameSuffixHash: boolean;
  immutable: boolean;
}

/** kustomize's MergeGlobalOptionsIntoLocal: the entry's labels win; either switch turns a flag on. */
function options(k: Kustomization, entry: Entry<Record<string, unknown>>, problems: Problems): Options {
  const global = isRecord(k.value.generatorOptions) ? k.value.generatorOptions : {};
  const local = isRecord(entry.value.options) ? entry.value.options : {};
  const map = (o: Record<string, unknown>, field: 'labels' | 'annotations', where: Origin) => stringMap(o[field], field, where, problems);
  return {
    labels: { ...map(global, 'labels', at(k, ['generatorOptions', 'labels'])), ...map(local, 'labels', { doc: entry.at.doc, path: [...entry.at.path, 'options', 'labels'] }) },
    annotations: { ...map(global, 'annotations', at(k, ['generatorOptions', 'annotations'])), ...map(local, 'annotations', { doc: entry.at.doc, path: [...entry.at.path, 'options', 'annotations'] }) },
    disableNameSuffixHash: global.disableNameSuffixHash === true || local.disableNameSuffixHash === true,
    immutable: global.immutable === true || local.immutable === true,
  };
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** api/kv: `removeQuotes` of a literal's value. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}

interface Pair {
  key: string;
  value: string;
  /** Raw bytes, for a file that is not UTF-8 text (a ConfigMap's binaryData). */
  binary?: Buffer;
  at: Origin;
}

class GeneratorError extends Error {}

/** The key/value pairs of a generator entry: env files, then literals, then files (kv.Load's order). */
function pairsOf(k: Kustomization, entry: Entry<Record<string, unknown>>, files: KustomizeFiles): Pair[] {
  const out: Pair[] = [];
  const where = (field: string, i: number): Origin => ({ doc: entry.at.doc, path: [...entry.at.path, field, i] });
  const read = (rel: string, field: string): string => {
    const got = readBytes(rel, field);
    if (typeof got !== 'string') throw new GeneratorError(`${field} file ${rel} is not UTF-8 text`);
    return got;
  };
  const readBytes = (rel: string, field: string): string | Buffer => {
    const key = path.resolve(k.dirKey, rel);
    const f = files.file(key);
    if (!f) throw new GeneratorError(`${field} file ${rel} does not exist`);
    if ('text' in f) return f.text;
    // Not text: a ConfigMap keeps such a file in binaryData, as kustomize does.
    if ((f.problem.messageId === 'notUtf8' || f.problem.messageId === 'binary') && !isVirtual(key)) return fs.readFileSync(key);
    throw new GeneratorError(`${field} file ${rel} cannot be read: ${f.reason}`);
  };
  const envs = [...strings(entry.value.envs), ...strings(entry.value.env)];
  envs.forEach((rel, i) => {
    const field = i < strings(entry.value.envs).length ? 'envs' : 'env';
    const idx = field === 'envs' ? i : 0;
    read(rel, field).split(/\r?\n/).forEach((raw) => {
      const line = raw.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      out.push({ key: eq < 0 ? line : line.slice(0, eq), value: eq < 0 ? '' : line.slice(eq + 1), at: field === 'env' ? { doc: entry.at.doc, path: [...entry.at.path, 'env'] } : where('envs', idx) });
    });
  });
  strings(entry.value.literals).forEach((lit, i) => {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new GeneratorError(`invalid literal source ${lit}, expected key=value`);
    out.push({ key: lit.slice(0, eq), value: removeQuotes(lit.slice(eq + 1)), at: where('literals', i) });
  });
  strings(entry.value.files).forEach((src, i) => {
    const parts = src.split('=');
    if (parts.length > 2) throw new GeneratorError(`source "${src}" key name or file path contains '='`);
    const [keyName, rel] = parts.length === 2 ? parts : [path.posix.basename(src), src];
    if (keyName === '' || rel === '') throw new GeneratorError(`missing key name or file path in source "${src}"`);
    const got = readBytes(rel, 'files');
    out.push(typeof got === 'string' ? { key: keyName, value: got, at: where('files', i) } : { key: keyName, value: '', binary: got, at: where('files', i) });
  });
  const seen = new Set<string>();
  for (const p of out) {
    if (!/^[-._a-zA-Z0-9]+$/.test(p.key)) throw new GeneratorError(`"${p.key}" is not a valid key name: keys are made of letters, digits, '-', '_' and '.'`);
    if (seen.has(p.key)) throw new GeneratorError(`illegally repeats the key \`${p.key}\``);
    seen.add(p.key);
  }
  return out;
}

/** The objects of one kustomization's generators, in order (ConfigMaps, then Secrets). */
export function generate(k: Kustomization, kind: GeneratorKind, entries: Entry<Record<string, unknown>>[], files: KustomizeFiles, prov: Provenance, problems: Problems): Resource[] {
  const out: Resource[] = [];
  for (const entry of entries) {
    const name = typeof entry.value.name === 'string' ? entry.value.name : '';
    const label = kind === 'configMapGenerator' ? 'ConfigMap' : 'Secret';
    const fail = (problem: string) => problems.fail({ messageId: 'generator', data: { generator: kind, name: name || '(no name)', problem } }, entry.at);
    if (name === '') {
      fail(`a ${label} needs a name`);
      continue;
    }
    let pairs: Pair[];
    try {
      pairs = pairsOf(k, entry, files);
    } catch (err) {
      if (!(err instanceof GeneratorError)) throw err;
      fail(err.message);
      continue;
    }
    const opts = options(k, entry, problems);
    const behavior = entry.value.behavior === 'merge' || entry.value.behavior === 'replace' ? entry.value.behavior : 'create';
    const obj: Record<string, unknown> = { apiVersion: 'v1', kind: label, metadata: { name } };
    prov.adopt(obj, entry.at);
    const md = obj.metadata as Record<string, unknown>;
    prov.mark(md, 'name', { doc: entry.at.doc, path: [...entry.at.path, 'name'] });
    if (typeof entry.value.namespace === 'string' && entry.value.namespace !== '') prov.set(md, 'namespace', entry.value.namespace, { doc: entry.at.doc, path: [...entry.at.path, 'namespace'] });
    if (kind === 'secretGenerator') prov.set(obj, 'type', typeof entry.value.type === 'string' && entry.value.type ? entry.value.type : 'Opaque', { doc: entry.at.doc, path: [...entry.at.path, 'type'] });
    const data: Record<string, string> = {};
    const binaryData: Record<string, string> = {};
    obj.data = data;
    prov.register(data, entry.at);
    for (const p of pairs) {
      // A Secret's data is base64; a ConfigMap's data is text, and what is not UTF-8 goes to binaryData.
      if (kind === 'secretGenerator') data[p.key] = (p.binary ?? Buffer.from(p.value, 'utf8')).toString('base64');
      else if (p.binary) binaryData[p.key] = p.binary.toString('base64');
      else data[p.key] = p.value;
      prov.mark(p.key in data ? data : binaryData, p.key, p.at);
    }
    if (Object.keys(binaryData).length) obj.binaryData = binaryData;
    if (Object.keys(opts.labels).length) prov.set(md, 'labels', { ...opts.labels }, { doc: entry.at.doc, path: [...entry.at.path, 'options', 'labels'] });
    if (Object.keys(opts.annotations).length) prov.set(md, 'annotations', { ...opts.annotations }, { doc: entry.at.doc, path: [...entry.at.path, 'options', 'annotations'] });
    if (opts.immutable) prov.set(obj, 'immutable', true, { doc: entry.at.doc, path: [...entry.at.path, 'options', 'immutable'] });
    out.push({ obj, file: k.file, docIndex: 0, prevIds: [], prefixes: [], suffixes: [], generated: { hash: !opts.disableNameSuffixHash, behavior } });
  }
  return out;
}

/** Go's json.Marshal of a string: JSON with <, > and & (and U+2028, U+2029) escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's json.Marshal of a map: keys in sorted order. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = sortedKeys(v[key]);
    return out;
  }
  return v;
}

/** kustomize's hasher.encode: the first 10 hex digits of the sha256, with 0,1,3,a,e mapped to g,h,k,m,t. */
function encode(hex: string): string {
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => map[c] ?? c).join('');
}

/** kustomize's Hasher.Hash of a ConfigMap or Secret (encodeConfigMap / encodeSecret). */
export function contentHash(obj: Record<string, unknown>): string {
  // getNodeValues looks `metadata/name` up as one field name, which no node has: the name it
  // hashes is always "" (why one generator gets the same hash under every namePrefix).
  const name = '';
  const valueOf = (v: unknown) => (v === undefined || v === null ? '' : v);
  let m: Record<string, unknown>;
  if (obj.kind === 'Secret') {
    m = { kind: 'Secret', type: valueOf(obj.type), name, data: valueOf(obj.data) };
    if (isRecord(obj.stringData)) m.stringData = obj.stringData;
  } else {
    m = { kind: 'ConfigMap', name, data: valueOf(obj.data) };
    if (isRecord(obj.binaryData)) m.binaryData = obj.binaryData;
  }
  // node:crypto on first use: loading it costs every CLI start ~5 ms (issue 14).
  const { createHash } = require('node:crypto') as typeof import('node:crypto'); // eslint-disable-line @typescript-eslint/no-require-imports
  return encode(createHash('sha256').update(goJson(sortedKeys(m))).digest('hex'));
}
