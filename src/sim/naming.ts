/**
 * Names Kubernetes generates, emulated deterministically: the pod-template-hash of a
 * Deployment's ReplicaSet, `generateName` suffixes, and uids.
 */
import { hashString, Random, SAFE_ALPHABET, safeString } from '../util/random';

/**
 * k8s.io/apimachinery rand.SafeEncodeString: each character is replaced by the safe alphabet's
 * character at (char code mod alphabet size). Applied to the decimal text of a 32-bit hash, this
 * gives the familiar `7b57c676b9` shapes (only 4-9, b, c, d, f).
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with sorted keys, so that the hash depends on the content, not on the key order written. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * controller.ComputeHash: FNV-32a of the pod template, written with SafeEncodeString. Kubernetes
 * hashes its internal dump of the template; svclab hashes the template's canonical JSON, so the
 * value differs from a real cluster's but has the same shape and the same property: same
 * template, same hash (whatever the seed), changed template, new ReplicaSet name.
 */
export function podTemplateHash(template: unknown): string {
  return safeEncodeString(String(hashString(canonicalJson(template ?? {}))));
}

/** apiserver names.SimpleNameGenerator: the base cut to 58 characters, plus 5 random safe characters. */
export function generateName(base: string, rng: Random, taken: Set<string>): string {
  const prefix = base.length > 58 ? base.slice(0, 58) : base;
  for (;;) {
    const name = prefix + safeString(rng, 5);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** A uid-shaped deterministic identifier (8-4-4-4-12 hex). */
export function fakeUid(seed: number, key: string): string {
  const rng = Random.derive(seed, `uid:${key}`);
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(rng.next() * 0x100000000).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
