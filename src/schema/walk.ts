import type { FieldPath } from '../types';
import { isRecord, type SchemaAt } from './problems';

type Json = Record<string, unknown>;

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

/** The `oneOf`/`anyOf` branches of a node, refs resolved, and theirs (a value may take any of these forms). */
function branches(root: Json, node: Json, seen = new Set<Json>([node])): Json[] {
  const out: Json[] = [];
  for (const list of [node.oneOf, node.anyOf]) {
    for (const b of Array.isArray(list) ? list.filter(isRecord) : []) {
      const branch = resolve(root, b);
      if (seen.has(branch)) continue; // a recursive schema
      seen.add(branch);
      out.push(branch, ...branches(root, branch, seen));
    }
  }
  return out;
}

function ownChild(node: Json, seg: string | number): Json | undefined {
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

/** The schema of a key or list item: the node's own, or else the first `oneOf`/`anyOf` branch that has one. */
function child(root: Json, node: Json, seg: string | number): Json | undefined {
  for (const candidate of [node, ...branches(root, node)]) {
    const found = ownChild(candidate, seg);
    if (found) return found;
  }
  return undefined;
}

/** The property names a node allows, in every branch. */
function keysOf(root: Json, node: Json): string[] {
  return [...new Set([node, ...branches(root, node)].flatMap((n) => (isRecord(n.properties) ? Object.keys(n.properties) : [])))];
}

/**
 * The schema that governs `path` in a schema document, with the description written where the
 * field is declared (beside its `$ref`) or else on the definition it points to, and the keys it
 * allows. Where a field may take several forms (`oneOf`/`anyOf`), the path is followed into the
 * form that has the next key or list items.
 */
export function schemaAtPath(root: unknown, path: FieldPath): SchemaAt | undefined {
  if (!isRecord(root)) return undefined;
  let node = resolve(root, root);
  let description = typeof root.description === 'string' ? root.description : '';
  for (const seg of path) {
    const next = child(root, node, seg);
    if (!next) return undefined;
    description = typeof next.description === 'string' ? next.description : '';
    node = resolve(root, next);
    if (!description && typeof node.description === 'string') description = node.description;
  }
  return { schema: node, description, keys: keysOf(root, node) };
}
