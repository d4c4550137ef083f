/**
 * The one decoder of input text. Files (bytes), standard input (bytes) and the text a library
 * caller passes in (`lintSources`, `simulate(text)`, `analyze`) all go through it, so that they
 * are read alike: a leading byte order mark is dropped (as kubectl's YAML decoder drops it),
 * and what is not UTF-8 text is a `file-unreadable` finding with the position of the first
 * offending character, never a value with U+FFFD in it or an object that lost its first key:
 *  - NUL bytes: a binary file (YAML forbids NUL in a stream, YAML 1.2 §5.1 c-printable);
 *  - a UTF-16 or UTF-32 byte order mark, or UTF-16 text without one (every other byte NUL);
 *  - bytes that are not UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF);
 *  - in text given as a string, a lone surrogate, which no UTF-8 file can hold.
 */
import type { SourceFile, UnreadableFile } from './source';
import { messageText, stageFinding, type PendingFinding } from '../findings';
import fileUnreadable from '../rules/file-unreadable';

/** A file-unreadable problem, worded by the rule's messages (the reason is also shown by commands that stop on it). */
export function unreadableFile(shown: string, problem: UnreadableFile['problem'], at?: { line: number; column: number }): UnreadableFile {
  const { message, hint } = messageText(fileUnreadable, problem);
  return { path: shown, ...at, problem, reason: message, hint };
}

/** The encoding a byte order mark or a NUL pattern gives away, when it is not UTF-8. */
function wideEncoding(buf: Uint8Array): string | null {
  const [b0, b1, b2, b3] = buf;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 big-endian';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'UTF-32 little-endian';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 big-endian';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 little-endian';
  // No mark: ASCII text written as UTF-16 has a NUL in every other byte (YAML 1.2 §5.2 detects it the same way).
  if (buf.length >= 4 && b0 === 0x00 && b1 !== 0x00 && b2 === 0x00) return 'UTF-16 big-endian';
  if (buf.length >= 4 && b0 !== 0x00 && b1 === 0x00 && b3 === 0x00) return 'UTF-16 little-endian';
  return null;
}

/** Text or the reason there is none: binary (NUL bytes), UTF-16/32 and non-UTF-8 bytes are findings, not crashes. */
export function decodeBytes(buf: Uint8Array, shown: string, abs: string | null): SourceFile | UnreadableFile {
  const wide = wideEncoding(buf);
  if (wide) return unreadableFile(shown, { messageId: 'wideEncoding', data: { encoding: wide } }, { line: 1, column: 1 });
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const at = bytePosition(buf, nul);
    return unreadableFile(shown, { messageId: 'binary', data: at }, at);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    const at = bytePosition(buf, bad);
    return unreadableFile(shown, { messageId: 'notUtf8', data: { ...at, byte: buf[bad].toString(16).toUpperCase().padStart(2, '0') } }, at);
  }
  return { path: shown, absPath: abs, text: withoutBom(text) };
}

/** The same checks for text that is already a string (standard input read as text, a library caller's text). */
export function decodeText(text: string, shown: string, abs: string | null): SourceFile | UnreadableFile {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const at = charPosition(text, nul);
    return unreadableFile(shown, { messageId: 'binary', data: at }, at);
  }
  const lone = loneSurrogate(text);
  if (lone >= 0) {
    const at = charPosition(text, lone);
    return unreadableFile(shown, { messageId: 'loneSurrogate', data: { ...at, code: text.charCodeAt(lone).toString(16).toUpperCase() } }, at);
  }
  return { path: shown, absPath: abs, text: withoutBom(text) };
}

/** Either form of input through the decoder: bytes as a file's, a string as text. */
export function decodeInput(input: string | Uint8Array, shown: string, abs: string | null): SourceFile | UnreadableFile {
  return typeof input === 'string' ? decodeText(input, shown, abs) : decodeBytes(input, shown, abs);
}

/** A decoded source again (a SourceFile a library caller built): the text through decodeText, everything else kept. */
export function decodeSourceFile(source: SourceFile): SourceFile | UnreadableFile {
  const decoded = decodeText(source.text, source.path, source.absPath);
  if ('reason' in decoded) return decoded;
  return decoded.text === source.text ? source : { ...source, text: decoded.text };
}

/** Sources a caller built, through the decoder: the readable ones, and the others added to `unreadable`. */
export function decodeSources(sources: readonly SourceFile[], unreadable: readonly UnreadableFile[] = []): { sources: SourceFile[]; unreadable: UnreadableFile[] } {
  const out: SourceFile[] = [];
  const bad = [...unreadable];
  for (const s of sources) {
    const d = decodeSourceFile(s);
    if ('reason' in d) bad.push(d);
    else out.push(d);
  }
  return { sources: out, unreadable: bad };
}

/** The file-unreadable finding of a source the decoder refused, at the offending character (else at 1:1). */
export function unreadableFinding(u: UnreadableFile): PendingFinding {
  const range = { line: u.line ?? 1, column: u.column ?? 1, endLine: u.line ?? 1, endColumn: (u.column ?? 1) + (u.line ? 1 : 0) };
  return stageFinding(fileUnreadable, u.problem, u.path, range);
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first UTF-16 code unit that is half a surrogate pair, or -1. */
function loneSurrogate(text: string): number {
  const re = /[\uD800-\uDFFF]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        re.lastIndex = i + 2;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/**
 * Where the line holding `offset` starts, and its 1-based number. Lines end where YAML ends them
 * (YAML 1.2 §5.4: CRLF, LF or a lone CR), as every other position svclab reports counts them.
 * `at(i)` is the code unit (or byte) at i: 0x0a LF, 0x0d CR.
 */
function lineOf(at: (i: number) => number | undefined, offset: number): { line: number; start: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = at(i);
    if (c === 0x0a || (c === 0x0d && at(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, start };
}

/** 1-based line and column of a character offset. */
function charPosition(text: string, offset: number): { line: number; column: number } {
  const { line, start } = lineOf((i) => text.charCodeAt(i), offset);
  return { line, column: offset - start + 1 };
}

/** 1-based line and column of a byte offset; the column counts the characters before it on its line. */
function bytePosition(buf: Uint8Array, offset: number): { line: number; column: number } {
  const { line, start } = lineOf((i) => buf[i], offset);
  const column = new TextDecoder('utf-8').decode(buf.subarray(start, offset)).length + 1;
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return buf.length;
}
