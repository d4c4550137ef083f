import { match, matches, ipInCIDR } from '../../src/scenario/match';

describe('structural matching', () => {
  test('mappings match as subsets; scalars by equality', () => {
    expect(matches({ spec: { type: 'ClusterIP' } }, { spec: { type: 'ClusterIP', clusterIP: '10.96.0.5' }, kind: 'Service' })).toBe(true);
    expect(match({ spec: { type: 'NodePort' } }, { spec: { type: 'ClusterIP' } })).toEqual([
      expect.objectContaining({ path: 'spec.type', message: 'is "ClusterIP", expected "NodePort"' }),
    ]);
    expect(match({ spec: { missing: 1 } }, { spec: {} })[0].message).toBe('is missing (expected 1)');
  });

  test('a plain list matches exactly in any order, with items as subsets', () => {
    const ports = [{ port: 80, name: 'http' }, { port: 443, name: 'https' }];
    expect(matches([{ port: 443 }, { port: 80 }], ports)).toBe(true);
    expect(match([{ port: 80 }], ports)[0].message).toMatch(/1 unexpected item/);
    expect(match([{ port: 80 }, { port: 8080 }], ports)[0].message).toMatch(/no item matching \{"port":8080\}/);
  });

  test('exactly pairs items one to one (bipartite), so item order never decides', () => {
    // A greedy pairing would give {a:1} the first item and then fail {a:1,b:2}.
    expect(matches([{ a: 1 }, { a: 1, b: 2 }], [{ a: 1, b: 2 }, { a: 1, b: 3 }])).toBe(true);
  });

  test('ordered, contain and without', () => {
    expect(matches({ ordered: [1, 2] }, [1, 2])).toBe(true);
    expect(matches({ ordered: [2, 1] }, [1, 2])).toBe(false);
    expect(matches({ contain: [2] }, [1, 2, 3])).toBe(true);
    expect(matches({ contain: [4] }, [1, 2, 3])).toBe(false);
    expect(matches({ without: [4] }, [1, 2, 3])).toBe(true);
    expect(match({ without: [2] }, [1, 2])[0].message).toBe('contains 2, which it must not');
  });

  test('helpers: inCIDR, inRange, regex (with (?i)), exists', () => {
    expect(matches({ inCIDR: '10.96.0.0/12' }, '10.111.255.254')).toBe(true);
    expect(matches({ inCIDR: '10.96.0.0/12' }, '10.112.0.1')).toBe(false);
    expect(matches({ inRange: [30000, 32767] }, 32767)).toBe(true);
    expect(match({ inRange: [30000, 32767] }, 3000)[0].message).toBe('is 3000, expected a number in 30000..32767');
    expect(matches({ regex: '^hostname-' }, 'hostname-abc')).toBe(true);
    expect(matches({ regex: '(?i)HELLO' }, 'hello')).toBe(true);
    expect(matches({ x: { exists: false } }, { y: 1 })).toBe(true);
    expect(matches({ x: { exists: false } }, { x: 1 })).toBe(false);
    expect(ipInCIDR('fd00::1', '10.0.0.0/8')).toBe(false);
  });
});
