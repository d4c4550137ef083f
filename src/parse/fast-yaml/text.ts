/** Scans of YAML text around the events' offsets, for the construction step (construct.ts). */

/** Skips spaces, line breaks and comments (and commas, in flow collections) from `from`. */
export function skipBlank(src: string, from: number, commas: boolean): number {
  let i = from;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || (commas && c === 44)) i++;
    else if (c === 35) {
      while (i < src.length && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
    } else return i;
  }
}

/** Whether `src` has a line break (LF or CR) in [from, to). */
export function hasLineBreak(src: string, from: number, to: number): boolean {
  const nl = src.indexOf('\n', from);
  const cr = src.indexOf('\r', from);
  return (nl >= 0 && nl < to) || (cr >= 0 && cr < to);
}
