/** What every expectation evaluator gets: the state at this point of the scenario, lazily simulated. */
import { isServiceIPSet } from '../model/service';
import type { LintRun } from '../lint';
import type { SimCluster, SimPod } from '../sim/types';
import type { FieldPath } from '../types';
import type { LoadedScenario } from './load';
import type { ExpectationResult, Mismatch, MatrixTable, Status } from './result';
import type { ExpectationKind } from './spec';

export interface EvalContext {
  scenario: LoadedScenario;
  /** Step name, or null for the top-level `expect`. */
  step: string | null;
  /** Where this step's `expect` sits in scenario.yaml. */
  base: FieldPath;
  namespace: string;
  seed: number;
  update: boolean;
  lint: () => LintRun;
  /** Throws when the simulator fails; evaluators turn that into an `error` result. */
  sim: () => SimCluster;
}

/** Thrown by an evaluator when the expectation cannot be evaluated (a failure, never a pass). */
export class CannotEvaluate extends Error {}

export interface Outcome {
  mismatches: Mismatch[];
  expected: unknown;
  actual: unknown;
  /** One line saying what was checked (passed) or what went wrong (failed). */
  message?: string;
  explain?: string[];
  table?: MatrixTable | null;
  seed?: number | null;
}

export function makeResult(ctx: EvalContext, kind: ExpectationKind, path: FieldPath, title: string, hint: string | undefined, evaluate: () => Outcome): ExpectationResult {
  const range = ctx.scenario.doc.locate(path);
  const last = path[path.length - 1];
  const label = typeof last === 'number' ? `${kind}[${last}]` : kind;
  // "lint reports 0 errors", not "lint lint reports 0 errors".
  const rest = title.startsWith(`${kind} `) ? title.slice(kind.length + 1) : title;
  const base = {
    kind,
    name: `${ctx.step ?? 'expect'} › ${label} ${rest}`.trim(),
    step: ctx.step,
    file: ctx.scenario.file,
    line: range.line,
    column: range.column,
    hint: hint ?? null,
    explain: [] as string[],
    table: null as MatrixTable | null,
    seed: null as number | null,
  };
  try {
    const o = evaluate();
    const status: Status = o.mismatches.length ? 'failed' : 'passed';
    return {
      ...base,
      status,
      message: o.message ?? (status === 'passed' ? title : o.mismatches.map((m) => (m.path ? `${m.path} ${m.message}` : m.message)).join('; ')),
      expected: o.expected,
      actual: o.actual,
      mismatches: o.mismatches,
      explain: status === 'failed' ? o.explain ?? [] : [],
      table: status === 'failed' ? o.table ?? null : null,
      seed: o.seed ?? null,
    };
  } catch (err) {
    const reason = err instanceof CannotEvaluate ? err.message : `the ${kind} expectation could not be evaluated: ${err instanceof Error ? err.message : String(err)}`;
    return { ...base, status: 'error', message: reason, expected: null, actual: null, mismatches: [{ path: '', message: reason }] };
  }
}

/** What a jest matcher returns (`expect(cluster).toRouteTo(...)`): whether it holds, and why not. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** A matcher's verdict from an evaluator's mismatches (none: it holds). */
export function matcherResult(mismatches: Mismatch[], what: string): MatcherResult {
  return {
    pass: mismatches.length === 0,
    message: () => (mismatches.length ? `expected ${what}, but:\n${mismatches.map((m) => `  ${m.path ? `${m.path} ` : ''}${m.message}`).join('\n')}` : `expected not ${what}, but it does`),
  };
}

/** Pods by workload ref (`Kind/name` or `Kind/ns/name`), by name or prefix (`web-*`), `ns/name` allowed. */
export function podsOfWorkload(pods: SimPod[], ref: string, namespace: string): SimPod[] {
  const parts = ref.split('/');
  const [kind, ns, name] = parts.length === 3 ? parts : [parts[0], namespace, parts[1]];
  if (kind === 'Pod') return pods.filter((p) => p.namespace === ns && p.name === name);
  return pods.filter((p) => p.workload.ref.kind === kind && p.workload.ref.name === name && p.namespace === ns);
}

export function podNameMatches(pattern: string, pod: { name: string; namespace: string }, namespace: string): boolean {
  const slash = pattern.indexOf('/');
  const ns = slash >= 0 ? pattern.slice(0, slash) : namespace;
  const name = slash >= 0 ? pattern.slice(slash + 1) : pattern;
  if (pod.namespace !== ns) return false;
  return name.endsWith('*') ? pod.name.startsWith(name.slice(0, -1)) : pod.name === name;
}

/** `name` or `ns/name` -> [ns, name]. */
export function splitName(text: string, namespace: string): [string, string] {
  const slash = text.indexOf('/');
  return slash >= 0 ? [text.slice(0, slash), text.slice(slash + 1)] : [namespace, text];
}

/**
 * Fills `${svc:NAME}`, `${lb:NAME}`, `${nodePort:NAME}`, `${node:NAME}` and `${pod:NAME}` in a target with the
 * addresses the simulated cluster allocated.
 */
export function expandTarget(target: string, cluster: SimCluster, namespace: string): string {
  return target.replace(/\$\{(svc|lb|node|pod|nodePort):([^}]+)\}/g, (_whole, what: string, name: string) => {
    if (what === 'node') {
      const node = cluster.nodes.find((n) => n.name === name);
      if (!node) throw new CannotEvaluate(`\${node:${name}}: there is no node "${name}" (nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`);
      return node.internalIP;
    }
    if (what === 'pod') {
      const pod = cluster.pods.find((p) => podNameMatches(name.includes('*') ? name : name, p, namespace) || (p.namespace === namespace && p.name.startsWith(name)));
      if (!pod || !pod.podIP) throw new CannotEvaluate(`\${pod:${name}}: no running pod "${name}" in namespace ${namespace}`);
      return pod.podIP;
    }
    const [ns, svcName] = splitName(name, namespace);
    const svc = cluster.services.find((s) => s.namespace === ns && s.name === svcName);
    if (!svc) throw new CannotEvaluate(`\${${what}:${name}}: there is no Service ${ns}/${svcName}`);
    if (what === 'nodePort') {
      const port = svc.ports.find((p) => p.nodePort !== undefined);
      if (!port?.nodePort) throw new CannotEvaluate(`\${nodePort:${name}}: Service ${ns}/${svcName} has no node port (type ${svc.type})`);
      return String(port.nodePort);
    }
    if (what === 'svc') {
      if (!isServiceIPSet(svc)) throw new CannotEvaluate(`\${svc:${name}}: Service ${ns}/${svcName} has no ClusterIP (${svc.clusterIP ?? 'ExternalName'})`);
      return svc.clusterIP;
    }
    const ingress = svc.loadBalancerIngress?.[0];
    if (!ingress) throw new CannotEvaluate(`\${lb:${name}}: Service ${ns}/${svcName} has no load balancer address (EXTERNAL-IP <pending>)`);
    return ingress;
  });
}
