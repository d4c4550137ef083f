/** JSON with sorted keys, so that a hash or a comparison depends on the content, not on the key order written. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i]);
    return out + ']';
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const k of Object.keys(o).sort()) {
      if (o[k] === undefined) continue;
      out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(o[k]);
      first = false;
    }
    return out + '}';
  }
  return JSON.stringify(v) ?? 'null';
}
