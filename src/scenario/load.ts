/**
 * Finding and loading scenario folders. scenario.yaml is checked against
 * schemas/scenario.schema.json before anything runs; every problem becomes a LoadError with the
 * `scenario.yaml:LINE:COL` of the offending key and, for a misspelt key, a did-you-mean.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { SchemaLookup } from '../schema/problems';
import { schemaAtPath } from '../schema/walk';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { ParsedDocument, type DocumentSource } from '../parse/document';
import { parseSourceFile } from '../parse/parse-file';
import type { SourceFile } from '../load/source';
import { displayPath, readSource } from '../load/files';
import { globModule, isGlobPattern } from '../load/glob';
import { expandFileList, insideRoots, manifestsBelow, manifestsIn, outsideMessage, readScenarioSources, SCENARIO_FILE, type ReadProblem, type ScenarioRoots } from './paths';
import type { FieldPath } from '../types';
import { formatPath } from '../types';
import { scenarioSchemaErrors } from './schema-errors';
import { snapshotFile, snapshotProblem } from './snapshot-path';
import type { GetSpec, MatrixSpec, ScenarioSpec } from './spec';
import { matrixTooLarge } from './limits';
import { localize } from '../i18n/lang';
import { checkAuthorMistakes, mayHoldClusterObject, scenarioNodeNames } from './author-checks';

export { SCENARIO_FILE, expandFileList } from './paths';
export const SOLUTION_DIR = 'solution';
/** Where a course keeps an exercise's solution out of a learner's sight (`ls` and editors' file trees hide it). */
export const HIDDEN_SOLUTION_DIR = '.solution';

/** The folder of an exercise's solution: `.solution/`, else `solution/`; null when there is none. */
export function solutionDirOf(dir: string): string | null {
  for (const name of [HIDDEN_SOLUTION_DIR, SOLUTION_DIR]) {
    const p = path.join(dir, name);
    try {
      if (fs.statSync(p).isDirectory()) return p;
    } catch {
      // not there
    }
  }
  return null;
}
/** scenario.yaml is a few kilobytes; a megabyte is plenty, and a larger one is refused before it is parsed. */
const MAX_SCENARIO_BYTES = 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', SOLUTION_DIR, '__snapshots__']);

export interface LoadError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The key (field path) at fault, when there is one. */
  path: string;
}

export interface LoadedScenario {
  name: string;
  /** Absolute folder. */
  dir: string;
  /** scenario.yaml as displayed (relative to cwd). */
  file: string;
  cwd: string;
  spec: ScenarioSpec;
  doc: DocumentSource;
  manifests: SourceFile[];
  /** Files of `solution/`, when the folder has one (an exercise). */
  solution: SourceFile[] | null;
  /** The suite root the scenario may also read files from (`svclab test --root`), or null: only its own folder. */
  root: string | null;
}

export interface LoadOptions {
  /** A folder every scenario may read files from besides its own (shared manifests of a course). */
  root?: string;
  /** The language of the texts for people (\`{ en, ko }\` maps become that language's string, else English). */
  lang?: string;
}

export type LoadOutcome = { ok: true; scenario: LoadedScenario } | { ok: false; dir: string; file: string; name: string; errors: LoadError[] };

/** Where the schema lives: next to `src/` in the repository, next to `dist/` in the package. */
export const SCHEMA_PATH = path.resolve(__dirname, '..', '..', 'schemas', 'scenario.schema.json');

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: Validate | null = null;
let schemaJson: object | null = null;

function schemaText(): string {
  return fs.readFileSync(SCHEMA_PATH, 'utf8');
}

/**
 * The precompiled validator (scripts/compile-scenario-schema.js) when it was built from this very
 * schema; otherwise the schema is compiled now (slower start, same answers).
 */
function scenarioValidator(): Validate {
  if (validator) return validator;
  const text = schemaText();
  const hash = crypto.createHash('sha256').update(text).digest('hex');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compiled = require('./scenario-validator.generated') as Validate & { schemaHash?: string };
    if (compiled.schemaHash === hash) return (validator = compiled);
  } catch {
    // fall through to compiling at run time
  }
  // ajv itself (~50 ms to load) is only needed when the precompiled validator is stale.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  validator = ajv.compile(JSON.parse(text) as object) as ValidateFunction;
  return validator;
}

