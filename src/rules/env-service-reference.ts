import { defineRule } from './rule';
import type { Container, ServiceObject, WorkloadObject } from '../model/types';
import type { FieldPath } from '../types';
import { didYouMean } from '../util/did-you-mean';
import { isObj, arr } from '../model/guards';
import type { LintContextData } from './context';
import { isHeadless } from './service-helpers';
import { declaredPorts, rawAt, selectedWorkloads, serviceIndex } from './workload-ports';

/**
 * Variable names whose plain value (no port, no scheme) is taken as a host name. Not a bare
 * `*_SERVICE`: that often holds a service *name* for tracing or logging (Datadog's DD_SERVICE),
 * not a host; `*_SERVICE_HOST` / `*_SERVICE_ADDR` are covered by HOST / ADDR.
 */
const HOST_VAR = /(^|_)(HOST|HOSTS|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|URL|URI|SEEDS)$/i;
/** `<PREFIX>_HOST` pairs with `<PREFIX>_PORT` (the seed's REDIS_HOST / REDIS_PORT). */
const PAIRED_HOST_VAR = /^(.*)_(HOST|HOSTNAME|SERVER|ADDR|ADDRESS)$/i;
/** Values that look like words, not hosts, even under a host-like variable name. */
const NOT_HOSTS = new Set(['localhost', 'none', 'null', 'nil', 'true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'auto', 'default', 'dns', 'env', 'local', 'any', 'all']);
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host (and maybe port) as written in an env value. */
interface Candidate {
  host: string;
  port: number | undefined;
  /** plain: the whole value is a name; only trusted under a host-like variable name. */
  form: 'url' | 'hostport' | 'plain';
}

/** What a host name means inside the cluster, from a pod of namespace `ns` (search path `ns.svc.<domain> svc.<domain> <domain>`). */
interface ClusterName {
  service: string;
  namespace: string;
  /** `<pod>.<service>`: a per-pod name behind a headless Service. */
  pod: string | undefined;
}

export function candidatesOf(value: string): Candidate[] {
  const v = value.trim();
  if (v === '' || v.includes('$(') || v.includes('{{') || v.includes('${')) return [];
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

interface EnvEntry {
  name: string;
  value: string;
  path: FieldPath;
}

function envOf(w: WorkloadObject, container: Container, containerPath: FieldPath): EnvEntry[] {
  // Model env entries are the object items of the raw list, in order: map them back to raw indexes for locations.
  const rawIdx: number[] = [];
  arr(rawAt(w.manifest.value, [...containerPath, 'env'])).forEach((e, i) => isObj(e) && rawIdx.push(i));
  const out: EnvEntry[] = [];
  container.env.forEach((e, k) => {
    if (e.value !== undefined && rawIdx[k] !== undefined) out.push({ name: e.name, value: e.value, path: [...containerPath, 'env', rawIdx[k], 'value'] });
  });
  return out;
}

function allContainers(w: WorkloadObject): Array<{ container: Container; path: FieldPath }> {
  const spec = [...w.templatePath, 'spec'];
  return [
    ...w.template.spec.containers.map((container, i) => ({ container, path: [...spec, 'containers', i] })),
    ...w.template.spec.initContainers.map((container, i) => ({ container, path: [...spec, 'initContainers', i] })),
  ];
}

function describeServicePorts(svc: ServiceObject): string {
  return svc.spec.ports.length ? svc.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') : 'no ports';
}

export default defineRule({
  meta: {
    id: 'env-service-reference',
    severity: 'warning',
    description: 'An env value names a Service (host, host:port or URL) that does not exist in that namespace, or a port it does not expose.',
    category: 'cross-object',
    messages: {
      noService: {
        message: '{{var}}={{value}} refers to Service "{{service}}" in namespace {{namespace}}, which the input does not define{{suggestion}}; the name will not resolve',
        hint: 'Fix the host name, or create the Service {{service}} in namespace {{namespace}}. A Service of another namespace is reached as <service>.<namespace>.',
      },
      noPort: {
        message: '{{var}}={{value}} connects to port {{port}} of Service {{service}}, which exposes {{ports}}{{suggestion}}; connections to {{service}}:{{port}} fail',
        hint: 'Clients connect to the Service port (spec.ports[].port), not to the targetPort: use one of {{ports}}, or add port {{port}} to Service {{service}}.',
      },
      notHeadless: {
        message: '{{var}}={{value}} uses the per-pod name {{pod}}.{{service}}, but Service {{service}} is not headless (clusterIP: None), so no such name exists',
        hint: 'Per-pod DNS names exist only behind a headless Service that is the serviceName of a StatefulSet (or the subdomain of the pods); refer to {{service}} itself, or make the Service headless.',
      },
      noPod: {
        message: '{{var}}={{value}} names pod "{{pod}}" behind headless Service {{service}}, but no pod in namespace {{namespace}} gets that name{{pods}}',
        hint: 'Per-pod names are <statefulset-name>-<ordinal>.<serviceName> for a StatefulSet whose spec.serviceName is {{service}} (or <hostname>.<subdomain> for pods that set both).',
      },
    },
  },
  check(ctx) {
    const index = serviceIndex(ctx);
    const services = index.byKey;
    // Many env values may name the same missing Service: one suggestion per (namespace, name).
    const suggestions = new Map<string, string | undefined>();
    const suggest = (namespace: string, service: string): string | undefined => {
      const key = `${namespace}/${service}`;
      if (!suggestions.has(key)) suggestions.set(key, didYouMean(service, index.inNamespace(namespace).map((s) => s.ref.name)));
      return suggestions.get(key);
    };
    const headless = (ns: string, name: string) => {
      const s = services.get(`${ns}/${name}`);
      return s !== undefined && isHeadless(s);
    };
    // Pods with per-pod names: StatefulSet pods (<name>-<n>.<serviceName>) and pods with hostname + subdomain.
    const namersByService = new Map<string, WorkloadObject[]>();
    for (const w of ctx.model.workloads) {
      const sub = w.kind === 'StatefulSet' ? w.serviceName : w.template.spec.hostname !== undefined ? w.template.spec.subdomain : undefined;
      if (!sub) continue;
      const key = `${w.ref.namespace}/${sub}`;
      namersByService.set(key, [...(namersByService.get(key) ?? []), w]);
    }
    const podNamers = (ns: string, service: string) => namersByService.get(`${ns}/${service}`) ?? [];
    const podNameMatches = (w: WorkloadObject, pod: string) => (w.kind === 'StatefulSet' ? new RegExp(`^${w.ref.name.replace(/[.]/g, '\\.')}-\\d+$`).test(pod) : w.template.spec.hostname === pod);

    for (const w of ctx.model.workloads) {
      const ns = w.ref.namespace;
      for (const { container, path } of allContainers(w)) {
        const env = envOf(w, container, path);
        const byName = new Map(env.map((e) => [e.name, e]));
        for (const e of env) {
          for (const c of candidatesOf(e.value)) {
            if (c.form === 'plain' && !HOST_VAR.test(e.name) && !/\.svc(\.|$)/i.test(c.host)) continue;
            const name = clusterNameOf(c.host, ns, ctx, headless);
            if (!name) continue;
            // Judge only namespaces whose Services are in the input; the kubernetes Service always exists.
            if (index.inNamespace(name.namespace).length === 0) continue;
            if (name.service === 'kubernetes' && name.namespace === 'default' && !name.pod) continue;
            const data = { var: e.name, value: e.value, service: name.service };
            const svc = services.get(`${name.namespace}/${name.service}`);
            if (!svc) {
              const near = suggest(name.namespace, name.service);
              const nearSvc = near !== undefined ? services.get(`${name.namespace}/${near}`) : undefined;
              ctx.report({
                messageId: 'noService', manifest: w.manifest, path: e.path, data: { ...data, namespace: name.namespace, suggestion: near ? ` (did you mean "${near}"?)` : '' },
                related: nearSvc ? [{ manifest: nearSvc.manifest, path: ['metadata', 'name'], message: `Service ${name.namespace}/${near}` }] : [],
              });
              continue;
            }
            const svcRelated = () => [{ manifest: svc.manifest, path: ['metadata', 'name'], message: `Service ${svc.ref.namespace}/${svc.ref.name}` }];
            let podTemplates: WorkloadObject[] | undefined;
            if (name.pod) {
              if (!isHeadless(svc)) {
                ctx.report({ messageId: 'notHeadless', manifest: w.manifest, path: e.path, data: { ...data, pod: name.pod }, related: svcRelated() });
                continue;
              }
              const namers = podNamers(name.namespace, name.service);
              podTemplates = namers.filter((p) => podNameMatches(p, name.pod as string));
              if (podTemplates.length === 0) {
                const pods = namers.length ? ` (StatefulSet pods here are named ${namers.map((p) => (p.kind === 'StatefulSet' ? `${p.ref.name}-<n>` : p.template.spec.hostname)).join(', ')})` : '';
                ctx.report({ messageId: 'noPod', manifest: w.manifest, path: e.path, data: { ...data, namespace: name.namespace, pod: name.pod, pods }, related: svcRelated() });
                continue;
              }
            }
            // The port: in the value, or in the paired <PREFIX>_PORT variable.
            let port = c.port;
            let portPath = e.path;
            let portVar = e;
            if (port === undefined && c.form === 'plain') {
              const prefix = PAIRED_HOST_VAR.exec(e.name)?.[1];
              const pv = prefix !== undefined ? byName.get(`${prefix}_PORT`) : undefined;
              if (pv && /^\d{1,5}$/.test(pv.value.trim())) [port, portPath, portVar] = [Number(pv.value), pv.path, pv];
            }
            if (port === undefined || svc.spec.type === 'ExternalName') continue;
            const allowed = new Set(svc.spec.ports.map((p) => p.port));
            if (isHeadless(svc)) {
              // A headless name resolves to pod IPs: the client connects to the pods' own ports.
              for (const p of svc.spec.ports) if (typeof p.targetPort === 'number') allowed.add(p.targetPort);
              const pods = podTemplates ?? selectedWorkloads(ctx, svc);
              if (pods.length > 0 && pods.every((p) => declaredPorts(p).length === 0)) continue; // nothing to judge by
              for (const p of pods) for (const d of declaredPorts(p)) allowed.add(d.port.containerPort);
            }
            if (allowed.has(port)) continue;
            const viaTarget = svc.spec.ports.find((p) => p.targetPort === port);
            ctx.report({
              messageId: 'noPort', manifest: w.manifest, path: portPath,
              data: {
                ...data, var: portVar.name, value: portVar.value, port, ports: describeServicePorts(svc),
                suggestion: viaTarget ? ` (${port} is the targetPort behind Service port ${viaTarget.port})` : '',
              },
              related: [{ manifest: svc.manifest, path: ['spec', 'ports'], message: `ports of Service ${svc.ref.namespace}/${svc.ref.name}` }],
            });
          }
        }
      }
    }
  },
});
