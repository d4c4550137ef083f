/**
 * Which objects share one cluster in a run. Every folder of the input that holds a
 * kustomization is built; a kustomization that another one includes is part of that one,
 * not a set of its own. The rest are roots. Roots that read a common file (overlays `dev/`
 * and `prod/` of one base) are alternatives: never applied together, so they are linted as
 * separate sets. Roots with disjoint sources are applied side by side and are linted
 * together, and so are the loose files (those no kustomization reads): they join every set,
 * so that a loose Ingress sees the Service its base builds.
 *
 * Alternatives of different groups are paired by their folder's name (`app1/overlays/dev`
 * with `app2/overlays/dev`), so that a repository of several applications with the same
 * environments gives one set per environment, not every combination.
 */
import * as path from 'node:path';
import type { PendingFinding } from '../findings';
import type { SourceFile } from '../load/source';
import type { Manifest } from '../parse/manifest';
import { stageFinding } from '../findings';
import kustomizeSkipped from '../rules/kustomize-skipped';
import { buildKustomization, type BuildResult } from './build';
import { isKustomizationFileName, keyOf, KustomizeFiles, looksLikeKustomization, type FsOptions } from './files';
import { BuiltDocumentSource } from './provenance';
import { isRecord, metadataOf, type Resource } from './types';

/** One set: what is linted (and simulated) as one cluster. */
export interface LintSet {
  /** The kustomization folders it builds, as shown, joined with ` + `; `loose files` when it builds none. */
  name: string;
  kustomizations: string[];
  /** The built objects, each positioned in the files that produced it. */
  manifests: Manifest[];
  /** Loose files linted with it. */
  loose: SourceFile[];
  /** Built without a field that changes objects (or a remote resource): its errors become warnings. */
  incomplete: boolean;
}

export interface SetPlan {
  sets: LintSet[];
  /** Findings of the builds (reported once, whatever the sets). */
  findings: PendingFinding[];
  /** Files read by the builds from disk beyond the run's sources, as shown. */
  extraFiles: string[];
}

const LOCAL_CONFIG = 'config.kubernetes.io/local-config';

function toManifest(r: Resource, build: BuildResult): Manifest | null {
  const md = metadataOf(r.obj);
  // kusttarget.IgnoreLocal: objects marked local-config are not part of the output.
  if (isRecord(md.annotations) && md.annotations[LOCAL_CONFIG] === 'true') return null;
  return {
    file: r.file,
    docIndex: r.docIndex,
    root: [],
    value: r.obj,
    apiVersion: typeof r.obj.apiVersion === 'string' ? r.obj.apiVersion : '',
    kind: typeof r.obj.kind === 'string' ? r.obj.kind : '',
    name: typeof md.name === 'string' ? md.name : '',
    namespace: typeof md.namespace === 'string' ? md.namespace : '',
    source: new BuiltDocumentSource(r.file, r.docIndex, r.obj, build.prov),
  };
}

/**
 * The sets of a run, or null when the sources hold no kustomization (the run is then one set
 * of loose files, linted as before).
 */
