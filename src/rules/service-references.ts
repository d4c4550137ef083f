/**
 * Service names wherever they are written: the judgement env-service-reference (env values,
 * also through ConfigMaps) and configmap-service-reference (ConfigMap data) share. A host is
 * read as a pod of its namespace would resolve it (the search path `ns.svc.<domain>
 * svc.<domain> <domain>`), and judged against the Services of the input: does the Service
 * exist (with a did-you-mean), is a per-pod name behind a headless Service one that some pod
 * gets, and is the port one the Service exposes.
 */
import type { ServiceObject, WorkloadObject } from '../model/types';
import { didYouMean } from '../util/did-you-mean';
import type { LintContextData } from './context';
import type { RelatedReport } from './rule';
import { isHeadless } from './service-helpers';
import { declaredPorts, selectedWorkloads, serviceIndex, type ServiceIndex } from './workload-ports';

/** Words that are never hosts, even where a host is expected. */
const NOT_HOSTS = new Set(['localhost', 'none', 'null', 'nil', 'true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'auto', 'default', 'dns', 'env', 'local', 'any', 'all']);
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host (and maybe port) as written in a value. */
export interface Candidate {
  host: string;
  port: number | undefined;
  /** plain: the whole value is a name; only trusted where a host is expected. */
  form: 'url' | 'hostport' | 'plain';
}

/** What a host name means inside the cluster, from a pod of namespace `ns`. */
export interface ClusterName {
  service: string;
  namespace: string;
  /** `<pod>.<service>`: a per-pod name behind a headless Service. */
  pod: string | undefined;
}

/** Hosts in a value that is one address or a comma-separated list of them (an env value). */
export function candidatesOf(value: string): Candidate[] {
  const v = value.trim();
  if (v === '' || hasTemplate(v)) return [];
  const out: Candidate[] = [];
  for (const item of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/\s/.test(item)) return []; // prose or command lines, not addresses
    const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/:?#[\]]+)(?::(\d{1,5}))?(?:[/?#].*)?$/i.exec(item);
    if (url) {
      out.push({ host: url[1], port: url[2] ? Number(url[2]) : undefined, form: 'url' });
      continue;
    }
    const hostPort = /^([a-z0-9][a-z0-9.-]*):(\d{1,5})$/i.exec(item);
    if (hostPort) {
      out.push({ host: hostPort[1], port: Number(hostPort[2]), form: 'hostport' });
      continue;
    }
    if (/^[a-z0-9][a-z0-9.-]*$/i.test(item)) out.push({ host: item, port: undefined, form: 'plain' });
  }
  return out;
}

function hasTemplate(v: string): boolean {
  return v.includes('$(') || v.includes('{{') || v.includes('${');
}

/** An address found inside a longer text (a config file in a ConfigMap), with where it starts. */
export interface FoundAddress extends Candidate {
  /** The address as written (`http://visits:8080`, `redis.cache.svc:6379`). */
  text: string;
  /** Offset in the text. */
  index: number;
}

/**
 * The URLs (`scheme://host[:port]`) and `.svc` names (`name.ns.svc[.<domain>][:port]`) in a
 * text: the only forms taken for Service names inside free text, so that words never are.
 */
export function addressesIn(text: string, clusterDomain: string): readonly FoundAddress[] {
  // Most values hold neither form (a word, a number, a line of prose): both need `://` or `.svc`.
  const hasUrl = text.includes('://');
  if (!hasUrl && !SVC_WORD.test(text)) return NO_ADDRESSES;
  const out: FoundAddress[] = [];
  const taken: Array<[number, number]> = [];
  const url = /\b([a-z][a-z0-9+.-]*):\/\/(?:[^@\s/?#"'`<>]*@)?([a-z0-9][a-z0-9.-]*)(?::(\d{1,5}))?(?![a-z0-9.-])/gi;
  for (let m = hasUrl ? url.exec(text) : null; m; m = url.exec(text)) {
    if (insideTemplate(text, m.index)) continue;
    out.push({ host: m[2], port: m[3] ? Number(m[3]) : undefined, form: 'url', text: m[0], index: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  // Most config text names no `.svc` address: one plain search skips the lookbehind scan.
  if (!SVC_WORD.test(text)) return out.sort((a, b) => a.index - b.index);
  const svc = svcPattern(clusterDomain);
  svc.lastIndex = 0;
  for (let m = svc.exec(text); m; m = svc.exec(text)) {
    const at = m.index;
    if (taken.some(([a, b]) => at >= a && at < b) || insideTemplate(text, at)) continue;
    out.push({ host: m[1], port: m[2] ? Number(m[2]) : undefined, form: 'hostport', text: m[0], index: at });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Any `.svc` in a text: a value without one (nor `:`) holds no address of a Service's cluster name. */
export const SVC_WORD = /\.svc/i;
const NO_ADDRESSES: readonly FoundAddress[] = Object.freeze([]);
const svcPatterns = new Map<string, RegExp>();

/** `name.ns.svc[.<domain>][:port]` as a global pattern, made once per cluster domain. */
function svcPattern(clusterDomain: string): RegExp {
  let re = svcPatterns.get(clusterDomain);
  if (!re) {
    const domain = clusterDomain.replace(/\./g, '\\.');
    re = new RegExp(`(?<![a-z0-9.@/-])((?:[a-z0-9][a-z0-9-]*\\.){2,3}svc(?:\\.${domain})?)\\.?(?::(\\d{1,5}))?(?![a-z0-9-]|\\.[a-z0-9])`, 'gi');
    svcPatterns.set(clusterDomain, re);
  }
  return re;
}

/** Is the offset inside `{{ ... }}` or `${ ... }` (a template the app or a tool fills in)? */
function insideTemplate(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  return /\{\{[^}]*$/.test(line) || /\$\{[^}]*$/.test(line);
}

/**
 * Reads a host as a cluster DNS name, or returns undefined when it is (or may be) something
 * else: an IP, an outside name, a namespace svclab has not seen.
 */
export function clusterNameOf(host: string, ownNamespace: string, ctx: LintContextData, headless: (ns: string, name: string) => boolean): ClusterName | undefined {
  let h = host.toLowerCase().replace(/\.$/, '');
  if (/^[0-9.]+$/.test(h) || NOT_HOSTS.has(h)) return undefined;
  const domain = ctx.settings.clusterDomain.toLowerCase();
  let explicit = false;
  if (h.endsWith(`.svc.${domain}`)) [h, explicit] = [h.slice(0, -(`.svc.${domain}`.length)), true];
  else if (h.endsWith('.svc')) [h, explicit] = [h.slice(0, -4), true];
  const labels = h.split('.');
  if (!labels.every((l) => LABEL.test(l)) || !/[a-z]/.test(labels[0])) return undefined;
  if (explicit) {
    if (labels.length === 2) return { service: labels[0], namespace: labels[1], pod: undefined };
    if (labels.length === 3) return { pod: labels[0], service: labels[1], namespace: labels[2] };
    return undefined;
  }
  if (labels.length === 1) return { service: labels[0], namespace: ownNamespace, pod: undefined };
  if (labels.length === 2) {
    // `a.b`: Service a of namespace b, or pod a behind headless Service b (both resolve through the search path).
    if (ctx.namespacesSeen.has(labels[1])) return { service: labels[0], namespace: labels[1], pod: undefined };
    if (headless(ownNamespace, labels[1])) return { pod: labels[0], service: labels[1], namespace: ownNamespace };
  }
  return undefined; // three or more labels without `.svc`: an outside name
}

/** The hints both rules give for the verdicts they share (each rule words its own message). */
export const REFERENCE_HINTS = {
  noPort: 'Clients connect to the Service port (spec.ports[].port), not to the targetPort: use one of {{ports}}, or add port {{port}} to Service {{service}}.',
  notHeadless: 'Per-pod DNS names exist only behind a headless Service that is the serviceName of a StatefulSet (or the subdomain of the pods); refer to {{service}} itself, or make the Service headless.',
  noPod: 'Per-pod names are <statefulset-name>-<ordinal>.<serviceName> for a StatefulSet whose spec.serviceName is {{service}} (or <hostname>.<subdomain> for pods that set both).',
} as const;

/** What is wrong with a reference, as data for a rule's message of the same id. */
export type Verdict =
  | { messageId: 'noService'; data: { service: string; namespace: string; suggestion: string }; related: RelatedReport[] }
  | { messageId: 'notHeadless'; data: { service: string; pod: string }; related: RelatedReport[] }
  | { messageId: 'noPod'; data: { service: string; namespace: string; pod: string; pods: string }; related: RelatedReport[] }
  | { messageId: 'noPort'; data: { service: string; port: number; ports: string; suggestion: string }; related: RelatedReport[] };

/** A name that refers to an existing Service (and pod, for a per-pod name): what its port is judged against. */
export interface Resolved {
  svc: ServiceObject;
  /** For a per-pod name: the pod templates that get it. */
  podTemplates: WorkloadObject[] | undefined;
}

function describeServicePorts(svc: ServiceObject): string {
  return svc.spec.ports.length ? svc.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') : 'no ports';
}

/** The Services of a lint run, and the judgements on names and ports that refer to them. */
export class ServiceReferences {
  private readonly index: ServiceIndex;
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly namersByService = new Map<string, WorkloadObject[]>();

  constructor(private readonly ctx: LintContextData) {
    this.index = serviceIndex(ctx);
    // Pods with per-pod names: StatefulSet pods (<name>-<n>.<serviceName>) and pods with hostname + subdomain.
    for (const w of ctx.model.workloads) {
      const sub = w.kind === 'StatefulSet' ? w.serviceName : w.template.spec.hostname !== undefined ? w.template.spec.subdomain : undefined;
      if (!sub) continue;
      const key = `${w.ref.namespace}/${sub}`;
      this.namersByService.set(key, [...(this.namersByService.get(key) ?? []), w]);
    }
  }

  private readonly headless = (ns: string, name: string): boolean => {
    const s = this.index.byKey.get(`${ns}/${name}`);
    return s !== undefined && isHeadless(s);
  };

  /** The host as a name svclab judges, or undefined (an outside name, or a namespace whose Services are not in the input). */
  nameOf(host: string, ownNamespace: string): ClusterName | undefined {
    const name = clusterNameOf(host, ownNamespace, this.ctx, this.headless);
    if (!name) return undefined;
    // Judge only namespaces whose Services are in the input; the kubernetes Service always exists.
    if (this.index.inNamespace(name.namespace).length === 0) return undefined;
    if (name.service === 'kubernetes' && name.namespace === 'default' && !name.pod) return undefined;
    return name;
  }

  /** The Service (and pods) the name refers to, or what is wrong with it. */
  resolve(name: ClusterName): Resolved | Verdict {
    const svc = this.index.byKey.get(`${name.namespace}/${name.service}`);
    if (!svc) {
      const near = this.suggest(name.namespace, name.service);
      const nearSvc = near !== undefined ? this.index.byKey.get(`${name.namespace}/${near}`) : undefined;
      return {
        messageId: 'noService', data: { service: name.service, namespace: name.namespace, suggestion: near ? ` (did you mean "${near}"?)` : '' },
        related: nearSvc ? [{ manifest: nearSvc.manifest, path: ['metadata', 'name'], message: `Service ${name.namespace}/${near}` }] : [],
      };
    }
    if (!name.pod) return { svc, podTemplates: undefined };
    const related = [{ manifest: svc.manifest, path: ['metadata', 'name'], message: `Service ${svc.ref.namespace}/${svc.ref.name}` }];
    if (!isHeadless(svc)) return { messageId: 'notHeadless', data: { service: name.service, pod: name.pod }, related };
    const namers = this.namersByService.get(`${name.namespace}/${name.service}`) ?? [];
    const pod = name.pod;
    const podTemplates = namers.filter((w) => (w.kind === 'StatefulSet' ? new RegExp(`^${w.ref.name.replace(/[.]/g, '\\.')}-\\d+$`).test(pod) : w.template.spec.hostname === pod));
    if (podTemplates.length === 0) {
      const pods = namers.length ? ` (StatefulSet pods here are named ${namers.map((w) => (w.kind === 'StatefulSet' ? `${w.ref.name}-<n>` : w.template.spec.hostname)).join(', ')})` : '';
      return { messageId: 'noPod', data: { service: name.service, namespace: name.namespace, pod, pods }, related };
    }
    return { svc, podTemplates };
  }

  /** What is wrong with connecting to `port` of the resolved name, or null when nothing is (or nothing can be told). */
  checkPort(r: Resolved, port: number): Verdict | null {
    const { svc } = r;
    if (svc.spec.type === 'ExternalName') return null;
    const allowed = new Set(svc.spec.ports.map((p) => p.port));
    if (isHeadless(svc)) {
      // A headless name resolves to pod IPs: the client connects to the pods' own ports.
      for (const p of svc.spec.ports) if (typeof p.targetPort === 'number') allowed.add(p.targetPort);
      const pods = r.podTemplates ?? selectedWorkloads(this.ctx, svc);
      if (pods.length > 0 && pods.every((p) => declaredPorts(p).length === 0)) return null; // nothing to judge by
      for (const p of pods) for (const d of declaredPorts(p)) allowed.add(d.port.containerPort);
    }
    if (allowed.has(port)) return null;
    const viaTarget = svc.spec.ports.find((p) => p.targetPort === port);
    return {
      messageId: 'noPort',
      data: { service: svc.ref.name, port, ports: describeServicePorts(svc), suggestion: viaTarget ? ` (${port} is the targetPort behind Service port ${viaTarget.port})` : '' },
      related: [{ manifest: svc.manifest, path: ['spec', 'ports'], message: `ports of Service ${svc.ref.namespace}/${svc.ref.name}` }],
    };
  }

  /** Many values may name the same missing Service: one suggestion per (namespace, name). */
  private suggest(namespace: string, service: string): string | undefined {
    const key = `${namespace}/${service}`;
    if (!this.suggestions.has(key)) this.suggestions.set(key, didYouMean(service, this.index.inNamespace(namespace).map((s) => s.ref.name)));
    return this.suggestions.get(key);
  }
}

/** Is it a verdict (something wrong), rather than a resolved Service? */
export function isVerdict(r: Resolved | Verdict): r is Verdict {
  return 'messageId' in r;
}
