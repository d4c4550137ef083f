import * as fs from 'node:fs';
import * as path from 'node:path';
import { globModule, isGlobPattern } from './glob';
import type { SourceFile, UnreadableFile } from './source';
import { compileIgnore, type IgnoreMatcher } from './ignore';
import { messageText } from '../findings';
import fileUnreadable from '../rules/file-unreadable';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Larger files are reported, not parsed: a 50 MB manifest is a mistake, and parsing it would stall the run. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface CollectOptions {
  cwd?: string;
  ignorePatterns?: string[];
  /** Read `.svclabignore` in cwd (default true). */
  useIgnoreFile?: boolean;
  maxFileBytes?: number;
  /** Reads stdin when the operand `-` is given; injected so tests never touch the real stdin. */
  readStdin?: () => string;
  /** Extensions a directory walk picks up. */
  extensions?: string[];
}

export interface CollectResult {
  files: SourceFile[];
  unreadable: UnreadableFile[];
  /** Operands that named nothing: a usage error (exit 2). */
  missing: string[];
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** Expands operands (files, directories, globs, `-`) into source texts, in a stable order. */
export async function collectFiles(operands: string[], options: CollectOptions = {}): Promise<CollectResult> {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? MANIFEST_EXTENSIONS;
  const ignore = compileIgnore([...(options.ignorePatterns ?? []), ...readIgnoreFile(cwd, options.useIgnoreFile !== false)]);
  const result: CollectResult = { files: [], unreadable: [], missing: [] };
  const seen = new Set<string>();
  const paths: string[] = [];

  const add = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    paths.push(abs);
  };

  for (const operand of operands) {
    if (operand === '-') {
      const text = options.readStdin ? options.readStdin() : fs.readFileSync(0, 'utf8');
      result.files.push({ path: '<stdin>', absPath: null, text });
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
      kept.forEach(add);
    } else {
      result.missing.push(operand);
    }
  }

  for (const abs of paths) {
    const file = readSource(abs, cwd, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if ('reason' in file) result.unreadable.push(file);
    else result.files.push(file);
  }
  return result;
}

function readIgnoreFile(cwd: string, enabled: boolean): string[] {
  if (!enabled) return [];
  try {
    return fs
      .readFileSync(path.join(cwd, '.svclabignore'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  } catch {
    return [];
  }
}

/** Depth-first walk in name order; symlinked directories are followed once (a loop is visited only once). */
function walkDirectory(
  root: string,
  cwd: string,
  extensions: string[],
  ignore: IgnoreMatcher,
  add: (abs: string) => void,
  unreadable: UnreadableFile[],
): void {
  const visited = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = dir;
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
    for (const entry of entries) {
      if (entry.name === 'node_modules' || isHiddenOrNotManifest(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      const shown = displayPath(abs, cwd);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link: nothing to lint
        }
      }
      if (isDir) {
        if (!ignore.matches(shown, true)) visit(abs);
      } else if (isFile && (extensions.includes(path.extname(entry.name).toLowerCase()) || entry.name === 'Kustomization')) {
        // `Kustomization` (no extension) is the third name kustomize reads a kustomization from.
        if (!ignore.matches(shown, false)) add(abs);
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

/** A file-unreadable problem, worded by the rule's messages (the reason is also shown by commands that stop on it). */
function unreadableFile(shown: string, problem: UnreadableFile['problem'], at?: { line: number; column: number }): UnreadableFile {
  const { message, hint } = messageText(fileUnreadable, problem);
  return { path: shown, ...at, problem, reason: message, hint };
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) return String((err as { code: unknown }).code);
  return err instanceof Error ? err.message : String(err);
}

export function readSource(abs: string, cwd: string, maxBytes: number): SourceFile | UnreadableFile {
  const shown = displayPath(abs, cwd);
  let buf: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > maxBytes) {
      return unreadableFile(shown, { messageId: 'tooLarge', data: { size: (size / 1048576).toFixed(1), limit: (maxBytes / 1048576).toFixed(0) } });
    }
    buf = fs.readFileSync(abs);
  } catch (err) {
    return unreadableFile(shown, { messageId: 'file', data: { code: errorCode(err) } });
  }
  return decodeSource(buf, shown, abs);
}

/** Text or the reason there is none: binary (NUL bytes) and non-UTF-8 files are findings, not crashes. */
export function decodeSource(buf: Buffer, shown: string, abs: string | null): SourceFile | UnreadableFile {
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const at = bytePosition(buf, nul);
    return unreadableFile(shown, { messageId: 'binary', data: at }, at);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    const at = bytePosition(buf, bad);
    return unreadableFile(shown, { messageId: 'notUtf8', data: { ...at, byte: buf[bad].toString(16).toUpperCase().padStart(2, '0') } }, at);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path: shown, absPath: abs, text };
}

/** 1-based line and column of a byte offset; the column counts the characters before it on its line. */
function bytePosition(buf: Buffer, offset: number): { line: number; column: number } {
  const lineStart = offset === 0 ? 0 : buf.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  const column = new TextDecoder('utf-8').decode(buf.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return buf.length;
}