/** The scenario schema as a lookup of the keys and descriptions at a field path. */
function scenarioLookup(): SchemaLookup {
  const schema = (schemaJson ??= JSON.parse(schemaText()) as object);
  return (p) => schemaAtPath(schema, p);
}

/** Scenario folders named by the operands (folders are searched; globs expanded), sorted; `missing` = operands that named nothing. */
export async function findScenarios(operands: string[], cwd: string): Promise<{ dirs: string[]; missing: string[] }> {
  const dirs = new Set<string>();
  const missing: string[] = [];
  for (const operand of operands.length ? operands : ['.']) {
    const before = dirs.size;
    const targets = isGlobPattern(operand) ? (await globModule().glob(operand, { cwd, absolute: true, ignore: ['**/node_modules/**'] })).sort() : [path.resolve(cwd, operand)];
    for (const target of targets) collectScenarioDirs(target, dirs);
    if (dirs.size === before) missing.push(operand);
  }
  return { dirs: [...dirs].sort(), missing };
}

function collectScenarioDirs(target: string, out: Set<string>): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return;
  }
  if (stat.isFile()) {
    if (path.basename(target) === SCENARIO_FILE) out.add(path.dirname(target));
    return;
  }
  if (!stat.isDirectory()) return;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === SCENARIO_FILE)) out.add(dir);
    for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name));
  };
  walk(target);
}

/** The default manifests: the other YAML/JSON files of the folder and of its `manifests/` folder. */
function listManifests(dir: string): string[] {
  return [...manifestsIn(dir), ...manifestsBelow(path.join(dir, 'manifests'))];
}

