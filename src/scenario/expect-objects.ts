/** `objects:` expectations: partial matches on the simulated objects. */
import { plainText } from '../i18n/lang';
import type { FieldPath } from '../types';
import { didYouMean } from '../util/did-you-mean';
import { makeResult, CannotEvaluate, type EvalContext } from './context';
import { describe, match } from './match';
import { clusterObjects, OBJECT_KINDS, type KubeObject } from './objects';
import type { ExpectationResult, Mismatch } from './result';
import type { ObjectSpec } from './spec';
import { parseRef } from './workspace';

const objectCache = new WeakMap<object, Map<string, KubeObject[]>>();

export function evaluateObject(ctx: EvalContext, spec: ObjectSpec, at: FieldPath): ExpectationResult {
  const title = plainText(spec.name) ?? `${spec.ref} ${spec.absent ? 'does not exist' : spec.match ? 'matches' : 'exists'}`;
  return makeResult(ctx, 'objects', at, title, plainText(spec.hint), () => {
    const ref = parseRef(spec.ref);
    if (!ref) throw new CannotEvaluate(`ref "${spec.ref}" is not Kind/name or Kind/namespace/name`);
    const cluster = ctx.sim();
    if (!(OBJECT_KINDS as readonly string[]).includes(ref.kind)) {
      const guess = didYouMean(ref.kind, [...OBJECT_KINDS]);
      throw new CannotEvaluate(`objects: svclab simulates ${OBJECT_KINDS.join(', ')}; "${ref.kind}" is not one of them${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    let byKind = objectCache.get(cluster);
    if (!byKind) objectCache.set(cluster, (byKind = new Map()));
    let objects = byKind.get(ref.kind);
    if (!objects) byKind.set(ref.kind, (objects = clusterObjects(cluster, ref.kind)));
    const ns = ref.namespace ?? (ref.kind === 'Node' ? undefined : ctx.namespace);
    const found = objects.filter((o) => o.kind === ref.kind && (ns === undefined || (o.metadata.namespace ?? '') === ns) && (ref.name.endsWith('*') ? o.metadata.name.startsWith(ref.name.slice(0, -1)) : o.metadata.name === ref.name));
    const mismatches: Mismatch[] = [];
    if (spec.absent) {
      if (found.length) mismatches.push({ path: '', message: `${spec.ref} exists, but should not`, expected: 'absent', actual: found.map((o) => o.metadata.name) });
      return { mismatches, expected: { absent: true }, actual: found.map((o) => o.metadata.name) };
    }
    if (spec.count !== undefined && found.length !== spec.count) mismatches.push({ path: '', message: `${found.length} object${found.length === 1 ? '' : 's'} match ${spec.ref}, expected ${spec.count}`, expected: spec.count, actual: found.length });
    if (found.length === 0) {
      const sameKind = objects.filter((o) => o.kind === ref.kind).map((o) => `${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`);
      mismatches.push({ path: '', message: `there is no ${ref.kind} ${ns ? `${ns}/` : ''}${ref.name} in the simulated cluster${sameKind.length ? ` (there are: ${sameKind.slice(0, 8).join(', ')})` : ''}` });
      return { mismatches, expected: spec.match ?? {}, actual: null };
    }
    for (const o of found) {
      for (const m of match(spec.match ?? {}, o)) mismatches.push({ ...m, message: found.length > 1 ? `(${o.metadata.name}) ${m.message}` : m.message });
    }
    return { mismatches, expected: spec.match ?? {}, actual: found.length === 1 ? found[0] : found, message: mismatches.length ? undefined : `${title}${found.length > 1 ? ` (${found.length} objects)` : ''}` };
  });
}

export { describe };
