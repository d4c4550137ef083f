/**
 * `http:` expectations: a matrix of HTTP requests, every host against every path, through the
 * ingress controller or Gateway that serves the host (src/edge/). A cell is the backend Service
 * of a 200 answer or the status code; a failure carries the actual-vs-expected table.
 */
import { plainText } from '../i18n/lang';
import type { FieldPath } from '../types';
import { makeResult, CannotEvaluate, type EvalContext } from './context';
import type { ExpectationResult, MatrixTable } from './result';
import type { HttpMatrixSpec } from './spec';
import { matrixTooLarge } from './limits';

/** A route outcome in a cell: the request got no HTTP answer (no name resolves, the controller is unreachable). */
const OUTCOMES = new Set(['ok', 'refused', 'dropped', 'dns-error']);

/** A cell as the table shows it: `namespace/name` of a Service answering 200, else the status (or the outcome without one). */
function cellOf(expected: string | number, namespace: string): string {
  if (typeof expected === 'number') return String(expected);
  if (OUTCOMES.has(expected)) return expected;
  return expected.includes('/') ? expected : `${namespace}/${expected}`;
}

export function evaluateHttp(ctx: EvalContext, spec: HttpMatrixSpec, at: FieldPath): ExpectationResult {
  const title = plainText(spec.name) ?? `http ${spec.hosts.join(',')} × ${spec.paths.join(',')}`;
  return makeResult(ctx, 'http', at, title, plainText(spec.hint), () => {
    const cluster = ctx.sim();
    const namespace = spec.namespace ?? ctx.namespace;
    const tooLarge = matrixTooLarge(spec.hosts.length, spec.paths.length);
    if (tooLarge) throw new CannotEvaluate(tooLarge);
    if (spec.table.length !== spec.hosts.length) throw new CannotEvaluate(`table has ${spec.table.length} rows for ${spec.hosts.length} hosts`);
    const expected = spec.table.map((row, i) => {
      if (row.length !== spec.paths.length) throw new CannotEvaluate(`table row ${i + 1} (${spec.hosts[i]}) has ${row.length} cells for ${spec.paths.length} paths`);
      return row.map((c) => cellOf(c, namespace));
    });
    const headers = spec.headers ? Object.entries(spec.headers).map(([k, v]) => `${k}: ${v}`) : undefined;
    const scheme = spec.scheme ?? 'http';
    const reasons: string[][] = [];
    const actual = spec.hosts.map((host, i) => spec.paths.map((path, j) => {
      const to = `${scheme}://${host}${path.startsWith('/') ? path : `/${path}`}`;
      const a = cluster.route({ from: spec.from ?? 'external', to, namespace, count: 1, seed: ctx.seed, method: spec.method, headers }).results[0];
      (reasons[i] ??= [])[j] = a ? a.reason : '';
      if (!a) return 'none';
      if (a.status === 200) return a.service ?? '200';
      return a.status === undefined || a.status === null ? a.outcome : String(a.status);
    }));
    let right = 0;
    const mismatches: Array<{ path: string; message: string }> = [];
    spec.hosts.forEach((host, i) => spec.paths.forEach((path, j) => {
      if (expected[i][j] === actual[i][j]) right++;
      else mismatches.push({ path: '', message: `${host}${path}: ${actual[i][j]}, expected ${expected[i][j]} (${reasons[i][j]})` });
    }));
    const table: MatrixTable = { from: spec.hosts, to: spec.paths, expected, actual, right, wrong: mismatches.length };
    return { mismatches, expected, actual, table, message: mismatches.length ? `${mismatches.length} of ${right + mismatches.length} cells differ` : `${title} (${right} cells)`, seed: ctx.seed };
  });
}
