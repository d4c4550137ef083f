import type { Colors as PicoColors } from 'picocolors/types';

/** The styles svclab's formatters use. */
export type Colors = Pick<PicoColors, 'bold' | 'dim' | 'underline' | 'red' | 'green' | 'yellow' | 'blue' | 'cyan'>;

/** Without colour every style is the text itself, as picocolors' createColors(false) makes it. */
const PLAIN: Colors = { bold: String, dim: String, underline: String, red: String, green: String, yellow: String, blue: String, cyan: String };

/**
 * Colours are decided once in `cli/` and passed in; formatters never look at the terminal.
 * picocolors is loaded only for colour: loading it makes `process.stdout` (it looks at
 * `isTTY`), which loads Node's stream modules that a pipe's output does not need.
 */
export function colors(enabled: boolean): Colors {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return enabled ? (require('picocolors') as typeof import('picocolors')).createColors(true) : PLAIN;
}