/** Loads and validates one scenario folder. */
export function loadScenario(dir: string, cwd: string, options: LoadOptions = {}): LoadOutcome {
  const abs = path.join(dir, SCENARIO_FILE);
  const file = displayPath(abs, cwd);
  const fallbackName = path.basename(dir);
  const fail = (errors: LoadError[]): LoadOutcome => ({ ok: false, dir, file, name: fallbackName, errors });
  const read = readSource(abs, cwd, MAX_SCENARIO_BYTES);
  if ('reason' in read) return fail([{ file, line: read.line ?? 1, column: read.column ?? 1, message: `cannot read ${SCENARIO_FILE}: ${read.reason}`, path: '' }]);
  const parsed = parseScenarioText(file, abs, read.text);
  if ('errors' in parsed) return fail(parsed.errors);
  const { doc, value } = parsed;
  const validate = scenarioValidator();
  if (!validate(value)) {
    // Every mistake of the file in one pass: the schema's, and the sources and placeholders that have the right shape.
    const schemaErrors = scenarioSchemaErrors(validate.errors ?? [], value, scenarioLookup(), doc, file);
    const author: LoadError[] = [];
    checkAuthorMistakes(value, scenarioNodeNames(value as ScenarioSpec, mayHoldClusterObject(listManifests(dir))), (p, message) => {
      const r = doc.locate(p);
      author.push({ file, line: r.line, column: r.column, message, path: formatPath(p) });
    });
    return fail([...schemaErrors, ...author].sort((a, b) => a.line - b.line || a.column - b.column));
  }
  const spec = localize(value as ScenarioSpec, options.lang ?? 'en');

  const errors: LoadError[] = [];
  const at = (p: FieldPath, message: string) => {
    const r = doc.locate(p);
    errors.push({ file, line: r.line, column: r.column, message, path: formatPath(p) });
  };
  const roots: ScenarioRoots = { dir, root: options.root ? path.resolve(cwd, options.root) : null };
  let manifestFiles: string[];
  if (spec.manifests) {
    const { files, unmatched, outside } = expandFileList(roots, spec.manifests);
    for (const i of unmatched) at(['manifests', i], `manifests: "${spec.manifests[i]}" matches no file in ${displayPath(dir, cwd) || '.'}`);
    for (const o of outside) at(['manifests', o.index], outsideMessage(`manifests: "${spec.manifests[o.index]}"`, o.file, roots, cwd));
    manifestFiles = files;
  } else {
    manifestFiles = listManifests(dir);
    // A link among the folder's own files may point anywhere: it is refused like a `manifests:` entry would be.
    for (const f of manifestFiles) if (!insideRoots(f, roots)) at([], outsideMessage(`the manifest ${displayPath(f, cwd)}`, f, roots, cwd));
  }
  (spec.steps ?? []).forEach((step, s) => {
    if (!step.apply) return;
    const { unmatched, outside } = expandFileList(roots, step.apply);
    for (const i of unmatched) at(['steps', s, 'apply', i], `apply: "${step.apply[i]}" matches no file`);
    for (const o of outside) at(['steps', s, 'apply', o.index], outsideMessage(`apply: "${step.apply[o.index]}"`, o.file, roots, cwd));
  });
  checkMatrices(spec, at);
  checkSnapshots(spec, dir, at);
  const names = new Set<string>();
  (spec.steps ?? []).forEach((step, s) => {
    if (names.has(step.name)) at(['steps', s, 'name'], `two steps are named "${step.name}"; step names must be unique (they name the results)`);
    names.add(step.name);
  });
  if (errors.length) return fail(errors);

  const solutionDir = solutionDirOf(dir);
  const solutionFiles = solutionDir ? listManifests(solutionDir) : null;
  for (const f of solutionFiles ?? []) if (!insideRoots(f, roots)) at([], outsideMessage(`the solution file ${displayPath(f, cwd)}`, f, roots, cwd));
  if (errors.length) return fail(errors);
  const problems: ReadProblem[] = [];
  const manifests = readScenarioSources(manifestFiles, cwd, problems);
  const solution = solutionFiles ? readScenarioSources(solutionFiles, cwd, problems) : null;
  if (problems.length) return fail(problems.map((p) => ({ ...p, path: '' })));
  // Sources and placeholders, once the manifests are read (a Cluster object among them may name other nodes).
  const hasClusterObject = [...manifests, ...(solution ?? [])].some((f) => /^kind:\s*["']?Cluster["']?\s*$/m.test(f.text));
  checkAuthorMistakes(spec, scenarioNodeNames(spec, hasClusterObject), at);
  if (errors.length) return fail(errors);
  return {
    ok: true,
    scenario: { name: spec.metadata.name, dir, file, cwd, spec, doc, manifests, solution, root: roots.root ?? null },
  };
}

/**
 * Parses scenario.yaml with the manifests' parser (its fast path when the YAML is plain), so
 * every value keeps its position. A file without apiVersion/kind still yields its value.
 */
function parseScenarioText(file: string, abs: string, text: string): { doc: DocumentSource; value: unknown } | { errors: LoadError[] } {
  const parsed = parseSourceFile({ path: file, absPath: abs, text }, { fast: true });
  const syntax = parsed.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'duplicate-key');
  if (syntax.length) {
    const lines = text.split(/\r?\n/);
    return {
      errors: syntax.map((f) => {
        if (f.ruleId !== 'duplicate-key') return { file, line: f.range.line, column: f.range.column, message: f.message, path: '' };
        // Name the key: the finding points at the second occurrence.
        const key = /^(?:"([^"]*)"|'([^']*)'|([^:#{}[\],]+?))\s*:/.exec((lines[f.range.line - 1] ?? '').slice(f.range.column - 1));
        const name = key ? (key[1] ?? key[2] ?? key[3]).trim() : null;
        return { file, line: f.range.line, column: f.range.column, message: name ? `the key "${name}" appears twice in the same mapping; YAML keeps only one of them` : 'a key appears twice in the same mapping', path: name ?? '' };
      }),
    };
  }
  const m = parsed.manifests[0];
  if (m && m.root.length === 0 && parsed.manifests.length === 1) return acyclic(file, { doc: m.source, value: m.value });
  // Not shaped like an object with apiVersion and kind (or several documents): take the first document as it is.
  const lineCounter = yamlLines(text);
  // logLevel error: yaml's warnings (a mapping as a key) would go to the process's stderr, with its pid.
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[];
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first || first.contents === null) return { errors: [{ file, line: 1, column: 1, message: `${SCENARIO_FILE} is empty: it needs apiVersion: svclab.io/v1alpha1, kind: Scenario, metadata.name and expect (see docs/scenarios.md)`, path: '' }] };
  if (first.errors.length) return { errors: [{ file, line: 1, column: 1, message: `${SCENARIO_FILE} cannot be read as YAML`, path: '' }] };
  if (docs.length > 1) return { errors: [{ file, line: 1, column: 1, message: 'scenario.yaml must hold one YAML document', path: '' }] };
  let value: unknown;
  try {
    value = first.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // An alias that names no anchor, or more aliases than a scenario needs (a "billion laughs").
    return { errors: [{ file, line: 1, column: 1, message: `${SCENARIO_FILE} cannot be read as YAML: ${err instanceof Error ? err.message : 'its aliases cannot be resolved'}`, path: '' }] };
  }
  return acyclic(file, { doc: new ParsedDocument(file, 0, first, lineCounter), value });
}

