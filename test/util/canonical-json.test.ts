import fc from 'fast-check';
import { canonicalJson, sameCanonicalJson } from '../../src/util/canonical-json';

// duplicate-object compares two copies with sameCanonicalJson; it must answer exactly what
// comparing their canonical JSON texts answers.
describe('sameCanonicalJson', () => {
  const leaf = fc.oneof(
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, NaN, Infinity, -Infinity, '', '1', 'a', 'null'),
    fc.integer({ min: -3, max: 3 }),
    fc.string({ maxLength: 2 }),
  );
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__'), tie('v'), { maxKeys: 3 }),
    ),
  })).v;

  it('equals comparing canonicalJson texts, on random values and on mutated copies', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameCanonicalJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        const copy = JSON.parse(JSON.stringify({ a })).a as unknown;
        expect(sameCanonicalJson(a, copy)).toBe(canonicalJson(a) === canonicalJson(copy));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('ignores key order and undefined values, but not a missing or different value', () => {
    expect(sameCanonicalJson({ a: 1, b: { c: [1, 'x'] } }, { b: { c: [1, 'x'] }, a: 1 })).toBe(true);
    expect(sameCanonicalJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameCanonicalJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameCanonicalJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameCanonicalJson([1, 2], [2, 1])).toBe(false);
    expect(sameCanonicalJson({}, [])).toBe(false);
    // JSON writes NaN and the infinities as null, so the texts are equal.
    expect(sameCanonicalJson(NaN, null)).toBe(canonicalJson(NaN) === canonicalJson(null));
  });
});
