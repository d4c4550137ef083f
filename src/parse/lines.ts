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
  // Line starts, found as far as a look-up needed them: a finding near the top of a file (most
  // name metadata.name) scans a few lines, not the file (the published corpus scanned 4,000
  // whole files for one position each). Written straight into a typed array that doubles when
  // full: a number[] of 2.3 million line starts and its copy took 0.25 s on a 50 MB file.
  private starts = new Int32Array(64);
  private n = 1;
  /** Next LF and CR at or after the scan position (-1: none left; -2: not searched yet). */
  private nl = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  private push(at: number): void {
    if (this.n === this.starts.length) {
      const bigger = new Int32Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    this.starts[this.n++] = at;
  }

  /**
   * Scans on (indexOf for both breaks, never a loop over every character) until a line starts
   * after `offset` and at least `lines` line starts are known, or the text ends.
   */
  private scan(offset: number, lines: number): void {
    const text = this.text;
    if (this.nl === -2) {
      this.nl = text.indexOf('\n');
      this.cr = text.indexOf('\r');
    }
    while ((this.nl >= 0 || this.cr >= 0) && (this.starts[this.n - 1] <= offset || this.n < lines)) {
      if (this.cr < 0 || (this.nl >= 0 && this.nl < this.cr)) {
        this.push(this.nl + 1);
        this.nl = text.indexOf('\n', this.nl + 1);
      } else {
        // `\r\n` is one break, counted at its `\n`; a lone `\r` is a break of its own.
        if (text.charCodeAt(this.cr + 1) !== 10) this.push(this.cr + 1);
        this.cr = text.indexOf('\r', this.cr + 1);
      }
    }
  }

  /** The line starts known after scanning past `offset` and to `lines` lines. */
  private lineStarts(offset: number, lines = 0): Int32Array {
    this.scan(offset, lines);
    return this.starts.subarray(0, this.n);
  }

  /** 1-based line and column of `offset` (clamped to the text). */
  pos(offset: number): { line: number; col: number } {
    let at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts(at);
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
    const starts = this.lineStarts(-1, line + 1);
    if (line < 1 || line > starts.length) return '';
    const start = starts[line - 1];
    let end = line < starts.length ? starts[line] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}
