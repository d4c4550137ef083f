/**
 * Names Kubernetes generates, emulated deterministically: the pod-template-hash of a
 * Deployment's ReplicaSet, `generateName` suffixes, and uids.
 */
import { hashString, type Random, SAFE_ALPHABET, safeString } from '../util/random';

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

export { canonicalJson } from '../util/canonical-json';
import { canonicalJson } from '../util/canonical-json';

/**
 * controller.ComputeHash: FNV-32a of the pod template, written with SafeEncodeString. Kubernetes
 * hashes its internal dump of the template; svclab hashes the template's canonical JSON, so the
 * value differs from a real cluster's but has the same shape and the same property: same
 * template, same hash (whatever the seed), changed template, new ReplicaSet name.
 */
export function podTemplateHash(template: unknown): string {
  const cacheable = typeof template === 'object' && template !== null;
  const cached = cacheable ? hashCache.get(template) : undefined;
  if (cached !== undefined) return cached;
  const hash = safeEncodeString(String(hashString(canonicalJson(template ?? {}))));
  if (cacheable) hashCache.set(template, hash);
  return hash;
}
/** Parsed templates are never mutated, so a template simulated again reuses its hash. */
const hashCache = new WeakMap<object, string>();

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

/** A uid-shaped deterministic identifier (8-4-4-4-12 hex), cheap enough to make for every pod. */
export function fakeUid(seed: number, key: string): string {
  // FNV-1a of `${seed}:uid:${key}`, without building that string (this runs once per pod).
  let h = hashString(`${seed}:uid:`);
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    // splitmix-style scrambling of the running hash: four independent-looking 32-bit words.
    h = (h + 0x9e3779b9) >>> 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push((z ^ (z >>> 16)) >>> 0);
  }
  // Hex digits 13 and 17 are replaced by the version (4) and variant (a) marks of a v4 uuid.
  const [a, b, c, d] = words;
  return `${hex8(a)}-${hex4(b >>> 16)}-4${hex4(b & 0xffff).slice(1)}-a${hex4(c >>> 16).slice(1)}-${hex4(c & 0xffff)}${hex8(d)}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (v: number) => HEX[(v >>> 8) & 255] + HEX[v & 255];
const hex8 = (v: number) => hex4(v >>> 16) + hex4(v & 0xffff);
