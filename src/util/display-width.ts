/**
 * The width of a string on a terminal: East Asian wide characters (Hangul, CJK) take two
 * columns, combining marks and zero-width characters none (string-width). Plain ASCII, the
 * common case, is counted without it.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** padEnd by display width: a Korean cell lines up with an English one. */
export function padDisplay(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}
