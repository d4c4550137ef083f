/**
 * JSON patches (RFC 6902) as kustomize applies them (api/filters/patchjson6902, with
 * evanphx/json-patch): `add`, `remove`, `replace`, `move`, `copy` and `test`, with JSON
 * pointers (RFC 6901, `~1` for `/`, `~0` for `~`). An operation that cannot be applied fails
 * the build, as it fails `kustomize build`; the error names the operation.
 */
import type { Change, Origin, Provenance } from './provenance';
import { isRecord } from './types';

export class JsonPatchError extends Error {}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`path "${pointer}" must start with /`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function walk(root: unknown, segs: string[], op: string, pointer: string): Container {
  let cur: unknown = root;
  for (const seg of segs) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isRecord(cur)) cur = cur[seg];
    else cur = undefined;
    if (cur === undefined) throw new JsonPatchError(`${op} ${pointer}: the path does not exist in the object`);
  }
  if (!Array.isArray(cur) && !isRecord(cur)) throw new JsonPatchError(`${op} ${pointer}: the parent of the path is not a mapping or a list`);
  return cur;
}

function index(arr: unknown[], seg: string, op: string, pointer: string, forAdd: boolean): number {
  if (forAdd && seg === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(seg)) throw new JsonPatchError(`${op} ${pointer}: "${seg}" is not a list index`);
  const i = Number(seg);
  if (i > arr.length || (!forAdd && i === arr.length)) throw new JsonPatchError(`${op} ${pointer}: index ${i} is out of range (the list has ${arr.length} items)`);
  return i;
}

function get(root: unknown, pointer: string, op: string): unknown {
  const segs = parsePointer(pointer);
  if (segs.length === 0) return root;
  const parent = walk(root, segs.slice(0, -1), op, pointer);
  const last = segs[segs.length - 1];
  const v = Array.isArray(parent) ? parent[index(parent, last, op, pointer, false)] : parent[last];
  if (v === undefined) throw new JsonPatchError(`${op} ${pointer}: the path does not exist in the object`);
  return v;
}

export interface JsonPatchContext {
  prov: Provenance;
  /** Where the list of operations was written. */
  ops: Origin;
  change: Change | null;
}

/** Applies the operations to `target` in place. */
export function applyJsonPatch(target: Record<string, unknown>, ops: unknown, ctx: JsonPatchContext): void {
  if (!Array.isArray(ops)) throw new JsonPatchError('a JSON patch is a list of operations');
  ops.forEach((raw, n) => {
    if (!isRecord(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') throw new JsonPatchError(`operation ${n + 1} needs \`op\` and \`path\``);
    const { op, path: pointer } = raw;
    const origin: Origin = { doc: ctx.ops.doc, path: [...ctx.ops.path, n, 'value'] };
    const insert = (at: string, value: unknown, from: Origin | null) => {
      const segs = parsePointer(at);
      if (segs.length === 0) throw new JsonPatchError(`${op} ${at}: cannot replace the whole object`);
      const parent = walk(target, segs.slice(0, -1), op, at);
      const last = segs[segs.length - 1];
      const copy = structuredClone(value);
      if (Array.isArray(parent)) {
        const i = index(parent, last, op, at, true);
        parent.splice(i, 0, copy);
        if (from) ctx.prov.set(parent, i, copy, from, ctx.change);
      } else if (from) ctx.prov.set(parent, last, copy, from, ctx.change);
      else parent[last] = copy;
    };
    const removeAt = (at: string): unknown => {
      const segs = parsePointer(at);
      const parent = walk(target, segs.slice(0, -1), op, at);
      const last = segs[segs.length - 1];
      if (Array.isArray(parent)) return parent.splice(index(parent, last, op, at, false), 1)[0];
      if (!(last in parent)) throw new JsonPatchError(`${op} ${at}: the path does not exist in the object`);
      const v = parent[last];
      delete parent[last];
      return v;
    };
    switch (op) {
      case 'add':
        if (!('value' in raw)) throw new JsonPatchError(`add ${pointer}: the operation has no value`);
        insert(pointer, raw.value, origin);
        break;
      case 'remove':
        removeAt(pointer);
        break;
      case 'replace': {
        if (!('value' in raw)) throw new JsonPatchError(`replace ${pointer}: the operation has no value`);
        get(target, pointer, op);
        const segs = parsePointer(pointer);
        const parent = walk(target, segs.slice(0, -1), op, pointer);
        const last = segs[segs.length - 1];
        const key = Array.isArray(parent) ? index(parent, last, op, pointer, false) : last;
        ctx.prov.set(parent, key, structuredClone(raw.value), origin, ctx.change);
        break;
      }
      case 'move':
      case 'copy': {
        if (typeof raw.from !== 'string') throw new JsonPatchError(`${op} ${pointer}: the operation has no \`from\``);
        const value = op === 'move' ? removeAt(raw.from) : structuredClone(get(target, raw.from, op));
        insert(pointer, value, null);
        break;
      }
      case 'test':
        if (JSON.stringify(get(target, pointer, op)) !== JSON.stringify(raw.value)) throw new JsonPatchError(`test ${pointer}: the value is not ${JSON.stringify(raw.value)}`);
        break;
      default:
        throw new JsonPatchError(`unknown operation "${op}"`);
    }
  });
}
