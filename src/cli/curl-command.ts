import { formatHelp, maxPodsFlag, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { loadCluster } from './cluster-input';
import { TargetError } from '../sim/proxy/request';
import type { Protocol } from '../model/types';
import type { RouteResult } from '../sim/types';
import { formatterFor, isFormat, jsonText, UnknownFormatError, type Formatter } from '../report/formatter';

export const CURL_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  from: { type: 'string', description: 'where the request starts: pod/NAME, pod/NS/NAME, pod (a debug pod), node/NAME, external (default: pod)', valueName: 'SOURCE' },
  namespace: { type: 'string', short: 'n', description: 'namespace of the source pod and of objects without one (default: default)', valueName: 'NS' },
  count: { type: 'number', description: 'number of connections (default 1)', valueName: 'N' },
  seed: { type: 'number', description: 'seed for every random choice: names, IPs, load balancing (default 1)', valueName: 'N' },
  protocol: { type: 'string', description: 'TCP (default), UDP or SCTP', valueName: 'PROTO' },
  format: { type: 'string', short: 'o', description: 'text (default), json, or svg|html: the hops drawn on the picture of the cluster', valueName: 'FORMAT' },
  verbose: { type: 'boolean', short: 'v', description: 'text: show every hop of every connection' },
  header: { type: 'string', short: 'H', multiple: true, description: "HTTP header 'Name: value'; a Host header picks the Ingress/HTTPRoute rule", valueName: 'HEADER' },
  request: { type: 'string', short: 'X', description: 'HTTP method (default GET)', valueName: 'METHOD' },
  resolve: { type: 'string', multiple: true, description: "connect to ADDR for HOST:PORT, as curl's --resolve", valueName: 'HOST:PORT:ADDR' },
  cluster: { type: 'string', description: 'YAML file with a Cluster object (svclab.io/v1alpha1) overriding the default cluster', valueName: 'FILE' },
  'max-pods': { type: 'number', description: 'pods the simulated cluster holds in all (default 50000; the Cluster object\'s spec.maxPods)', valueName: 'N' },
  'ignore-network-policies': { type: 'boolean', description: 'route as a network plugin without NetworkPolicy support would (flannel alone); by default policies are enforced (the Cluster object\'s spec.networkPolicies)' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const CURL_USAGE = `Usage: svclab curl TARGET --from SOURCE -f PATH [options]

Sends connections through the simulated cluster, as kube-proxy and CoreDNS would route them,
and prints each answer and a per-pod tally.

TARGET:  IP:PORT, NAME:PORT (resolved by the source's DNS), NODE-IP:NODEPORT, a load balancer
         address, or an http:// or https:// URL of any of those (port 80 / 443 by default).
         A host named by an Ingress rule or a Gateway listener / HTTPRoute resolves to the
         ingress controller's or the Gateway's address (as external DNS would point it); the
         request then goes through the controller pod to the backend, with an HTTP status.
         grpc://HOST[:PORT]/SERVICE/METHOD (grpcs:// for TLS) makes a gRPC call, routed by
         GRPCRoutes (-H adds metadata), with the gRPC status the client reports.
SOURCE:  pod/NAME or pod/NS/NAME (an existing pod; a workload name picks its first pod),
         pod (a temporary debug pod in --namespace, like \`kubectl run debug\`), node/NAME,
         or external (a client outside the cluster).

Options:
${formatHelp(CURL_FLAGS)}

Outcomes: ok, refused (RST: no endpoints, no such port, or nothing listening in the pod),
dropped (no route, or a Local traffic policy without a local endpoint), dns-error. An outcome
marked "assumed" rests on svclab's guess of the ports the app listens on (containerPort is
informational); the pod template annotation svclab.io/listens: "80,9090" states them.
Exit codes: 0 every connection ok, 1 some failed, 2 usage error.
`;

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** The formats of `svclab curl`: text for people, and the result as JSON (a public contract). */
export const CURL_FORMATTERS: Readonly<Record<'text' | 'json', Formatter<RouteResult, { verbose: boolean }>>> = {
  text: (result, options) => formatCurlText(result, options.verbose),
  json: (result) => jsonText(result),
};

export async function curlCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, CURL_FLAGS);
  if (flags.help) {
    io.stdout.write(CURL_USAGE);
    return 0;
  }
  if (operands.length !== 1) throw new UsageError(operands.length ? `one TARGET expected, got ${operands.length}: ${operands.join(' ')}` : 'which target? e.g. `svclab curl my-service:80 --from pod -f k8s/`');
  const formatName = str(flags.format) ?? 'text';
  const drawn = formatName === 'svg' || formatName === 'html';
  if (!drawn && !isFormat(CURL_FORMATTERS, formatName)) throw new UnknownFormatError(formatName, ['text', 'json', 'svg', 'html']);
  const formatter = drawn ? null : formatterFor(CURL_FORMATTERS, formatName);
  const count = numOf(flags.count) ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError(`--count must be a whole number from 1 to 1000000, got ${count}`);
  const protocol = (str(flags.protocol) ?? 'TCP').toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new UsageError(`--protocol must be TCP, UDP or SCTP, got "${str(flags.protocol)}"`);
  const namespace = str(flags.namespace);
  const seed = numOf(flags.seed);
  const { cluster, findings } = await loadCluster(io, strs(flags.filename), { namespace, seed, clusterFile: str(flags.cluster), maxPods: maxPodsFlag(flags['max-pods']), networkPolicies: flags['ignore-network-policies'] ? 'ignore' : undefined });

  let result: RouteResult;
  try {
    result = cluster.route({
      from: str(flags.from) ?? 'pod', to: operands[0], namespace: namespace ?? 'default', count, seed, protocol: protocol as Protocol,
      method: str(flags.request), headers: strs(flags.header), resolve: strs(flags.resolve),
    });
  } catch (err) {
    if (err instanceof TargetError) {
      io.stderr.write(`svclab curl: ${err.message}\n  hint: ${err.hint}\n`);
      return 2;
    }
    throw err;
  }
  if (formatter) io.stdout.write(formatter(result, { verbose: flags.verbose === true }));
  else {
    // The picture of the source's namespace, with this request's hops drawn on it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { picture, renderPicture } = require('../views/graph/index') as typeof import('../views/graph/index');
    io.stdout.write(renderPicture(formatName as 'svg' | 'html', picture(cluster, { namespace: namespace ?? 'default', findings, route: result })));
  }
  return result.summary.ok === result.results.length ? 0 : 1;
}

