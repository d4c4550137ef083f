/**
 * The files a scenario may read, and reading them. A scenario folder may come from anywhere (a
 * course downloaded from the internet), so it must not be able to read a learner's files: every
 * path it names (`manifests:`, a step's `apply:`, the default manifests, `solution/`) must lead
 * to a file inside its own folder, or inside a suite root the user names (`svclab test --root`),
 * after every symlink is followed. Anything else is a located scenario error that names the
 * entry and never shows the file's content. A folder contributes its manifest files and those of
 * its subfolders (kustomize bases and overlays), in name order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, displayPath, MANIFEST_EXTENSIONS, readSource } from '../load/files';
import { globModule, isGlobPattern } from '../load/glob';
import type { SourceFile } from '../load/source';
import { isKustomizationFileName } from '../kustomize/files';

export const SCENARIO_FILE = 'scenario.yaml';

/** The folders a scenario may read from: its own, and the suite root the user named (if any). */
export interface ScenarioRoots {
  dir: string;
  root?: string | null;
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isWithin(child: string, dir: string): boolean {
  const rel = path.relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether `abs` (the file itself, after following every link) lies inside one of the roots. */
export function insideRoots(abs: string, roots: ScenarioRoots): boolean {
  const real = realOrResolved(abs);
  return [roots.dir, roots.root].some((r) => typeof r === 'string' && isWithin(real, realOrResolved(r)));
}

function isManifestName(name: string): boolean {
  return (MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase()) || isKustomizationFileName(name)) && name !== SCENARIO_FILE;
}

/** The manifest files directly inside a folder, in name order (dangling links kept, so that reading them says why). */
export function manifestsIn(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter(isManifestName)
    .map((n) => path.join(dir, n))
    .filter((abs) => {
      try {
        return !fs.statSync(abs).isDirectory();
      } catch {
        return true;
      }
    });
}

/**
 * The manifest files of a folder and of every folder below it but hidden ones, `node_modules`
 * and `solution/` (a scenario's kustomize bases and overlays live in subfolders), in name order.
 */
export function manifestsBelow(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'solution') continue;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...manifestsBelow(abs));
    else if (isManifestName(e.name)) out.push(abs);
  }
  return out;
}

export interface FileList {
  files: string[];
  /** Indexes of entries that match no file. */
  unmatched: number[];
  /** Entries that lead outside the scenario folder (and the suite root), with the first such path. */
  outside: Array<{ index: number; file: string }>;
}

/** Where a glob searches: the folder of its segments before the first pattern segment; null when it climbs (`..`) after one. */
function globBase(dir: string, pattern: string): string | null {
  const segments = pattern.split(/[\\/]/);
  const first = segments.findIndex((s) => isGlobPattern(s));
  if (segments.slice(first).includes('..')) return null;
  const fixed = segments.slice(0, first).join('/');
  // `/**/x` has no fixed part but its root: it searches the whole disk.
  return path.resolve(dir, fixed || (path.isAbsolute(pattern) ? path.parse(pattern).root : '.'));
}

/**
 * Files or globs relative to the scenario folder: each entry's files, an entry that matches
 * nothing, and an entry that leads outside the allowed folders. A glob whose fixed part is
 * already outside is refused before it is expanded (`/**` would search the whole disk), and one
 * that climbs out after a pattern segment (`* /../..`) likewise.
 */
export function expandFileList(roots: ScenarioRoots, patterns: string[]): FileList {
  const files: string[] = [];
  const unmatched: number[] = [];
  const outside: FileList['outside'] = [];
  const { dir } = roots;
  patterns.forEach((p, i) => {
    let found: string[];
    if (isGlobPattern(p)) {
      const base = globBase(dir, p);
      if (base === null || !insideRoots(base, roots)) {
        outside.push({ index: i, file: base ?? path.resolve(dir, p) });
        return;
      }
      found = globModule().glob.sync(p, { cwd: dir, absolute: true, nodir: true, follow: false }).sort();
    } else {
      const abs = path.resolve(dir, p);
      let isDir = false;
      let exists = true;
      try {
        isDir = fs.statSync(abs).isDirectory();
      } catch {
        // A dangling link is a file that cannot be read (reported when read); nothing at all is unmatched.
        exists = fs.lstatSync(abs, { throwIfNoEntry: false }) !== undefined;
      }
      found = !exists ? [] : isDir ? manifestsBelow(abs) : [abs];
    }
    const away = found.find((f) => !insideRoots(f, roots));
    if (away !== undefined) {
      outside.push({ index: i, file: away });
      return;
    }
    if (found.length === 0) unmatched.push(i);
    for (const f of found) if (!files.includes(f)) files.push(f);
  });
  return { files, unmatched, outside };
}

/** Why a path of the scenario is refused, in one sentence that names where it leads (never what it holds). */
export function outsideMessage(entry: string, file: string, roots: ScenarioRoots, cwd: string): string {
  const target = realOrResolved(file);
  const where = target === path.resolve(file) ? displayPath(target, cwd) : `${displayPath(file, cwd)}, a link to ${displayPath(target, cwd)}`;
  const allowed = roots.root ? `the scenario folder or the suite root ${displayPath(roots.root, cwd) || '.'}` : 'the scenario folder';
  return `${entry} leads to ${where}, outside ${allowed}: a scenario may read only its own files${roots.root ? '' : ' (to share files between scenarios, name a suite root with `svclab test --root DIR`)'}`;
}

export interface ReadProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Reads manifests like `svclab lint` reads files (regular files only, size limit, the decoder); a file that cannot be read is a problem at its position. */
export function readScenarioSources(files: string[], cwd: string, problems: ReadProblem[]): SourceFile[] {
  const out: SourceFile[] = [];
  for (const abs of files) {
    const read = readSource(abs, cwd, DEFAULT_MAX_FILE_BYTES);
    if (!('reason' in read)) {
      out.push(read);
      continue;
    }
    const dangling = read.problem.messageId === 'file' && read.problem.data.code === 'ENOENT';
    problems.push({ file: read.path, line: read.line ?? 1, column: read.column ?? 1, message: `cannot read the manifest ${read.path}: ${dangling ? 'it is a link to a file that does not exist' : read.reason}` });
  }
  return out;
}
