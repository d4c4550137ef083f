/**
 * `reachability:` expectations: the NetworkPolicy truth table of pods × pods for one port
 * (src/policy/truth-table.ts), compared cell by cell with the table the author wrote; a failure
 * carries the actual table in the same notation (ready to paste) and the truth table of wrong
 * cells that reporters print for matrices.
 */
import { plainText } from '../i18n/lang';
import { BUILT_IN_FILE } from '../sim/default-cluster';
import type { FieldPath } from '../types';
import type { SimPod } from '../sim/types';
import { formatTruthTable, parseTruthTable, truthTable } from '../policy/truth-table';
import { makeResult, CannotEvaluate, type EvalContext } from './context';
import type { ExpectationResult, MatrixTable, Mismatch } from './result';
import type { ReachabilitySpec } from './spec';
import { matrixTooLarge } from './limits';

const CELL: Record<string, string> = { '.': 'allowed', X: 'blocked', x: 'blocked' };

function podsOf(ctx: EvalContext, spec: ReachabilitySpec, pods: readonly SimPod[]): SimPod[] {
  const running = pods.filter((p) => p.podIP !== '');
  if (spec.pods) {
    return spec.pods.map((ref) => {
      const [ns, name] = ref.includes('/') ? ref.split('/', 2) : [ctx.namespace, ref];
      const pod = running.find((p) => p.namespace === ns && p.name === name);
      if (!pod) throw new CannotEvaluate(`no running pod ${ns}/${name}; pods: ${running.filter((p) => p.namespace !== 'kube-system').map((p) => `${p.namespace}/${p.name}`).join(', ')}`);
      return pod;
    });
  }
  const namespaces = spec.namespaces;
  return running
    // By default the input's pods: not kube-system's, nor the edge controllers' the cluster runs (ingress-nginx, Gateway proxies).
    .filter((p) => (namespaces ? namespaces.includes(p.namespace) : p.namespace !== 'kube-system' && p.workload.manifest.file !== BUILT_IN_FILE))
    .sort((a, b) => (a.namespace !== b.namespace ? (a.namespace < b.namespace ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function evaluateReachability(ctx: EvalContext, spec: ReachabilitySpec, at: FieldPath): ExpectationResult {
  const protocol = spec.protocol ?? 'TCP';
  const title = plainText(spec.name) ?? `reachability ${protocol}/${spec.port}`;
  return makeResult(ctx, 'reachability', at, title, plainText(spec.hint), () => {
    const cluster = ctx.sim();
    const pods = podsOf(ctx, spec, cluster.pods);
    const tooLarge = matrixTooLarge(pods.length, pods.length);
    if (tooLarge) throw new CannotEvaluate(tooLarge);
    const wanted = parseTruthTable(spec.table);
    if (!wanted) throw new CannotEvaluate('`table` is not a truth table: a header line `PROTO/PORT | pod | ...`, then one line per pod, cells separated by |');
    const t = truthTable(cluster, pods, spec.port, protocol);
    const actualText = formatTruthTable(t);
    const mismatches: Mismatch[] = [];
    if (wanted.header !== `${protocol}/${spec.port}`) mismatches.push({ path: 'table', message: `header says ${wanted.header}, the expectation is about ${protocol}/${spec.port}` });
    if (wanted.pods.join('|') !== t.pods.join('|') || wanted.rows.map((r) => r.pod).join('|') !== t.pods.join('|')) {
      mismatches.push({ path: 'table', message: `rows and columns must be the pods ${t.pods.join(', ')} in this order`, expected: wanted.pods, actual: t.pods });
      return { mismatches, expected: spec.table, actual: actualText, explain: ['the actual table:', ...actualText.split('\n')], seed: ctx.seed };
    }
    const expected = wanted.rows.map((r) => r.cells.map((c) => CELL[c] ?? c));
    const actual = t.allowed.map((row) => row.map((ok) => (ok ? 'allowed' : 'blocked')));
    let right = 0;
    let wrong = 0;
    t.pods.forEach((from, i) => t.pods.forEach((to, j) => {
      if (expected[i][j] === actual[i][j]) right++;
      else {
        wrong++;
        mismatches.push({ path: '', message: `${from} -> ${to}: ${actual[i][j]}, expected ${expected[i][j]}` });
      }
    }));
    const table: MatrixTable = { from: t.pods, to: t.pods, expected, actual, right, wrong };
    return {
      mismatches,
      expected: spec.table,
      actual: actualText,
      table: wrong ? table : null,
      explain: wrong ? ['the actual table (paste it into `table` if it is what you mean):', ...actualText.split('\n')] : [],
      message: wrong ? `${wrong} of ${right + wrong} cells differ` : `${title} (${right} cells)`,
      seed: ctx.seed,
    };
  });
}