/** Text: one line per connection (the body, or the outcome and why), then a tally. */
export function formatCurlText(result: RouteResult, verbose: boolean): string {
  const lines: string[] = [];
  const first = result.results[0];
  const source = first?.hops.find((h) => h.kind === 'source')?.text;
  if (source) lines.push(`* ${source}`);
  if (result.resolved) lines.push(`* ${result.resolved.name} resolved to ${result.resolved.ip}`);
  result.results.forEach((a, i) => {
    if (verbose) {
      lines.push(`#${i + 1}`);
      for (const h of a.hops) if (h.kind !== 'source') lines.push(`  ${h.kind.padEnd(8)} ${h.text}`);
    }
    const grpc = a.grpcStatus ? `gRPC ${a.grpcStatus.name} ` : '';
    const http = a.status === undefined || a.status === null ? grpc : `HTTP ${a.status} ${grpc}${a.route ? `[${a.route.kind} ${a.route.namespace}/${a.route.name}${a.route.rule === null ? ' defaultBackend' : ` rule ${a.route.rule}`}] ` : ''}`;
    if (a.outcome === 'ok') lines.push(a.body !== null && (a.status ?? 200) === 200 ? `${http}${a.body}${a.assumed ? ' (assumed)' : ''}` : `${http}ok: ${a.reason}`);
    else lines.push(`${a.outcome}: ${a.reason}`);
  });
  const s = result.summary;
  const n = result.results.length;
  lines.push('');
  lines.push(`${n} connection${n === 1 ? '' : 's'}: ${s.ok} ok, ${s.refused} refused, ${s.dropped} dropped, ${s['dns-error']} dns-error`);
  const pods = Object.entries(s.byPod).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pods.length) {
    const width = pods.reduce((w, [p]) => Math.max(w, p.length), 0);
    for (const [pod, count] of pods) lines.push(`  ${pod.padEnd(width)}  ${String(count).padStart(String(n).length)}`);
  }
  if (s.assumed) {
    lines.push(`assumed: ${s.assumed} of ${n} outcome${n === 1 ? '' : 's'} rest${s.assumed === 1 ? 's' : ''} on svclab's guess of the ports the app listens on (containerPort is informational); the pod template annotation svclab.io/listens states them`);
  }
  if (result.candidates.length) lines.push(`reachable endpoints: ${result.candidates.map((c) => `${c.pod || c.podIP}${c.pod ? ` (${c.podIP}:${c.port})` : `:${c.port}`}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
