/**
 * `svclab tour DIR`: a scenario as a page to read. Its description, then, stage by stage (the
 * starting manifests, then each step), each expectation with ✓/✗ and the output it checks, as
 * the commands a learner would type show it: the `get` table, the curl hops, the dig answer,
 * the lint findings, the truth table of a matrix. Texts of several lines keep their indentation.
 */
import * as path from 'node:path';
import { formatHelp, parseArgs, str, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { catalogueLang, requestedLanguage, type Lang } from '../i18n/lang';
import { loadScenario, type LoadedScenario } from '../scenario/load';
import { runScenario } from '../scenario/run';
import { scenarioWorld } from '../scenario/world';
import { analyze } from '../pipeline';
import { expandTarget } from '../scenario/context';
import type { ExpectationResult } from '../scenario/result';
import type { ExpectSpec } from '../scenario/spec';
import type { SimCluster } from '../sim/types';
import { renderGet, resolveResource } from '../views/kubectl-get';
import { formatCurlText } from './curl-command';
import { formatDigText } from '../report/dig';
import { nameserverOf } from './dig-command';
import { truthTable } from '../report/scenario/table';
import { block } from '../report/scenario/stylish';
import { plainText } from '../i18n/lang';

export const TOUR_FLAGS: FlagSpecs = {
  lang: { type: 'string', description: 'language of the texts: en or ko (default: SVCLAB_LANG, then LANG)', valueName: 'LANG' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const TOUR_USAGE = `Usage: svclab tour DIR

Prints a scenario as a page to read: its description, then step by step each expectation
with the output it checks (the table, the curl hops, the dig answer, the truth table).

Options:
${formatHelp(TOUR_FLAGS)}

Exit codes: 0 every expectation holds, 1 one fails, 2 the scenario cannot be loaded.
`;

const WORDS: Record<Lang, { start: string; step: (n: number, name: string) => string }> = {
  en: { start: 'The starting manifests', step: (n, name) => `Step ${n}: ${name}` },
  ko: { start: '처음 매니페스트', step: (n, name) => `${n}단계: ${name}` },
};

const indent = (text: string, pad = '    ') => text.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : pad + l));

/** The output an expectation checks, as the command that shows it prints it. */
function shown(kind: string, spec: Record<string, unknown>, cluster: SimCluster, namespace: string, seed: number, lang: Lang, result: ExpectationResult): string[] {
  const ns = typeof spec.namespace === 'string' ? spec.namespace : namespace;
  try {
    switch (kind) {
      case 'lint':
        return [];
      case 'objects': {
        const [kindWord, ...rest] = String(spec.ref).split('/');
        const resource = resolveResource(kindWord === 'Endpoints' ? 'endpoints' : kindWord.toLowerCase());
        const name = rest[rest.length - 1];
        const objectNs = rest.length === 2 ? rest[0] : ns;
        const out = renderGet(cluster, resource, { namespace: objectNs, allNamespaces: false, names: name.includes('*') ? [] : [name] });
        const rows = out.stdout.split('\n').filter((l, i) => i === 0 || !name.includes('*') || l.startsWith(name.replace(/\*.*$/, '')));
        return [`$ svclab get ${resource} ${name.includes('*') ? '' : name}`.trimEnd(), ...rows.filter((l) => l !== '')];
      }
      case 'endpoints': {
        const [svcNs, svcName] = String(spec.service).includes('/') ? String(spec.service).split('/') : [ns, String(spec.service)];
        return [`$ svclab get endpoints ${svcName}`, ...renderGet(cluster, 'endpoints', { namespace: svcNs, allNamespaces: false, names: [svcName] }).stdout.split('\n').filter((l) => l !== '')];
      }
      case 'routes': {
        const to = expandTarget(String(spec.to), cluster, ns);
        const count = typeof spec.count === 'number' ? spec.count : 1;
        const route = cluster.route({ from: String(spec.from), to, namespace: ns, count, seed, protocol: (spec.protocol as 'TCP' | undefined) ?? 'TCP' });
        return [`$ svclab curl ${to} --from ${String(spec.from)}${count > 1 ? ` --count ${count}` : ''} -v`, ...formatCurlText({ ...route, results: route.results.slice(0, 1) }, true, lang).split('\n').filter((l) => l !== '' && !/^\d+ connection|^연결 /.test(l)), ...(count > 1 ? [`  (${count} connections: ${route.summary.ok} ok, ${route.summary.refused} refused, ${route.summary.dropped} dropped, ${route.summary['dns-error']} dns-error)`] : [])];
      }
      case 'dns': {
        const r = cluster.resolve({ name: String(spec.name), type: (spec.type as 'A' | undefined) ?? 'A', from: String(spec.from), namespace: ns });
        return [`$ svclab dig ${String(spec.name)}${spec.type ? ` ${String(spec.type)}` : ''} --from ${String(spec.from)}`, ...formatDigText({ result: r, server: nameserverOf(r, cluster) }).split('\n').filter((l) => l !== '')];
      }
      case 'matrix': {
        if (result.table) return truthTable(result.table);
        // A passing matrix keeps no table in its result: its grids are rebuilt with the rows and columns expanded as the evaluator expands them.
        const expected = result.expected as string[][] | null;
        const actual = result.actual as string[][] | null;
        if (!Array.isArray(expected) || !Array.isArray(actual)) return [];
        const from = (spec.from as string[]).flatMap((f) => (f === 'node/*' ? cluster.nodes.map((n) => `node/${n.name}`) : [f]));
        const to = (spec.to as string[]).flatMap((t) => (t.includes('${node:*}') ? cluster.nodes.map((n) => t.replace('${node:*}', `\${node:${n.name}}`)) : [t]));
        const cells = from.length * (to.length || 1);
        return truthTable({ from, to, expected: expected as never, actual: actual as never, right: cells, wrong: 0 });
      }
      case 'get': {
        const resource = resolveResource(String(spec.resource));
        return [`$ svclab get ${resource}`, ...renderGet(cluster, resource, { namespace: ns, allNamespaces: spec.allNamespaces === true, output: spec.wide ? 'wide' : undefined }).stdout.split('\n').filter((l) => l !== '')];
      }
      default:
        return [];
    }
  } catch (err) {
    return [`(${err instanceof Error ? err.message : String(err)})`];
  }
}

/** The expectations of one `expect:` as (kind, spec) pairs, in the order `svclab test` evaluates them. */
function specsOf(expect: ExpectSpec | undefined): Array<[string, Record<string, unknown>]> {
  const kinds = ['lint', 'objects', 'endpoints', 'routes', 'dns', 'matrix', 'get'] as const;
  return kinds.flatMap((k) => {
    const v = expect?.[k] as unknown;
    if (v === undefined) return [];
    return (Array.isArray(v) ? v : [v]).map((x): [string, Record<string, unknown>] => [k, x as Record<string, unknown>]);
  });
}

export function tourCommand(argv: string[], io: CliIO): number {
  const { flags, operands } = parseArgs(argv, TOUR_FLAGS);
  if (flags.help) {
    io.stdout.write(TOUR_USAGE);
    return 0;
  }
  if (operands.length !== 1) throw new UsageError('which scenario? e.g. `svclab tour scenarios/01-clusterip-by-ip-and-name`');
  const requested = requestedLanguage(str(flags.lang), io.env);
  const lang = catalogueLang(requested);
  const dir = path.resolve(io.cwd, operands[0]);
  const loaded = loadScenario(dir, io.cwd, { lang: requested });
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
    return 2;
  }
  const s: LoadedScenario = loaded.scenario;
  const run = runScenario(s);
  const lines: string[] = [`# ${s.name}`, ''];
  const description = plainText(s.spec.description);
  if (description) lines.push(...block('', description), '');
  if (s.spec.exercise?.task) lines.push(...block('> ', plainText(s.spec.exercise.task) ?? ''), '');
  const stages: Array<{ title: string; step: string | null; expect: ExpectSpec | undefined; description?: string }> = [
    { title: WORDS[lang].start, step: null, expect: s.spec.expect },
    ...(s.spec.steps ?? []).map((st, i) => ({ title: WORDS[lang].step(i + 1, st.name), step: st.name, expect: st.expect, description: plainText(st.description) })),
  ];
  for (const stage of stages) {
    lines.push(`## ${stage.title}`, '');
    if (stage.description) lines.push(...block('', stage.description), '');
    const results = run.expectations.filter((e) => e.step === stage.step);
    const specs = specsOf(stage.expect);
    let cluster: SimCluster | null = null;
    const world = () => {
      if (cluster) return cluster;
      const w = scenarioWorld(dir, io.cwd, { ...(stage.step !== null ? { step: stage.step } : {}), lang: requested });
      cluster = analyze(w.sources, { namespace: w.objectNamespace, seed: w.seed, cluster: w.cluster, cwd: io.cwd, ...(w.rules ? { rules: w.rules } : {}) }).cluster;
      return cluster;
    };
    specs.forEach(([kind, spec], i) => {
      const r = results[i];
      if (!r) return;
      lines.push(`${r.status === 'passed' ? '✓' : '✗'} ${r.name.replace(/^.*? › /, '')}`);
      if (r.status !== 'passed') for (const m of r.mismatches) lines.push(...indent(`${m.path ? `${m.path} ` : ''}${m.message}`, '    '));
      lines.push(...shown(kind, spec, world(), s.spec.namespace ?? 'default', run.seed, lang, r).flatMap((l) => indent(l)));
      lines.push('');
    });
  }
  io.stdout.write(`${lines.join('\n').replace(/\n+$/, '')}\n`);
  return run.status === 'passed' ? 0 : 1;
}
