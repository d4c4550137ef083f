import type { FieldPath } from '../types';
import type { SchemaAt } from './errors';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows local `$ref`s (`#/definitions/X`) of a schema document; other refs are not followed. */
function resolve(root: Json, node: Json): Json {
  let cur = node;
  for (let hops = 0; hops < 32 && typeof cur.$ref === 'string'; hops++) {
    const ref = cur.$ref as string;
    if (!ref.startsWith('#')) break;
    let target: unknown = root;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isRecord(target) ? target[seg] : undefined;
    }
    if (!isRecord(target)) break;
    cur = target;
  }
  return cur;
}

function child(node: Json, seg: string | number): Json | undefined {
  if (typeof seg === 'number') return isRecord(node.items) ? node.items : undefined;
  const props = node.properties;
  if (isRecord(props) && isRecord(props[seg])) return props[seg];
  if (isRecord(node.patternProperties)) {
    for (const [pattern, sub] of Object.entries(node.patternProperties)) {
      try {
        if (isRecord(sub) && new RegExp(pattern, 'u').test(seg)) return sub;
      } catch {
        // an invalid pattern in a user schema: ajv reported it already at compile time
      }
    }
  }
  return isRecord(node.additionalProperties) ? node.additionalProperties : undefined;
}

/**
 * The schema that governs `path` in a schema document, with the description written where the
 * field is declared (beside its `$ref`) or else on the definition it points to.
 */
export function schemaAtPath(root: unknown, path: FieldPath): SchemaAt | undefined {
  if (!isRecord(root)) return undefined;
  let node = resolve(root, root);
  let description = typeof root.description === 'string' ? root.description : '';
  for (const seg of path) {
    const next = child(node, seg);
    if (!next) return undefined;
    description = typeof next.description === 'string' ? next.description : '';
    node = resolve(root, next);
    if (!description && typeof node.description === 'string') description = node.description;
  }
  return { schema: node, description };
}
