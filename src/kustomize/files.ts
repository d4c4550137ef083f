/**
 * The files a kustomize build reads: the run's own sources first (so that a scenario's edited
 * text or an in-memory source is what gets built), then the disk, for the bases and patches a
 * kustomization names outside the operands. Sources without a path on disk live under a
 * virtual root, so that in-memory kustomizations (tests, the library) resolve their relative
 * paths the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, displayPath, readSource } from '../load/files';
import type { SourceFile, UnreadableFile } from '../load/source';
import { parseSourceFile, type ParsedFile } from '../parse/parse-file';

/** Where in-memory sources (no `absPath`) are placed; never a real folder. */
export const VIRTUAL_ROOT = path.resolve('/', '<svclab-in-memory>');

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export function isKustomizationFileName(name: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(name);
}

export interface FsOptions {
  cwd?: string;
  maxFileBytes?: number;
}

export class KustomizeFiles {
  private readonly byKey = new Map<string, SourceFile>();
  private readonly read = new Map<string, SourceFile | UnreadableFile | null>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly dirs = new Set<string>();
  readonly cwd: string;
  private readonly maxBytes: number;

  constructor(sources: readonly SourceFile[], options: FsOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    for (const s of sources) {
      const key = keyOf(s);
      if (key === null) continue;
      this.byKey.set(key, s);
      for (let d = path.dirname(key); !this.dirs.has(d); d = path.dirname(d)) {
        this.dirs.add(d);
        if (d === path.dirname(d)) break;
      }
    }
  }

  /** The text of a file, or why there is none; null when nothing is there. */
  file(key: string): SourceFile | UnreadableFile | null {
    const own = this.byKey.get(key);
    if (own) return own;
    if (this.read.has(key)) return this.read.get(key) ?? null;
    let result: SourceFile | UnreadableFile | null = null;
    if (!isVirtual(key) && existsAsFile(key)) result = readSource(key, this.cwd, this.maxBytes);
    this.read.set(key, result);
    return result;
  }

  isFile(key: string): boolean {
    const f = this.file(key);
    return f !== null;
  }

  isDirectory(key: string): boolean {
    if (this.dirs.has(key)) return true;
    if (isVirtual(key)) return false;
    try {
      return fs.statSync(key).isDirectory();
    } catch {
      return false;
    }
  }

  /** The kustomization files of a folder (more than one is an error kustomize reports). */
  kustomizationFiles(dirKey: string): string[] {
    return KUSTOMIZATION_FILE_NAMES.map((n) => path.join(dirKey, n)).filter((k) => this.byKey.has(k) || (!isVirtual(k) && existsAsFile(k)));
  }

  /** A resource file parsed into manifests (once per run). */
  parse(key: string): ParsedFile | null {
    const done = this.parsed.get(key);
    if (done) return done;
    const f = this.file(key);
    if (!f || !('text' in f)) return null;
    const p = parseSourceFile(f, { fast: true });
    this.parsed.set(key, p);
    return p;
  }

  /** How the file is shown in findings. */
  display(key: string): string {
    const own = this.byKey.get(key);
    if (own) return own.path;
    if (isVirtual(key)) return path.relative(VIRTUAL_ROOT, key).split(path.sep).join('/');
    return displayPath(key, this.cwd);
  }

  /** The run's own sources in a folder (not below it), for the files a kustomization leaves out. */
  sourcesIn(dirKey: string): string[] {
    return [...this.byKey.keys()].filter((k) => path.dirname(k) === dirKey).sort();
  }
}

function existsAsFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isVirtual(key: string): boolean {
  return key === VIRTUAL_ROOT || key.startsWith(VIRTUAL_ROOT + path.sep);
}

/** Does a text read from stdin look like a kustomization (which cannot be built without its folder)? */
export function looksLikeKustomization(text: string): boolean {
  return /^kind:\s*(?:Kustomization|Component)\s*$/m.test(text) && /^apiVersion:\s*kustomize\.config\.k8s\.io\//m.test(text);
}

/**
 * Whether planSets (sets.ts) has anything to build or report: a kustomization file among the
 * sources, or one given on stdin. Without one, lint does not load the kustomize modules.
 */
export function hasKustomization(sources: readonly SourceFile[]): boolean {
  return sources.some((s) => (s.path === '<stdin>' ? looksLikeKustomization(s.text) : isKustomizationFileName(path.basename(s.path)) && keyOf(s) !== null));
}

/** The absolute path of a source, real or virtual; null for standard input. */
export function keyOf(s: SourceFile): string | null {
  if (s.absPath) return path.resolve(s.absPath);
  if (s.path === '<stdin>') return null;
  return path.resolve(VIRTUAL_ROOT, s.path);
}

/** Is this text a file that holds no Kubernetes object, as a file read from disk can be? */
export function isUnreadable(f: SourceFile | UnreadableFile | null): f is UnreadableFile {
  return f !== null && !('text' in f);
}
