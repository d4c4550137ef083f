import { defineRule } from './rule';
import { apiGroup } from '../model/kinds';
import type { AnyObject } from '../model/types';
import { refString } from '../types';
import { locateIn } from '../parse/manifest';
import { sameCanonicalJson } from '../util/canonical-json';

/**
 * The API server's identity of an object: group (not version: apps/v1 and apps/v1beta2 are the
 * same stored object), kind, namespace (cluster-scoped kinds have none) and name.
 */
function identity(o: AnyObject): string {
  return [apiGroup(o.ref.apiVersion), o.kind, o.ref.namespace, o.ref.name].join('\u0000');
}

function where(o: AnyObject): string {
  const at = locateIn(o.manifest, ['metadata', 'name']);
  return `${at.file}:${at.range.line}`;
}

/**
 * Whether two objects of one identity would be stored alike. Two whole documents parsed from
 * the same text have the same value, so their texts are compared first (a copied file: 10,000
 * copies in the published corpus, 60 ms of comparing values and copying them into content()).
 */
function sameContent(a: AnyObject, b: AnyObject): boolean {
  if (a.manifest.root.length === 0 && b.manifest.root.length === 0) {
    const text = a.manifest.source.sourceText?.();
    if (text !== undefined && text === b.manifest.source.sourceText?.()) return true;
  }
  // The same values, keys in any order (as their canonical JSON would be equal).
  return sameCanonicalJson(content(a), content(b));
}

/**
 * The object as the API server would store it from this manifest, for comparing two copies:
 * its written value with the namespace it lands in (written or defaulted).
 */
function content(o: AnyObject): Record<string, unknown> {
  const metadata = typeof o.manifest.value.metadata === 'object' && o.manifest.value.metadata !== null ? o.manifest.value.metadata : {};
  return { ...o.manifest.value, metadata: { ...metadata, namespace: o.ref.namespace || undefined } };
}

/**
 * `kubectl apply` of two manifests for one object: the later one replaces the earlier one. When
 * both say the same (the same values, however they are formatted), the second apply changes
 * nothing: only a redundant copy, `info`. Otherwise one silently overwrites the other: `error`.
 */
export default defineRule({
  meta: {
    id: 'duplicate-object',
    severity: 'error',
    description: 'The same object (group, kind, namespace and name) is defined more than once in the input.',
    category: 'input',
    messages: {
      duplicate: {
        message: '{{ref}} is defined again (first at {{first}}); only one object of this kind, namespace and name can exist, so applying both lets one silently overwrite the other',
        hint: 'Remove one of the definitions, or give this one a different metadata.name (or namespace).',
      },
      identical: {
        message: '{{ref}} is defined again (first at {{first}}), identical to the definition before it; applying both changes nothing, the second copy is only redundant',
        hint: 'Keep one copy, so that a later edit to one of them cannot be silently undone by the other.',
      },
    },
  },
  check(ctx) {
    const first = new Map<string, AnyObject>();
    // Where each first definition is, said by every copy of it.
    const firstAt = new Map<AnyObject, string>();
    // The copy each later one would replace: the last one applied before it.
    const latest = new Map<string, AnyObject>();
    for (const o of ctx.model.objects) {
      // Nameless objects are invalid-name's business; they cannot collide by name.
      if (o.ref.name === '') continue;
      const key = identity(o);
      const seen = first.get(key);
      const previous = latest.get(key);
      latest.set(key, o);
      if (!seen || !previous) {
        first.set(key, o);
        continue;
      }
      const same = sameContent(o, previous);
      let at = firstAt.get(seen);
      if (at === undefined) firstAt.set(seen, (at = where(seen)));
      ctx.report({
        messageId: same ? 'identical' : 'duplicate', manifest: o.manifest, path: ['metadata', 'name'],
        data: { ref: refString(o.ref), first: at },
        related: [{ manifest: seen.manifest, path: ['metadata', 'name'], message: `first definition of ${refString(seen.ref)}` }],
        ...(same ? { severity: 'info' as const } : {}),
      });
    }
  },
});