/**
 * Line starts as YAML counts lines (§5.4: CRLF, LF or a lone CR; yaml's own LineCounter counts
 * LF only), so that a position in a file with a lone CR stays on its line.
 */
function yamlLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (const m of text.matchAll(/\r\n|\r|\n/g)) lines.addNewLine(m.index + m[0].length);
  return lines;
}

/** An alias inside its own anchor (`&a { b: *a }`) makes a value that contains itself: no scenario can be that. */
function acyclic(file: string, parsed: { doc: DocumentSource; value: unknown }): { doc: DocumentSource; value: unknown } | { errors: LoadError[] } {
  const onPath = new Set<unknown>();
  // Each shared value (an alias) is walked once: a "billion laughs" document stays linear.
  const done = new Set<unknown>();
  const cyclic = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || done.has(v)) return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    const found = (Array.isArray(v) ? v : Object.values(v)).some(cyclic);
    onPath.delete(v);
    done.add(v);
    return found;
  };
  if (!cyclic(parsed.value)) return parsed;
  return { errors: [{ file, line: 1, column: 1, message: `${SCENARIO_FILE} holds an alias inside its own anchor (like \`&a { b: *a }\`), a value that contains itself: write the value out instead`, path: '' }] };
}

/**
 * `get` snapshots: a `snapshot:` path must stay a plain file inside the folder (so that --update
 * can never overwrite a manifest), and two expectations must not share one file (the second
 * would overwrite the first under --update, and one of them would always fail).
 */
function checkSnapshots(spec: ScenarioSpec, dir: string, at: (p: FieldPath, message: string) => void): void {
  const owners = new Map<string, string>();
  const check = (step: string | null, prefix: FieldPath, gets: GetSpec[] | undefined) => {
    (gets ?? []).forEach((g, i) => {
      const file = snapshotFile(dir, step, g);
      const problem = g.snapshot ? snapshotProblem(dir, file) : null;
      if (problem) {
        at([...prefix, i, 'snapshot'], `snapshot "${g.snapshot}" ${problem}`);
        return;
      }
      const where = formatPath([...prefix, i]);
      const other = owners.get(file);
      if (other) at([...prefix, i], `${where} uses the same snapshot file ${path.relative(dir, file)} as ${other}; give one of them \`snapshot:\` (or rename the step)`);
      else owners.set(file, where);
    });
  };
  check(null, ['expect', 'get'], spec.expect?.get);
  (spec.steps ?? []).forEach((s, i) => check(s.name, ['steps', i, 'expect', 'get'], s.expect?.get));
}

function checkMatrices(spec: ScenarioSpec, at: (p: FieldPath, message: string) => void): void {
  const check = (prefix: FieldPath, matrices: MatrixSpec[] | undefined) => {
    (matrices ?? []).forEach((m, i) => {
      if (m.expect === undefined && m.table === undefined) at([...prefix, i], 'a matrix needs `expect` (the default outcome) or `table`');
      const tooLarge = matrixTooLarge(m.from.length, m.to.length);
      if (tooLarge) at([...prefix, i], tooLarge);
      if (m.table && m.table.length !== m.from.length && !m.from.some((f) => f.endsWith('/*')) && !m.to.some((t) => t.includes('${node:*}'))) {
        at([...prefix, i, 'table'], `table has ${m.table.length} rows but there are ${m.from.length} sources`);
      }
    });
  };
  check(['expect', 'matrix'], spec.expect?.matrix);
  (spec.steps ?? []).forEach((s, i) => check(['steps', i, 'expect', 'matrix'], s.expect?.matrix));
}
