import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;

/** Colours are decided once in `cli/` and passed in; formatters never look at the terminal. */
export function colors(enabled: boolean): Colors {
  return createColors(enabled);
}
