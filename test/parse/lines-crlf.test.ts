/**
 * A position inside a CRLF line break is the end of its line (one past the last character),
 * never a column past it: the fuzz test found a yaml-syntax finding whose end pointed at the LF
 * of `  -\r\n` (YAML 1.2 production b-break counts CRLF as one break).
 */
import fc from 'fast-check';
import { FileLines } from '../../src/parse/lines';

test('an offset at the LF of a CRLF is the end of the line', () => {
  const text = 'a: 1\r\n  -\r\nb: 2\n';
  const lines = new FileLines(text);
  expect(lines.pos(text.indexOf('-') + 1)).toEqual({ line: 2, col: 4 });
  expect(lines.pos(text.indexOf('-') + 2)).toEqual({ line: 2, col: 4 });
  expect(lines.pos(text.indexOf('b'))).toEqual({ line: 3, col: 1 });
  expect(lines.pos(4)).toEqual({ line: 1, col: 5 });
  expect(lines.pos(5)).toEqual({ line: 1, col: 5 });
});

/** Line and column by walking every character, breaks as YAML counts them (LF, CRLF, lone CR). */
function reference(text: string, offset: number): { line: number; col: number } {
  let at = Math.max(0, Math.min(offset, text.length));
  if (at > 0 && text[at] === '\n' && text[at - 1] === '\r') at--;
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  const inBreak = at > start && text[at] === '\n' && text[at - 1] === '\r';
  return { line, col: at - start + (inBreak ? 0 : 1) };
}

// Line starts are found only as far as a look-up needs them: any order of look-ups (far first,
// near first, line texts between) must answer what a scan of the whole text answers.
test('positions and line texts do not depend on the order of look-ups (lazy line starts)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n'), { maxLength: 200 }).map((parts) => parts.join('')),
      fc.array(fc.oneof(fc.integer({ min: -2, max: 210 }).map((o) => ({ o })), fc.integer({ min: 0, max: 120 }).map((l) => ({ l }))), { maxLength: 20 }),
      (text, queries) => {
        const lines = new FileLines(text);
        const all = text.split(/\r\n|\n|\r/);
        for (const q of queries) {
          if ('o' in q) expect(lines.pos(q.o)).toEqual(reference(text, q.o));
          else expect(lines.lineText(q.l)).toBe(q.l >= 1 && q.l <= all.length ? all[q.l - 1] : '');
        }
      },
    ),
    { numRuns: 2000, seed: 14 },
  );
});
