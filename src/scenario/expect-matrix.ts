/**
 * `matrix:` expectations: every source against every target, compared cell by cell; a failure
 * carries the actual-vs-expected truth table with right/wrong counts, as cyclonus prints it.
 */
import type { Outcome, SimCluster } from '../sim/types';
import { makeResult, CannotEvaluate, expandTarget, type EvalContext } from './context';
import type { ExpectationResult, MatrixTable } from './result';
import type { MatrixSpec } from './spec';

function expandSources(from: string[], cluster: SimCluster): string[] {
  return from.flatMap((f) => (f === 'node/*' ? cluster.nodes.map((n) => `node/${n.name}`) : [f]));
}

function expandTargets(to: string[], cluster: SimCluster): string[] {
  return to.flatMap((t) => (t.includes('${node:*}') ? cluster.nodes.map((n) => t.replace('${node:*}', `\${node:${n.name}}`)) : [t]));
}

export function evaluateMatrix(ctx: EvalContext, spec: MatrixSpec, index: number): ExpectationResult {
  const title = spec.name ?? `matrix ${spec.from.join(',')} × ${spec.to.join(',')}`;
  return makeResult(ctx, 'matrix', [...ctx.base, 'matrix', index], title, spec.hint, () => {
    const cluster = ctx.sim();
    const namespace = spec.namespace ?? ctx.namespace;
    const from = expandSources(spec.from, cluster);
    const to = expandTargets(spec.to, cluster);
    const expected: Outcome[][] = from.map((f, i) =>
      to.map((t, j) => {
        if (spec.table) {
          const cell = spec.table[i]?.[j];
          if (!cell) throw new CannotEvaluate(`table has no cell for ${f} -> ${t} (row ${i + 1}, column ${j + 1})`);
          return cell;
        }
        const exc = spec.except?.find((x) => x.from === f && (x.to === t || x.to === expandTarget(t, cluster, namespace)));
        if (exc) return exc.outcome;
        if (!spec.expect) throw new CannotEvaluate('a matrix needs `expect` or `table`');
        return spec.expect;
      }),
    );
    const shownTo = to.map((t) => {
      const ip = expandTarget(t, cluster, namespace);
      return ip === t ? t : `${t} (${ip})`;
    });
    const actual: Outcome[][] = from.map((f) => to.map((t) => cluster.route({ from: f, to: expandTarget(t, cluster, namespace), namespace, count: 1, seed: ctx.seed }).results[0]?.outcome ?? 'dropped'));
    let right = 0;
    let wrong = 0;
    const wrongCells: string[] = [];
    from.forEach((f, i) => to.forEach((_t, j) => {
      if (expected[i][j] === actual[i][j]) right++;
      else {
        wrong++;
        wrongCells.push(`${f} -> ${shownTo[j]}: ${actual[i][j]}, expected ${expected[i][j]}`);
      }
    }));
    const table: MatrixTable = { from, to: shownTo, expected, actual, right, wrong };
    return {
      mismatches: wrongCells.map((c) => ({ path: '', message: c })),
      expected,
      actual,
      table,
      message: wrong ? `${wrong} of ${right + wrong} cells differ` : `${title} (${right} cells)`,
      seed: ctx.seed,
    };
  });
}
