import * as fs from 'node:fs';
import * as path from 'node:path';
import { globModule, isGlobPattern } from './glob';
import type { SourceFile, UnreadableFile } from './source';
import { compileIgnore, type IgnoreMatcher } from './ignore';
import { decodeBytes, decodeInput, unreadableFile } from './decode';
import { errorCode, readBounded, readRegularFile } from './read';

export { firstInvalidUtf8 } from './decode';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Larger files are reported, not parsed: a 50 MB manifest is a mistake, and parsing it would stall the run. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface CollectOptions {
  cwd?: string;
  ignorePatterns?: string[];
  /** Read `.svclabignore` in cwd (default true). */
  useIgnoreFile?: boolean;
  maxFileBytes?: number;
  /**
   * Reads stdin when the operand `-` is given (at most `maxBytes + 1` bytes: more is reported as
   * too large); injected so tests never touch the real stdin. Bytes go through the file decoder;
   * a string through the same checks.
   */
  readStdin?: (maxBytes: number) => string | Uint8Array;
  /** Extensions a directory walk picks up. */
  extensions?: string[];
}

export interface CollectResult {
  files: SourceFile[];
  unreadable: UnreadableFile[];
  /** Operands that named nothing: a usage error (exit 2). */
  missing: string[];
}

/** A `.` or `..` segment, or an empty one: a tail that path.relative would normalize. */
const NOT_NORMAL = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;

/**
 * The path shown for a file: relative to the working directory when inside it (with `/`
 * separators), else absolute. A normalized path under `cwd` (every path a directory walk makes)
 * is its tail after `cwd/`, without path.relative's resolving of both paths: 1 % of a lint's
 * CPU on the 3,990 files of the published corpus.
 */
export function displayPath(abs: string, cwd: string): string {
  if (path.sep === '/' && abs.length > cwd.length + 1 && abs.charCodeAt(cwd.length) === 47 && abs.startsWith(cwd) && cwd.startsWith('/') && !NOT_NORMAL.test(cwd)) {
    const tail = abs.slice(cwd.length + 1);
    if (tail.charCodeAt(0) !== 47 && !tail.startsWith('..') && !NOT_NORMAL.test(tail)) return tail;
  }
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** Expands operands (files, directories, globs, `-`) into source texts, in a stable order. */
export async function collectFiles(operands: string[], options: CollectOptions = {}): Promise<CollectResult> {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? MANIFEST_EXTENSIONS;
  const ignore = compileIgnore([...(options.ignorePatterns ?? []), ...readIgnoreFile(cwd, options.useIgnoreFile !== false)]);
  const result: CollectResult = { files: [], unreadable: [], missing: [] };
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const seen = new Set<string>();
  const paths: string[] = [];
  // Files a folder search saw as regular files (its directory entry, or a stat of the link):
  // read without a second stat before opening them.
  const regular = new Set<string>();

  const add = (abs: string, seenRegular = false) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    paths.push(abs);
    if (seenRegular) regular.add(abs);
  };

  for (const operand of operands) {
    if (operand === '-') {
      const stdin = readStandardInput(options.readStdin, maxBytes);
      if ('reason' in stdin) result.unreadable.push(stdin);
      else result.files.push(stdin);
      continue;
    }
    const abs = path.resolve(cwd, operand);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      walkDirectory(abs, cwd, extensions, ignore, add, result.unreadable);
    } else if (stat) {
      // An explicitly named file is read whatever its extension.
      if (!ignore.matches(displayPath(abs, cwd), false)) add(abs);
    } else if (isGlobPattern(operand)) {
      const matches = await globModule().glob(operand, { cwd, absolute: true, nodir: true, dot: false, ignore: ['**/node_modules/**'] });
      const kept = matches.filter((m) => !ignore.matches(displayPath(m, cwd), false)).sort();
      if (matches.length === 0) result.missing.push(operand);
      kept.forEach((m) => add(m));
    } else {
      result.missing.push(operand);
    }
  }

  for (const abs of paths) {
    const file = readSource(abs, cwd, maxBytes, regular.has(abs));
    if ('reason' in file) result.unreadable.push(file);
    else result.files.push(file);
  }
  return result;
}

/** `.svclabignore` is a short list of patterns: read like any input (a regular file, bounded), at most 1 MB. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

function readIgnoreFile(cwd: string, enabled: boolean): string[] {
  if (!enabled) return [];
  const read = readRegularFile(path.join(cwd, '.svclabignore'), MAX_IGNORE_FILE_BYTES);
  if (!('bytes' in read)) return [];
  return new TextDecoder('utf-8')
    .decode(read.bytes)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * A folder holding a scenario.yaml contributes the manifests a scenario starts from (the files
 * beside scenario.yaml and its `manifests/` folder), never scenario.yaml itself, `solution/`,
 * `.solution/`, `steps/` or `__snapshots__/`: `svclab get -f exercises/01-...` shows the broken
 * exercise, not the exercise merged with its answer.
 */
