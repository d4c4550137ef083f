/**
 * The default namespace, reconsidered. A file that sets `metadata.namespace: X` on some objects
 * and none on others is almost always applied with `kubectl apply -n X` (the objects without
 * one go to the namespace kubectl is told, else the context's, usually `default`). Linted
 * without `-n`, those objects land in `default`, away from their neighbours, and the
 * cross-object rules then report what only holds there: a Service in `default` whose pods are
 * in X, an Ingress whose backend is in X. Instead: lint once more with those objects in X, leave
 * out the findings that do not hold there, and say so in one hint per file
 * (namespace-partly-set), naming `-n X`.
 */
import { stageFinding, type PendingFinding } from '../findings';
import { buildModel } from '../model/build';
import { isNamespaced } from '../model/kinds';
import { manifestRef, type Manifest } from '../parse/manifest';
import type { LintSettings } from './context';
import namespacePartlySet from './namespace-partly-set';
import type { Rule } from './rule';
import { runRules } from './run';

/** A file whose namespaced objects set one namespace X on some and none on others. */
interface MixedFile {
  file: string;
  namespace: string;
  unset: Manifest[];
  set: number;
}

function mixedFiles(manifests: readonly Manifest[], defaultNamespace: string): MixedFile[] {
  const byFile = new Map<string, { namespaces: Set<string>; unset: Manifest[]; set: number }>();
  for (const m of manifests) {
    if (!isNamespaced(m.apiVersion, m.kind) || m.kind === 'Namespace') continue;
    let f = byFile.get(m.file);
    if (!f) byFile.set(m.file, (f = { namespaces: new Set(), unset: [], set: 0 }));
    if (m.namespace) {
      f.namespaces.add(m.namespace);
      f.set++;
    } else f.unset.push(m);
  }
  const out: MixedFile[] = [];
  for (const [file, f] of byFile) {
    if (f.unset.length === 0 || f.namespaces.size !== 1) continue;
    const [namespace] = f.namespaces;
    if (namespace !== defaultNamespace) out.push({ file, namespace, unset: f.unset, set: f.set });
  }
  return out;
}

const keyOf = (f: PendingFinding) => `${f.ruleId}\u0000${f.messageId}\u0000${f.file}\u0000${f.range.line}\u0000${f.range.column}\u0000${f.path}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The cross-object findings of `found` (made with every object in its own or the default
 * namespace), without those that hold only because the objects of mixed files landed in the
 * default namespace, plus one hint per such file. Unchanged when no file is mixed.
 */
export function reconsiderDefaultNamespace(manifests: readonly Manifest[], found: PendingFinding[], settings: LintSettings, rules: readonly Rule[]): PendingFinding[] {
  const mixed = mixedFiles(manifests, settings.defaultNamespace);
  if (mixed.length === 0) return found;
  const moved = new Map<Manifest, string>();
  for (const f of mixed) for (const m of f.unset) moved.set(m, f.namespace);
  const elsewhere = manifests.map((m) => {
    const ns = moved.get(m);
    return ns === undefined ? m : { ...m, namespace: ns };
  });
  const there = runRules(buildModel(elsewhere, settings.defaultNamespace), settings, rules);
  const thereKeys = new Set(there.map(keyOf));
  const hereKeys = new Set(found.map(keyOf));
  const mixedFile = new Map(mixed.map((f) => [f.file, f]));
  // A finding is about the mixed file's objects when it is in that file or names one of them.
  const fileOf = (f: PendingFinding) => (f.manifest && moved.has(f.manifest) ? f.manifest.file : mixedFile.has(f.file) ? f.file : undefined);
  const onlyDefault = new Map<string, number>();
  const kept = found.filter((f) => {
    if (thereKeys.has(keyOf(f))) return true;
    const file = fileOf(f) ?? mixed[0].file;
    onlyDefault.set(file, (onlyDefault.get(file) ?? 0) + 1);
    return false;
  });
  const onlyOther = new Map<string, number>();
  for (const f of there) {
    if (hereKeys.has(keyOf(f))) continue;
    const file = fileOf(f) ?? mixed[0].file;
    onlyOther.set(file, (onlyOther.get(file) ?? 0) + 1);
  }
  for (const f of mixed) {
    const a = onlyDefault.get(f.file) ?? 0;
    const b = onlyOther.get(f.file) ?? 0;
    if (a === 0 && b === 0) continue; // the namespace changes nothing svclab can tell
    const first = f.unset[0];
    const data = {
      unset: f.unset.length === 1 ? '1 object of this file sets' : `${f.unset.length} objects of this file set`,
      set: f.set === 1 ? '1 other sets' : `${f.set} others set`, them: f.unset.length === 1 ? 'it' : 'them',
      namespace: f.namespace, default: settings.defaultNamespace,
      onlyDefault: a === 1 ? '1 finding holds' : `${a} findings hold`,
      onlyOther: b ? `; in ${f.namespace}, ${plural(b, 'other finding', 'other findings')} would hold instead` : '',
    };
    const hint = stageFinding(namespacePartlySet, { messageId: 'partly', data }, f.file, first.source.locate([...first.root, 'metadata']), 'metadata');
    kept.push({ ...hint, manifest: first, object: manifestRef(first, settings.defaultNamespace) });
  }
  return kept;
}
