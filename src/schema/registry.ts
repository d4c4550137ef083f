import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { ErrorObject } from 'ajv';
import { UsageError } from '../cli/args';
import { AJV_OPTIONS, createAjv, withoutAnnotations } from './ajv';
import { BUILTIN_KINDS } from './builtin-kinds';
import { schemaName } from './names';
import { codeCacheTag } from '../util/v8-flags';

/** Where svclab's own schemas live: `schemas/` beside `src/` and `dist/` alike. */
export const SCHEMAS_DIR = path.resolve(__dirname, '..', '..', 'schemas');
/** Standalone validators written by scripts/compile-schemas.js at build time (only under dist/). */
export const COMPILED_DIR = path.join(__dirname, 'compiled');
/**
 * Running from src/ (ts-jest), the build's validators in dist/ are used when they were made
 * from the same schema and ajv options (checked by hash): compiling the Pod-template schemas
 * anew costs about a second per kind in every test file.
 */
const BUILT_COMPILED_DIR = path.resolve(__dirname, '..', '..', 'dist', 'schema', 'compiled');

export interface SchemaEntry {
  /** kubeconform name, e.g. `service-v1`. */
  name: string;
  /** Absolute path of the JSON schema. */
  file: string;
  builtin: boolean;
}

/** The shape of an ajv validate function, precompiled or compiled now. */
export interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type LoadedSchema = { ok: true; validate: Validate } | { ok: false; problem: string };

/** Lists `*.json` schema files of a directory by kubeconform name. */
function listSchemas(dir: string, builtin: boolean): SchemaEntry[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => (d.isFile() || d.isSymbolicLink()) && d.name.endsWith('.json'))
    .map((d) => ({ name: d.name.slice(0, -'.json'.length).toLowerCase(), file: path.join(dir, d.name), builtin }));
}

/** svclab's own schemas: the kinds catalogue's list, so startup reads no directory. */
export function builtinSchemas(): SchemaEntry[] {
  return BUILTIN_KINDS.map((k) => ({ name: schemaName(k.apiVersion, k.kind), file: path.join(SCHEMAS_DIR, k.file), builtin: true }));
}

/** The schemas of one run: svclab's own, then `--schema-dir` ones (which win on a name clash). */
export class SchemaRegistry {
  private readonly byName = new Map<string, SchemaEntry>();
  /** Kinds that svclab itself has a schema for (under some apiVersion), by lowercase name. */
  readonly builtinKinds = new Map<string, string>();

  constructor(userDirs: readonly string[]) {
    for (const e of builtinSchemas()) this.byName.set(e.name, e);
    for (const k of BUILTIN_KINDS) this.builtinKinds.set(k.kind.toLowerCase(), k.kind);
    for (const dir of userDirs) {
      let entries: SchemaEntry[];
      try {
        entries = listSchemas(dir, false);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a directory' : `cannot be read (${code ?? String(err)})`;
        throw new UsageError(`--schema-dir ${dir} ${why}`);
      }
      for (const e of entries) this.byName.set(e.name, e);
    }
  }

  private readonly byKind = new Map<string, SchemaEntry | undefined>();

  /** The schema for an apiVersion and kind (memoised: called once per object). */
  lookup(apiVersion: string, kind: string): SchemaEntry | undefined {
    const key = `${apiVersion}\u0000${kind}`;
    if (!this.byKind.has(key)) this.byKind.set(key, this.byName.get(schemaName(apiVersion, kind)));
    return this.byKind.get(key);
  }
}

/** Compiled validators, once per process (a library user may lint many times). */
const loaded = new Map<string, LoadedSchema>();
/** Parsed JSON schemas, read only when an error needs their property names or descriptions. */
const parsedJson = new Map<string, unknown>();

export function loadValidator(entry: SchemaEntry): LoadedSchema {
  let result = loaded.get(entry.file);
  if (!result) {
    result = entry.builtin ? loadPrecompiled(entry) ?? compileNow(entry) : compileNow(entry);
    loaded.set(entry.file, result);
  }
  return result;
}