export function planSets(sources: readonly SourceFile[], options: FsOptions = {}): SetPlan | null {
  const findings: PendingFinding[] = [];
  const stdinKustomizations = sources.filter((s) => s.path === '<stdin>' && looksLikeKustomization(s.text));
  for (const s of stdinKustomizations) findings.push(stageFinding(kustomizeSkipped, { messageId: 'stdin' }, s.path, { line: 1, column: 1, endLine: 1, endColumn: 1 }));
  const rootFiles = sources.filter((s) => isKustomizationFileName(path.basename(s.path)) && keyOf(s) !== null);
  if (rootFiles.length === 0 && stdinKustomizations.length === 0) return null;

  const files = new KustomizeFiles(sources, options);
  const builds = new Map<string, BuildResult>();
  for (const s of rootFiles) {
    const dirKey = path.dirname(keyOf(s)!);
    if (builds.has(dirKey)) continue;
    const built = buildKustomization(files, dirKey);
    // A Component is built only by the kustomizations that list it; alone it is not a set.
    if (built && built.root?.kind !== 'Component') builds.set(dirKey, built);
  }
  for (const b of builds.values()) for (const f of b.findings) findings.push(f);

  const included = new Set<string>();
  for (const [dir, b] of builds) for (const k of b.kustomizations) if (k !== dir) included.add(k);
  const roots = [...builds.keys()].filter((d) => !included.has(d) && builds.get(d)!.root !== null).sort();

  const used = new Set<string>();
  for (const b of builds.values()) for (const f of b.used) used.add(f);
  for (const s of rootFiles) used.add(keyOf(s)!);

  const loose: SourceFile[] = [];
  const kustomizationDirs = new Set(builds.keys());
  for (const s of sources) {
    const key = keyOf(s);
    if (key !== null && used.has(key)) continue;
    if (stdinKustomizations.includes(s)) continue;
    if (key !== null && kustomizationDirs.has(path.dirname(key))) {
      const owner = builds.get(path.dirname(key))!;
      findings.push(stageFinding(kustomizeSkipped, { messageId: 'unlisted', data: { file: s.path, kustomization: owner.root?.file ?? files.display(path.dirname(key)) } }, s.path, { line: 1, column: 1, endLine: 1, endColumn: 1 }));
      continue;
    }
    loose.push(s);
  }

  const own = new Set(sources.map((s) => keyOf(s)).filter((k): k is string => k !== null));
  const extraFiles = [...used].filter((k) => !own.has(k)).map((k) => files.display(k)).sort();

  const rootSets = groupRoots(roots, builds, files);
  const sets: LintSet[] = (rootSets.length ? rootSets : [[]]).map((dirs) => {
    const manifests: Manifest[] = [];
    let incomplete = false;
    for (const d of dirs) {
      const b = builds.get(d)!;
      incomplete ||= b.incomplete;
      for (const r of b.resources) {
        const m = toManifest(r, b);
        if (m) manifests.push(m);
      }
    }
    const names = dirs.map((d) => files.display(d) || '.');
    return { name: names.length ? names.join(' + ') : 'loose files', kustomizations: names, manifests, loose, incomplete };
  });
  return { sets, findings, extraFiles };
}

/** The roots of each set: groups of alternatives (roots that share a file), paired by folder name. */
function groupRoots(roots: string[], builds: Map<string, BuildResult>, files: KustomizeFiles): string[][] {
  const shares = (a: string, b: string) => {
    const ua = builds.get(a)!.used;
    for (const f of builds.get(b)!.used) if (ua.has(f)) return true;
    return false;
  };
  // Connected components of "shares a file".
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const r of roots) {
    if (seen.has(r)) continue;
    const group: string[] = [];
    const todo = [r];
    seen.add(r);
    while (todo.length) {
      const x = todo.pop()!;
      group.push(x);
      for (const y of roots) if (!seen.has(y) && shares(x, y)) (seen.add(y), todo.push(y));
    }
    groups.push(group.sort());
  }
  const always = groups.filter((g) => g.length === 1).map((g) => g[0]);
  const alternatives = groups.filter((g) => g.length > 1);
  if (alternatives.length === 0) return roots.length ? [roots] : [];
  // One set per folder name among the alternatives (a name shared inside one group falls back to the full path).
  const keyOfRoot = (group: string[], r: string) => {
    const base = path.basename(r);
    return group.filter((x) => path.basename(x) === base).length > 1 ? files.display(r) : base;
  };
  const keys: string[] = [];
  for (const g of alternatives) for (const r of g) if (!keys.includes(keyOfRoot(g, r))) keys.push(keyOfRoot(g, r));
  return keys.map((key) => [...alternatives.flatMap((g) => g.filter((r) => keyOfRoot(g, r) === key)), ...always].sort());
}
