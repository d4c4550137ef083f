/**
 * A position inside a CRLF line break is the end of its line (one past the last character),
 * never a column past it: the fuzz test found a yaml-syntax finding whose end pointed at the LF
 * of `  -\r\n` (YAML 1.2 production b-break counts CRLF as one break).
 */
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
