/**
 * Where a `get` expectation keeps its text snapshot, and why a path is refused. Shared by the
 * loader (which refuses bad paths before anything runs) and the `get` evaluator (which writes
 * under --update): `--update` must never be able to overwrite a manifest or the scenario itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_EXTENSIONS } from '../load/files';
import type { GetSpec } from './spec';

/** The absolute snapshot file of a `get` expectation (default `__snapshots__/<step>-<resource>[-wide][-all].txt`). */
export function snapshotFile(dir: string, step: string | null, spec: GetSpec): string {
  if (spec.snapshot) return path.resolve(dir, spec.snapshot);
  const slug = (step ?? 'start').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'step';
  return path.join(dir, '__snapshots__', `${slug}-${spec.resource}${spec.wide ? '-wide' : ''}${spec.allNamespaces ? '-all' : ''}.txt`);
}

/** The real path of `p`, or of its nearest existing folder joined with the rest (a snapshot may not exist yet). */
function realPath(p: string): string {
  const rest: string[] = [];
  for (let d = p; ; d = path.dirname(d)) {
    try {
      return path.join(fs.realpathSync(d), ...rest.reverse());
    } catch {
      if (path.dirname(d) === d) return p;
      rest.push(path.basename(d));
    }
  }
}

/**
 * Why `snapshot:` may not name this file (null = it may): only plain files inside the scenario
 * folder, also after following links (a link could make --update write, or a failing
 * expectation quote, a file anywhere), never YAML/JSON.
 */
export function snapshotProblem(dir: string, file: string): string | null {
  const rel = path.relative(dir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return 'must be a file inside the scenario folder';
  const real = path.relative(realPath(dir), realPath(file));
  if (real === '' || real.startsWith('..') || path.isAbsolute(real)) return 'must be a file inside the scenario folder (it is a link, or inside a linked folder, that leads outside)';
  // Manifests, scenario.yaml and solution files are all YAML/JSON: --update would overwrite them.
  if (MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase())) return `must not be a ${path.extname(file)} file: \`svclab test --update\` rewrites snapshots, and manifests are never rewritten (use .txt)`;
  return null;
}
