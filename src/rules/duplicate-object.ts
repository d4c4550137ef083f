import { defineRule } from './rule';
import { apiGroup } from '../model/kinds';
import type { AnyObject } from '../model/types';
import { refString } from '../types';
import { locateIn } from '../parse/manifest';

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
    },
  },
  check(ctx) {
    const first = new Map<string, AnyObject>();
    for (const o of ctx.model.objects) {
      // Nameless objects are invalid-name's business; they cannot collide by name.
      if (o.ref.name === '') continue;
      const key = identity(o);
      const seen = first.get(key);
      if (!seen) {
        first.set(key, o);
        continue;
      }
      ctx.report({
        messageId: 'duplicate', manifest: o.manifest, path: ['metadata', 'name'],
        data: { ref: refString(o.ref), first: where(seen) },
        related: [{ manifest: seen.manifest, path: ['metadata', 'name'], message: `first definition of ${refString(seen.ref)}` }],
      });
    }
  },
});
