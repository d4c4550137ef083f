/**
 * The one shape of every report format: a pure function from a result to text. Each report kind
 * (lint findings, scenario results, curl answers, dig answers) keeps a registry of its formats,
 * name -> Formatter; a name the registry does not know is an error, never a silent default.
 */
import { didYouMean } from '../util/did-you-mean';

export type Formatter<Input, Options> = (input: Input, options: Options) => string;

/** A format name that a registry does not have. The CLI turns it into a usage error (exit 2). */
export class UnknownFormatError extends Error {
  constructor(
    readonly format: string,
    readonly known: readonly string[],
  ) {
    const guess = didYouMean(format, known);
    super(`unknown format "${format}"; choose one of ${known.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
}

/** Whether `format` names an entry of `formatters` (its own keys only: never `toString` and friends). */
export function isFormat<K extends string>(formatters: Readonly<Record<K, unknown>>, format: string): format is K {
  return Object.prototype.hasOwnProperty.call(formatters, format);
}

/** The formatter registered under `format`; throws UnknownFormatError for any other name. */
export function formatterFor<K extends string, F>(formatters: Readonly<Record<K, F>>, format: string): F {
  if (!isFormat(formatters, format)) throw new UnknownFormatError(format, Object.keys(formatters));
  return formatters[format];
}

/** The `json` format of results that are their own public JSON shape (curl, dig): two-space indent, final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
