/**
 * Strategic merge patches as kustomize applies them: kyaml's merge2 walker
 * (kyaml/yaml/merge2/merge2.go, kyaml/yaml/walk/associative_sequence.go) with the
 * `ListIncreaseDirection: Prepend` option of api/filters/patchstrategicmerge. Maps merge key by
 * key; a `null` deletes a key; `$patch: delete` and `$patch: replace` act on maps and list
 * items; lists of the built-in kinds merge by their Kubernetes merge keys (containers by
 * name, container ports by containerPort and protocol, Service ports by port and protocol,
 * env by name, ...), patch items first, in patch order, then the items the patch did not
 * name; other lists, and every list of a kind kustomize has no schema for, are replaced.
 */
import { isBuiltinApiVersion } from '../model/kinds';
import type { FieldPath } from '../types';
import type { Change, Origin, Provenance } from './provenance';
import { isRecord } from './types';

const DIRECTIVE = '$patch';

/**
 * `patchMergeKey` of the Kubernetes API types (k8s.io/api core/v1 types.go and friends), by the
 * field that holds the list; `ports` depends on its parent (a Service's or a container's).
 */
const MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  env: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  resourceClaims: ['name'],
  schedulingGates: ['name'],
  ownerReferences: ['uid'],
  secrets: ['name'],
};

/** Lists of scalars merged as a set (`patchStrategy: merge` without a key). */
const PRIMITIVE_SETS = new Set(['finalizers']);

type ListStrategy = { keys: readonly string[] } | 'set' | 'replace';

/** How the list at `path` (field names only) of an object of this kind merges. */
export function listStrategy(apiVersion: string, kind: string, path: readonly string[]): ListStrategy {
  if (!isBuiltinApiVersion(apiVersion)) return 'replace';
  const field = path[path.length - 1];
  if (field === 'ports') {
    if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return { keys: ['port', 'protocol'] };
    if (path.includes('containers') || path.includes('initContainers') || path.includes('ephemeralContainers')) return { keys: ['containerPort', 'protocol'] };
    return 'replace';
  }
  if (field === 'secrets' && kind !== 'ServiceAccount') return 'replace';
  if (field === 'finalizers' && path.length === 2 && path[0] === 'metadata') return 'set';
  if (PRIMITIVE_SETS.has(field) && path[0] === 'metadata') return 'set';
  const keys = MERGE_KEYS[field];
  return keys ? { keys } : 'replace';
}

export interface MergeContext {
  prov: Provenance;
  apiVersion: string;
  kind: string;
  /** Where the patch document was written (its top). */
  patch: Origin;
  change: Change | null;
}

/** A deep copy of a patch value without its `$patch` directives' effects (they are read before copying). */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isRecord(x) && Object.keys(x).length === 1 && DIRECTIVE in x)).map(clean);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== DIRECTIVE && !k.startsWith('$setElementOrder/') && k !== '$retainKeys') out[k] = clean(x);
    return out;
  }
  return v;
}

/** Applies a strategic merge patch to `target` in place (a `$patch: delete` at the top is the caller's). */
export function strategicMerge(target: Record<string, unknown>, patch: Record<string, unknown>, ctx: MergeContext): void {
  mergeMap(target, patch, [], [], ctx);
}

function put(ctx: MergeContext, parent: Record<string, unknown> | unknown[], key: string | number, value: unknown, patchPath: FieldPath): void {
  const copy = clean(value);
  ctx.prov.set(parent, key, copy, { doc: ctx.patch.doc, path: [...ctx.patch.path, ...patchPath] }, ctx.change);
}

function mergeMap(dest: Record<string, unknown>, patch: Record<string, unknown>, fields: string[], patchPath: FieldPath, ctx: MergeContext): void {
  for (const [key, pv] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === '$retainKeys' || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/')) continue;
    const dv = dest[key];
    const here = [...patchPath, key];
    if (pv === null) {
      delete dest[key];
      continue;
    }
    if (isRecord(pv)) {
      const directive = pv[DIRECTIVE];
      if (directive === 'delete') delete dest[key];
      else if (directive === 'replace' || !isRecord(dv)) put(ctx, dest, key, pv, here);
      else mergeMap(dv, pv, [...fields, key], here, ctx);
      continue;
    }
    if (Array.isArray(pv)) {
      const strategy = listStrategy(ctx.apiVersion, ctx.kind, [...fields, key]);
      const replaceAll = pv.some((x) => isRecord(x) && x[DIRECTIVE] === 'replace' && Object.keys(x).length === 1);
      if (strategy === 'replace' || replaceAll || !Array.isArray(dv)) put(ctx, dest, key, pv, here);
      else {
        const merged = strategy === 'set' ? mergeSet(dv, pv) : mergeKeyed(dv, pv, strategy.keys, [...fields, key], here, ctx);
        const origin = ctx.prov.originOf(dv);
        if (origin) ctx.prov.register(merged, origin);
        dest[key] = merged;
        pv.forEach((x, i) => {
          if (!isRecord(x)) {
            const at = merged.indexOf(x);
            if (at >= 0) ctx.prov.mark(merged, at, { doc: ctx.patch.doc, path: [...ctx.patch.path, ...here, i] }, ctx.change);
          }
        });
      }
      continue;
    }
    put(ctx, dest, key, pv, here);
  }
}

/** kyaml's elementPrimitiveValues with Prepend: the patch's values, then the others. */
function mergeSet(dest: unknown[], patch: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of [...patch, ...dest]) if (!out.some((x) => String(x) === String(v))) out.push(v);
  return out;
}

/** kyaml's match(): the same where both have a value, and the same on at least one key. */
function sameItem(a: Record<string, unknown>, b: Record<string, unknown>, keys: readonly string[]): boolean {
  let common = false;
  for (const k of keys) {
    const x = a[k] === undefined || a[k] === null ? '' : String(a[k]);
    const y = b[k] === undefined || b[k] === null ? '' : String(b[k]);
    if (x === y && x !== '') common = true;
    else if (x !== '' && y !== '') return false;
  }
  return common;
}

function mergeKeyed(dest: unknown[], patch: unknown[], keys: readonly string[], fields: string[], patchPath: FieldPath, ctx: MergeContext): unknown[] {
  const out: unknown[] = [];
  const used = new Set<number>();
  patch.forEach((p, i) => {
    if (!isRecord(p)) return;
    if (Object.keys(p).length === 1 && DIRECTIVE in p) return;
    const found = dest.findIndex((d, j) => !used.has(j) && isRecord(d) && sameItem(d, p, keys));
    if (p[DIRECTIVE] === 'delete') {
      if (found >= 0) used.add(found);
      return;
    }
    if (found >= 0) {
      used.add(found);
      const d = dest[found] as Record<string, unknown>;
      if (p[DIRECTIVE] === 'replace') {
        const copy = clean(p);
        ctx.prov.adopt(copy, { doc: ctx.patch.doc, path: [...ctx.patch.path, ...patchPath, i] });
        out.push(copy);
      } else {
        mergeMap(d, p, fields, [...patchPath, i], ctx);
        out.push(d);
      }
      return;
    }
    const copy = clean(p);
    ctx.prov.adopt(copy, { doc: ctx.patch.doc, path: [...ctx.patch.path, ...patchPath, i] });
    out.push(copy);
  });
  dest.forEach((d, j) => {
    if (!used.has(j)) out.push(d);
  });
  return out;
}
