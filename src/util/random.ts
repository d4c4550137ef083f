/**
 * The one source of randomness: a seeded generator (mulberry32). Every random choice in svclab
 * (pod name hashes, node ports, load balancing) draws from one of these, so the same inputs and
 * seed give byte-identical output.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator derived from this seed and a label, so independent streams do not disturb each other. */
  static derive(seed: number, label: string): Random {
    return new Random(hashString(`${seed}:${label}`));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** FNV-1a, 32 bit: a stable hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Kubernetes' "safe" alphabet for generated names: no vowels, no 0/1/3 (k8s.io/apimachinery rand.SafeEncodeString). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function safeString(rng: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[rng.int(0, SAFE_ALPHABET.length - 1)];
  return out;
}
