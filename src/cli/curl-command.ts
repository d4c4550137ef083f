import { formatHelp, maxPodsFlag, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { randomInt } from 'node:crypto';
import { catalogueLang, requestedLanguage, type Lang } from '../i18n/lang';
import { CURL_WORDS } from '../i18n/curl-words';
import { say } from '../sim/proxy/catalogues';
import { loadCluster, scenarioFlags } from './cluster-input';
import { TargetError } from '../sim/proxy/request';
import type { Protocol } from '../model/types';
import type { RouteResult } from '../sim/types';
import { formatterFor, isFormat, jsonText, UnknownFormatError, type Formatter } from '../report/formatter';

export const CURL_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  from: { type: 'string', description: 'where the request starts: pod/NAME, pod/NS/NAME, pod (a debug pod), node/NAME, external (default: pod)', valueName: 'SOURCE' },
  namespace: { type: 'string', short: 'n', description: 'namespace of the source pod and of objects without one (default: default)', valueName: 'NS' },
  count: { type: 'number', description: 'number of connections (default 1)', valueName: 'N' },
  seed: { type: 'number', description: 'seed for every random choice: names, IPs, load balancing (default 1 for names and IPs)', valueName: 'N' },
  'route-seed': { type: 'number', description: 'seed of the endpoint choices only (default: --seed; without either and with --count 1, a new one each run, printed on the last line)', valueName: 'N' },
  tcp: { type: 'boolean', description: 'a bare HOST:PORT is a plain TCP connection (default: HTTP, as curl speaks it)' },
  lang: { type: 'string', description: 'language of the explanations: en or ko (default: SVCLAB_LANG, then LANG; English otherwise)', valueName: 'LANG' },
  silent: { type: 'boolean', short: 's', description: 'text: print only the answers (no `*` lines, no tally), as curl -s' },
  scenario: { type: 'string', description: 'use a scenario folder\'s manifests, cluster, seed and namespace', valueName: 'DIR' },
  step: { type: 'string', description: 'with --scenario: the state after this step (its name or number, from 1)', valueName: 'NAME|N' },
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
         A bare HOST[:PORT] is read as http://HOST[:PORT], as curl reads it, unless --tcp is
         given. A host named by an Ingress rule or a Gateway listener / HTTPRoute resolves to
         the ingress controller's or the Gateway's address (as external DNS would point it); the
         request then goes through the controller pod to the backend, with an HTTP status.
         grpc://HOST[:PORT]/SERVICE/METHOD (grpcs:// for TLS) makes a gRPC call, routed by
         GRPCRoutes (-H adds metadata), with the gRPC status the client reports.
SOURCE:  pod/NAME or pod/NS/NAME (an existing pod; a workload name picks its first pod),
         pod or pod/debug (a temporary debug pod in --namespace, like \`kubectl run debug\`),
         node/NAME, or external (a client outside the cluster).

Without --seed or --route-seed, a single connection (--count 1) picks its endpoint with a new
seed on every run, as repeating curl against a real Service does; the last line prints it, and
--route-seed replays it. Node ports reached on a node (localhost:NODEPORT from node/NAME) work
as kube-proxy's iptables mode makes them work, the mode the default cluster models.

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
export const CURL_FORMATTERS: Readonly<Record<'text' | 'json', Formatter<RouteResult, { verbose: boolean; silent?: boolean; lang?: Lang }>>> = {
  text: (result, options) => (options.silent ? formatCurlSilent(result, options.lang) : formatCurlText(result, options.verbose, options.lang)),
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
  const pictured = formatName === 'svg' || formatName === 'html';
  if (!pictured && !isFormat(CURL_FORMATTERS, formatName)) throw new UnknownFormatError(formatName, ['text', 'json', 'svg', 'html']);
  const formatter = pictured ? null : formatterFor(CURL_FORMATTERS, formatName);
  const count = numOf(flags.count) ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError(`--count must be a whole number from 1 to 1000000, got ${count}`);
  const protocol = (str(flags.protocol) ?? 'TCP').toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new UsageError(`--protocol must be TCP, UDP or SCTP, got "${str(flags.protocol)}"`);
  const seed = numOf(flags.seed);
  const { cluster, namespace, findings } = await loadCluster(io, strs(flags.filename), {
    namespace: str(flags.namespace), seed, clusterFile: str(flags.cluster), maxPods: maxPodsFlag(flags['max-pods']),
    networkPolicies: flags['ignore-network-policies'] ? 'ignore' : undefined, ...scenarioFlags(flags),
  });
  const asked = numOf(flags['route-seed']) ?? seed;
  // A new seed per run only where a learner repeats one request to see where it lands.
  const drawn = asked === undefined && count === 1 ? drawSeed(io) : undefined;
  const routeSeed = asked ?? drawn ?? cluster.seed;
  const target = httpByDefault(operands[0], flags.tcp === true || protocol !== 'TCP');

  let result: RouteResult;
  try {
    result = cluster.route({
      from: str(flags.from) ?? 'pod', to: target, namespace, count, seed: routeSeed, protocol: protocol as Protocol,
      method: str(flags.request), headers: strs(flags.header), resolve: strs(flags.resolve),
    });
  } catch (err) {
    if (err instanceof TargetError) {
      io.stderr.write(`svclab curl: ${err.message}\n  hint: ${err.hint}\n`);
      return 2;
    }
    throw err;
  }
  // The request as the user wrote it (the JSON contract echoes it); the route went by its http:// reading.
  result = { ...result, request: { ...result.request, to: operands[0] } };
  if (formatter) {
    const lang = catalogueLang(requestedLanguage(str(flags.lang), io.env));
    let text = formatter(result, { verbose: flags.verbose === true, silent: flags.silent === true, lang });
    // Said only where the pick mattered: a request with one endpoint, or none, lands the same way every run.
    if (drawn !== undefined && result.candidates.length > 1 && formatter === CURL_FORMATTERS.text && flags.silent !== true) text += `${CURL_WORDS[lang].routeSeed(drawn)}\n`;
    io.stdout.write(text);
  } else {
    // The picture of the source's namespace, with this request's hops drawn on it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { picture, renderPicture } = require('../views/graph/index') as typeof import('../views/graph/index');
    io.stdout.write(renderPicture(formatName as 'svg' | 'html', picture(cluster, { namespace, findings, route: result })));
  }
  return result.summary.ok === result.results.length ? 0 : 1;
}

/** A bare `host[:port]` is what curl reads as `http://host[:port]`; `--tcp` (or UDP/SCTP) keeps it a plain connection. */
export function httpByDefault(target: string, plain: boolean): string {
  const text = target.trim();
  return plain || /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text) ? target : `http://${text}`;
}

/**
 * The seed of a run that was given none: new each run (the process's random source), printed so
 * that \`--route-seed\` replays it. SVCLAB_ROUTE_SEED fixes it (for recorded tutorials).
 */
function drawSeed(io: CliIO): number {
  const fixed = io.env.SVCLAB_ROUTE_SEED;
  if (fixed !== undefined && /^\d{1,9}$/.test(fixed)) return Number(fixed);
  return randomInt(1, 1_000_000);
}

/** curl -s: the answers only, one line each (errors too: a learner must see why nothing came back). */
export function formatCurlSilent(result: RouteResult, lang: Lang = 'en'): string {
  const w = CURL_WORDS[lang];
  return result.results.map((a) => (a.outcome === 'ok' ? (a.body ?? `${w.outcome.ok}: ${say(a.why, lang)}`) : `${w.outcome[a.outcome]}: ${say(a.why, lang)}`)).map((l) => `${l}\n`).join('');
}

/** Text: one line per connection (the body, or the outcome and why), then a tally; hops and reasons in the language's catalogue. */
export function formatCurlText(result: RouteResult, verbose: boolean, lang: Lang = 'en'): string {
  const w = CURL_WORDS[lang];
  const lines: string[] = [];
  const first = result.results[0];
  const source = first?.hops.find((h) => h.kind === 'source');
  if (source) lines.push(`* ${say(source, lang)}`);
  if (result.resolved) lines.push(`* ${w.resolved(result.resolved.name, result.resolved.ip)}`);
  result.results.forEach((a, i) => {
    if (verbose) {
      lines.push(`#${i + 1}`);
      for (const h of a.hops) if (h.kind !== 'source') lines.push(`  ${h.kind.padEnd(8)} ${say(h, lang)}`);
    }
    const reason = say(a.why, lang);
    const grpc = a.grpcStatus ? `gRPC ${a.grpcStatus.name} ` : '';
    const http = a.status === undefined || a.status === null ? grpc : `HTTP ${a.status} ${grpc}${a.route ? `[${a.route.kind} ${a.route.namespace}/${a.route.name}${a.route.rule === null ? ' defaultBackend' : ` rule ${a.route.rule}`}] ` : ''}`;
    if (a.outcome === 'ok') lines.push(a.body !== null && (a.status ?? 200) === 200 ? `${http}${a.body}${a.assumed ? ' (assumed)' : ''}` : `${http}${w.outcome.ok}: ${reason}`);
    else lines.push(`${w.outcome[a.outcome]}: ${reason}`);
  });
  const s = result.summary;
  const n = result.results.length;
  lines.push('');
  lines.push(w.summary(n, { ok: s.ok, refused: s.refused, dropped: s.dropped, dnsError: s['dns-error'] }));
  const pods = Object.entries(s.byPod).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pods.length) {
    const width = pods.reduce((wd, [p]) => Math.max(wd, p.length), 0);
    for (const [pod, count] of pods) lines.push(`  ${pod.padEnd(width)}  ${String(count).padStart(String(n).length)}`);
  }
  if (s.assumed) lines.push(w.assumed(s.assumed, n));
  if (result.candidates.length) lines.push(`${w.reachable} ${result.candidates.map((c) => `${c.pod || c.podIP}${c.pod ? ` (${c.podIP}:${c.port})` : `:${c.port}`}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
