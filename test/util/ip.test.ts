import { cidrAddress, cidrContains, formatIP, parseCIDR, parseIP, reverseName, subnet } from '../../src/util/ip';

describe('ip utilities', () => {
  test('IPv4 parse/format and leading zeros rejected (Go netip rules)', () => {
    expect(formatIP(parseIP('10.96.0.10')!)).toBe('10.96.0.10');
    expect(parseIP('010.1.1.1')).toBeNull();
    expect(parseIP('256.1.1.1')).toBeNull();
    expect(parseIP('10.96.0')).toBeNull();
  });
  test('IPv6 parse/format with compression', () => {
    expect(formatIP(parseIP('fd00:0:0:0:0:0:0:1')!)).toBe('fd00::1');
    expect(formatIP(parseIP('::ffff:10.0.0.1')!)).toBe('::ffff:a00:1');
    expect(parseIP('fd00::1::2')).toBeNull();
  });
  test('CIDR containment, addresses and subnets', () => {
    const c = parseCIDR('10.96.0.0/12')!;
    expect(c.size).toBe(1048576n);
    expect(cidrContains(c, parseIP('10.111.255.254')!)).toBe(true);
    expect(cidrContains(c, parseIP('10.112.0.1')!)).toBe(false);
    expect(cidrAddress(c, 10)).toBe('10.96.0.10');
    expect(subnet(parseCIDR('10.244.0.0/16')!, 24, 2).text).toBe('10.244.2.0/24');
  });
  test('reverse names', () => {
    expect(reverseName(parseIP('10.96.0.10')!)).toBe('10.0.96.10.in-addr.arpa.');
  });
});
