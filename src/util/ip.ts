/** IPv4/IPv6 parsing and CIDR arithmetic with bigint, enough for allocation and validation. */

export type IPFamily = 4 | 6;

export interface ParsedIP {
  family: IPFamily;
  value: bigint;
}

export interface CIDR {
  family: IPFamily;
  base: bigint;
  prefix: number;
  /** Number of addresses in the block. */
  size: bigint;
  text: string;
}

export function parseIPv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    // Leading zeros are rejected, as Go's netip (and so Kubernetes validation) rejects them.
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

export function parseIPv6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.includes(':::')) return null;
  let text = s;
  let tail: bigint[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [(v4 >> 16n) & 0xffffn, v4 & 0xffffn];
    text = text.slice(0, lastColon + 1) + '0:0';
    tail = tail.length ? tail : [];
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups = head.length + rest.length;
  if (halves.length === 1 && groups !== 8) return null;
  if (halves.length === 2 && groups > 7) return null;
  const all = [...head, ...Array(8 - groups).fill('0'), ...rest];
  let v = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail.length) v = (v & ~0xffffffffn) | (tail[0] << 16n) | tail[1];
  return v;
}

export function parseIP(s: string): ParsedIP | null {
  const v4 = parseIPv4(s);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = s.includes(':') ? parseIPv6(s) : null;
  return v6 !== null ? { family: 6, value: v6 } : null;
}

export function formatIP(ip: ParsedIP): string {
  if (ip.family === 4) {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLen).join(':')}`;
}

export function parseCIDR(s: string): CIDR | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIP(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const bits = ip.family === 4 ? 32 : 128;
  if (prefix > bits) return null;
  const hostBits = BigInt(bits - prefix);
  const base = (ip.value >> hostBits) << hostBits;
  return { family: ip.family, base, prefix, size: 1n << hostBits, text: `${formatIP({ family: ip.family, value: base })}/${prefix}` };
}

export function cidrContains(cidr: CIDR, ip: ParsedIP): boolean {
  return cidr.family === ip.family && ip.value >= cidr.base && ip.value < cidr.base + cidr.size;
}

/** The address at `offset` inside the block. */
export function cidrAddress(cidr: CIDR, offset: bigint | number): string {
  return formatIP({ family: cidr.family, value: cidr.base + BigInt(offset) });
}

/** The `index`-th sub-block of length `prefix` (e.g. the node's /24 out of the pod /16). */
export function subnet(cidr: CIDR, prefix: number, index: number): CIDR {
  const bits = cidr.family === 4 ? 32 : 128;
  const hostBits = BigInt(bits - prefix);
  const base = cidr.base + (BigInt(index) << hostBits);
  return { family: cidr.family, base, prefix, size: 1n << hostBits, text: `${formatIP({ family: cidr.family, value: base })}/${prefix}` };
}

export function isIP(s: string): boolean {
  return parseIP(s) !== null;
}

/** Reverse-lookup name (`4.3.2.1.in-addr.arpa.` / nibble form for IPv6). */
export function reverseName(ip: ParsedIP): string {
  if (ip.family === 4) return `${formatIP(ip).split('.').reverse().join('.')}.in-addr.arpa.`;
  const hex = ip.value.toString(16).padStart(32, '0');
  return `${hex.split('').reverse().join('.')}.ip6.arpa.`;
}
