/**
 * A cheap pre-scan for absurd nesting, run before the YAML parser sees the text. Deeply nested
 * input (100,000 `[`, or `- - - … x`) makes the parser recurse until it runs out of stack, takes
 * seconds, and in a long run can even exhaust V8's memory in a way no try/catch can stop.
 * Real manifests nest a few dozen levels at most.
 */
export const MAX_NESTING_DEPTH = 1000;

export interface NestingProblem {
  /** Offset in the text where the limit was passed. */
  offset: number;
  kind: 'flow' | 'block';
}

const NL = 10;
const SPACE = 32;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const DASH = 45;

/** Space, tab or line break: what must precede `#` for it to start a comment. */
function isBlank(c: number): boolean {
  return c === SPACE || c === 9 || c === NL || c === 13;
}

/** True when a quote at `i` opens a quoted scalar (it follows a separator), not an apostrophe in a word. */
function opensQuote(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  return p === SPACE || p === 9 || p === NL || p === 13 || p === 91 /* [ */ || p === 123 /* { */ || p === 44 /* , */ || p === 58 /* : */;
}

/**
 * The first place where flow collections (`[`/`{`) nest deeper than `maxDepth`, or where a line's
 * block indentation (spaces plus compact `- ` indicators) goes past two columns a level.
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_NESTING_DEPTH): NestingProblem | null {
  const maxIndent = maxDepth * 2;
  let depth = 0;
  let quote = 0;
  let lineStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      if (quote === 0) {
        // Measure the indentation, counting compact sequence entries (`- - x`) as indentation.
        let j = i;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === SPACE) j++;
          else if (c === DASH && text.charCodeAt(j + 1) === SPACE) j += 2;
          else break;
        }
        if (j - i > maxIndent) return { offset: i + maxIndent, kind: 'block' };
        // Flow collections never span documents: a `---` line starts counting afresh.
        if (j === i && depth > 0 && text.startsWith('---', i)) depth = 0;
        i = j - 1;
        continue;
      }
    }
    if (c === NL) {
      lineStart = true;
      continue;
    }
    if (quote !== 0) {
      if (c === BACKSLASH && quote === DQUOTE) i++;
      else if (c === quote) {
        // '' inside a single-quoted scalar is an escaped quote.
        if (quote === SQUOTE && text.charCodeAt(i + 1) === SQUOTE) i++;
        else quote = 0;
      }
      continue;
    }
    if (c === HASH && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      // A comment: skip to the end of the line.
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    if ((c === DQUOTE || c === SQUOTE) && opensQuote(text, i)) quote = c;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return { offset: i, kind: 'flow' };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return null;
}

/** 1-based line and column (in UTF-16 units, as the YAML parser counts) of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
