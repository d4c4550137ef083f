/**
 * Offsets to 1-based line and column for one file, shared by every document of it (fast or
 * `yaml`-parsed), built the first time a position is needed and never by parsing again.
 *
 * A line ends at `\n`, at `\r\n`, or at a lone `\r`: YAML 1.2 counts all three as line breaks
 * (production b-break), and so do editors. `yaml`'s own LineCounter only counts `\n`, which put
 * findings in files with lone CR line ends past the end of their line (issue 13, point 11).
 * Columns count UTF-16 code units, as `yaml` does.
 */
export class FileLines {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    // Written straight into a typed array that doubles when full: a number[] of 2.3 million line
    // starts and its copy took 0.25 s on a 50 MB file, the search itself 0.02 s.
    let list = new Int32Array(1024);
    let n = 1;
    const push = (at: number): void => {
      if (n === list.length) {
        const bigger = new Int32Array(list.length * 2);
        bigger.set(list);
        list = bigger;
      }
      list[n++] = at;
    };
    // indexOf for both breaks, never a loop over every character.
    let nl = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (nl >= 0 || cr >= 0) {
      if (cr < 0 || (nl >= 0 && nl < cr)) {
        push(nl + 1);
        nl = text.indexOf('\n', nl + 1);
      } else {
        // `\r\n` is one break, counted at its `\n`; a lone `\r` is a break of its own.
        if (text.charCodeAt(cr + 1) !== 10) push(cr + 1);
        cr = text.indexOf('\r', cr + 1);
      }
    }
    this.starts = list.subarray(0, n);
    return this.starts;
  }

  /** 1-based line and column of `offset` (clamped to the text). */
  pos(offset: number): { line: number; col: number } {
    const starts = this.lineStarts();
    let at = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of one CRLF break is no place in the text: it is the end of the line.
    if (at > 0 && this.text.charCodeAt(at) === 10 && this.text.charCodeAt(at - 1) === 13) at--;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a CRLF line break (at its LF) is the end of the line, one past its last character.
    const inBreak = at > starts[lo] && this.text.charCodeAt(at) === 10 && this.text.charCodeAt(at - 1) === 13;
    return { line: lo + 1, col: at - starts[lo] + (inBreak ? 0 : 1) };
  }

  /** `yaml`'s LineCounter interface. */
  linePos(offset: number): { line: number; col: number } {
    return this.pos(offset);
  }

  /** The text of 1-based line `line`, without its line break ('' past the end). */
  lineText(line: number): string {
    const starts = this.lineStarts();
    if (line < 1 || line > starts.length) return '';
    const start = starts[line - 1];
    let end = line < starts.length ? starts[line] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}