const SCENARIO_FILE_NAME = 'scenario.yaml';
const SCENARIO_MANIFEST_DIRS = new Set(['manifests']);

/** Depth-first walk in name order; symlinked directories are followed once (a loop is visited only once). */
function walkDirectory(
  root: string,
  cwd: string,
  extensions: string[],
  ignore: IgnoreMatcher,
  add: (abs: string, seenRegular: boolean) => void,
  unreadable: UnreadableFile[],
): void {
  const visited = new Set<string>();
  // `knownReal`: the real path of a folder reached without a symbolic link (its parent's real
  // path and its name); realpath is asked only for the root and for linked folders (it stats
  // every component of the path: ~3,000 lstat calls for the 526 folders of the published corpus).
  const visit = (dir: string, knownReal?: string) => {
    let real: string;
    if (knownReal !== undefined) real = knownReal;
    else {
      try {
        real = fs.realpathSync(dir);
      } catch {
        real = dir;
      }
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push(unreadableFile(displayPath(dir, cwd), { messageId: 'directory', data: { code: errorCode(err) } }));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const scenario = entries.some((e) => e.name === SCENARIO_FILE_NAME && !e.isDirectory());
    for (const entry of entries) {
      if (entry.name === 'node_modules' || isHiddenOrNotManifest(entry.name)) continue;
      if (scenario && entry.name === SCENARIO_FILE_NAME) continue;
      const abs = path.join(dir, entry.name);
      const shown = displayPath(abs, cwd);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const linked = entry.isSymbolicLink();
      if (linked) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link: nothing to lint
        }
      }
      if (isDir) {
        if (scenario && !SCENARIO_MANIFEST_DIRS.has(entry.name)) continue;
        if (!ignore.matches(shown, true)) visit(abs, linked ? undefined : path.join(real, entry.name));
      } else if (isFile && (extensions.includes(path.extname(entry.name).toLowerCase()) || entry.name === 'Kustomization')) {
        // `Kustomization` (no extension) is the third name kustomize reads a kustomization from.
        if (!ignore.matches(shown, false)) add(abs, true);
      }
    }
  };
  visit(root);
}

/**
 * Files and folders a folder search passes over (a file named on the command line is always
 * read). Hidden entries (`.git`, `.github/workflows`, `.vscode`), as glob operands skip them
 * too; and the configuration files that sit beside manifests in a repository but are never
 * Kubernetes objects: `svclab lint .` at a repository root would otherwise report each of them
 * as an object without kind.
 */
const NOT_MANIFESTS = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|tsconfig(?:\..*)?\.json|jsconfig\.json|composer\.json|renovate\.json|(?:docker-)?compose(?:\..*)?\.ya?ml|Chart\.yaml|values(?:\..*)?\.ya?ml|mkdocs\.ya?ml)$/;

export function isHiddenOrNotManifest(name: string): boolean {
  return name.startsWith('.') || NOT_MANIFESTS.test(name);
}

/** The size limit in the words of the tooLarge message: MB with one decimal, the limit as given. */
function sizeData(size: number, maxBytes: number): { size: string; limit: string } {
  return { size: (size / 1048576).toFixed(1), limit: String(Number((maxBytes / 1048576).toPrecision(2))) };
}

/** A regular file's text (through the decoder), or why there is none: missing, unreadable, not a regular file, too large, not UTF-8. */
export function readSource(abs: string, cwd: string, maxBytes: number, seenRegular = false): SourceFile | UnreadableFile {
  const shown = displayPath(abs, cwd);
  const read = readRegularFile(abs, maxBytes, seenRegular);
  if ('error' in read) return unreadableFile(shown, { messageId: 'file', data: { code: read.error } });
  if ('notRegular' in read) return unreadableFile(shown, { messageId: 'notRegular', data: { type: read.notRegular } });
  if ('tooLarge' in read) return unreadableFile(shown, { messageId: 'tooLarge', data: sizeData(read.tooLarge, maxBytes) });
  return decodeBytes(read.bytes, shown, abs);
}

/** Standard input for the operand `-`, bounded like a file and decoded like one. */
function readStandardInput(read: CollectOptions['readStdin'], maxBytes: number): SourceFile | UnreadableFile {
  const shown = '<stdin>';
  let input: string | Uint8Array;
  try {
    input = read ? read(maxBytes) : readBounded(0, maxBytes);
  } catch (err) {
    return unreadableFile(shown, { messageId: 'file', data: { code: errorCode(err) } });
  }
  if (input.length > maxBytes) return unreadableFile(shown, { messageId: 'stdinTooLarge', data: sizeData(input.length, maxBytes) });
  return decodeInput(input, shown, null);
}

/** The file decoder (./decode), under the name the loader has always exported. */
export function decodeSource(buf: Buffer, shown: string, abs: string | null): SourceFile | UnreadableFile {
  return decodeBytes(buf, shown, abs);
}