function loadPrecompiled(entry: SchemaEntry): LoadedSchema | null {
  const own = path.join(COMPILED_DIR, `${entry.name}.js`);
  if (fs.existsSync(own)) return { ok: true, validate: loadCompiledModule(own) }; // built together with this code
  const built = path.join(BUILT_COMPILED_DIR, `${entry.name}.js`);
  if (COMPILED_DIR === BUILT_COMPILED_DIR || !fs.existsSync(built)) return null;
  try {
    if (fs.readFileSync(built.replace(/\.js$/, '.sha256'), 'utf8').trim() !== compiledHash(fs.readFileSync(entry.file, 'utf8'))) return null;
  } catch {
    return null;
  }
  return { ok: true, validate: loadCompiledModule(built) };
}

/** Identifies what a precompiled validator was made from: the schema text, the ajv options and version. */
export function compiledHash(schemaText: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read only when checking a build's validators
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  // node:crypto only here: loading it costs a one-file lint ~10 ms, and a built CLI never hashes.
  const { createHash } = require('node:crypto') as typeof import('node:crypto'); // eslint-disable-line @typescript-eslint/no-require-imports
  return createHash('sha256').update(`${ajvVersion}\n${JSON.stringify(AJV_OPTIONS)}\n${schemaText}`).digest('hex');
}

type CompiledModule = Validate & { default?: Validate };

/** Loads a standalone validator module, with its code cache when there is a usable one. */
export function loadCompiledModule(file: string): Validate {
  const mod = runWithCodeCache(file) ?? (require(file) as CompiledModule); // eslint-disable-line @typescript-eslint/no-require-imports -- generated validator, loaded per kind
  return mod.default ?? mod;
}

/** Wraps a CommonJS module body the way Node does, so that a vm.Script can run it. */
export function wrapModule(code: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
}

/**
 * The V8 code cache of a compiled validator for this process: `<name>.<tag>.cache`, where the
 * tag is V8's cachedDataVersionTag (its version, flags and CPU features), since V8 rejects a
 * cache made under other flags. The build writes one for Node's default flags (the library)
 * and one for the flags the CLI sets for a long run (src/util/v8-flags.ts).
 */
export function codeCacheFile(file: string): string {
  return file.replace(/\.js$/, `.${codeCacheTag(path.dirname(file))}.cache`);
}

/**
 * Runs a compiled validator with the V8 code cache written beside it at build time
 * (codeCacheFile): parsing a 400 KB validator costs more than the rest of a small run's
 * schema stage. Returns null (the caller then uses require) when there is no cache for these
 * flags or V8 rejects it, e.g. after a Node upgrade.
 */
function runWithCodeCache(file: string): CompiledModule | null {
  const cacheFile = codeCacheFile(file);
  let cachedData: Buffer;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    return null;
  }
  // The build writes validators in ASCII (scripts/compile-schemas.js escapes the rest): read as
  // latin1, their text is a copy of the bytes, not a UTF-8 decoding (a 400 KB one: 3 -> 0.5 ms).
  const bytes = fs.readFileSync(file);
  const script = new vm.Script(wrapModule(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')), { filename: file, cachedData });
  if (script.cachedDataRejected) return null;
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: { exports: unknown }, f: string, d: string) => void)(mod.exports, require, mod, file, path.dirname(file));
  return mod.exports as CompiledModule;
}

function compileNow(entry: SchemaEntry): LoadedSchema {
  let schema: unknown;
  try {
    schema = schemaJson(entry);
  } catch (err) {
    return { ok: false, problem: `it is not valid JSON (${firstLine(err)})` };
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { ok: false, problem: 'it is not a JSON object' };
  try {
    return { ok: true, validate: createAjv().compile(schemaForValidation(schema)) as Validate };
  } catch (err) {
    return { ok: false, problem: `ajv cannot compile it (${firstLine(err)})` };
  }
}

/** The parsed JSON of a schema (cached). Throws when the file cannot be read or parsed. */
export function schemaJson(entry: SchemaEntry): unknown {
  if (!parsedJson.has(entry.file)) parsedJson.set(entry.file, JSON.parse(fs.readFileSync(entry.file, 'utf8')) as unknown);
  return parsedJson.get(entry.file);
}

/**
 * What ajv compiles: the schema without annotations, and without `$schema` (ajv's default
 * class speaks draft-07; kubeconform-style schemas are written to it even when they name
 * another draft, so the tag is dropped rather than refused). The same at build and run time.
 */
export function schemaForValidation(schema: object): object {
  const { $schema: _ignored, ...body } = schema as Record<string, unknown>;
  return withoutAnnotations(body) as object;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
