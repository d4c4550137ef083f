/** Limits of what one scenario may ask for, checked when it is loaded and again when it runs. */

/**
 * Cells one matrix may have, after `node/*` and `${node:*}` are expanded. Each cell is a route
 * and a line of the report: 10,000 cells (100 sources x 100 targets) run in seconds; a million
 * took 47 s and crashed the report. A larger matrix is a located scenario error: split it.
 */
export const MAX_MATRIX_CELLS = 10_000;

/** Why a matrix of `rows` x `columns` cells is refused, or null when it is within the limit. */
export function matrixTooLarge(rows: number, columns: number): string | null {
  const cells = rows * columns;
  if (cells <= MAX_MATRIX_CELLS) return null;
  return `this matrix has ${rows} sources x ${columns} targets = ${cells} cells, more than the limit of ${MAX_MATRIX_CELLS}; split it into several matrices (each checks its own sources and targets)`;
}
