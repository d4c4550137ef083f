/**
 * Shared helpers for the cross-object rules that follow a Service to its pods: which pod
 * templates a Service selects, which ports their containers declare (with the field path of
 * each declaration, for `related` locations), and short human descriptions of both.
 * Not a rule: this module has no default export, so the registry skips it.
 */
import { isObj, obj, arr, str, valueAt } from '../model/guards';
import { formatLabels } from '../model/selectors';
import type { Container, ContainerPort, ServiceObject, WorkloadObject } from '../model/types';
import type { FieldPath } from '../types';
import type { LintContextData } from './context';

export interface DeclaredPort {
  workload: WorkloadObject;
  container: Container;
  port: ContainerPort;
  /** Path of the port entry inside the workload's manifest. */
  path: FieldPath;
}

export interface ServingContainer {
  container: Container;
  /** Path of the container entry inside the workload's manifest. */
  path: FieldPath;
}

const servingCache = new WeakMap<WorkloadObject, ServingContainer[]>();

/**
 * Containers whose ports can receive Service traffic: the app containers, plus sidecars
 * (init containers with `restartPolicy: Always`, which keep running). The endpoints
 * controller's FindPort (kubernetes `pkg/api/v1/pod/util.go`) looks at both.
 */
export function servingContainers(w: WorkloadObject): ServingContainer[] {
  const cached = servingCache.get(w);
  if (cached) return cached;
  const spec = [...w.templatePath, 'spec'];
  const out: ServingContainer[] = w.template.spec.containers.map((container, i) => ({ container, path: [...spec, 'containers', i] }));
  const rawInit = arr(valueAt(w.manifest.value, [...spec, 'initContainers']));
  w.template.spec.initContainers.forEach((container, i) => {
    if (str(obj(rawInit[i]).restartPolicy) === 'Always') out.push({ container, path: [...spec, 'initContainers', i] });
  });
  servingCache.set(w, out);
  return out;
}

const portsCache = new WeakMap<WorkloadObject, DeclaredPort[]>();

/** Every `ports[]` entry of the serving containers, with its source path. */
export function declaredPorts(w: WorkloadObject): DeclaredPort[] {
  const cached = portsCache.get(w);
  if (cached) return cached;
  const out: DeclaredPort[] = [];
  for (const { container, path } of servingContainers(w)) {
    // The model drops malformed entries, so find each port's index in the raw list.
    const raw = arr(valueAt(w.manifest.value, [...path, 'ports']));
    const used = new Set<number>();
    for (const port of container.ports) {
      let index = raw.findIndex((r, j) => !used.has(j) && isObj(r) && r.containerPort === port.containerPort && str(r.name) === port.name);
      if (index < 0) index = 0;
      used.add(index);
      out.push({ workload: w, container, port, path: [...path, 'ports', index] });
    }
  }
  portsCache.set(w, out);
  return out;
}

/** Pod templates a Service selects (none for a Service without selector or an ExternalName Service). */
export function selectedWorkloads(ctx: LintContextData, svc: ServiceObject): readonly WorkloadObject[] {
  if (!svc.spec.selector || svc.spec.type === 'ExternalName') return NO_WORKLOADS;
  const index = ctx.podTemplatesIn(svc.ref.namespace);
  let bySvc = selectionCache.get(index);
  if (!bySvc) selectionCache.set(index, (bySvc = new WeakMap()));
  let selected = bySvc.get(svc);
  if (!selected) bySvc.set(svc, (selected = index.selectShared(svc.spec.selector)));
  return selected;
}

/**
 * Each Service's selection once per lint context (its label index): six rules ask for it, and
 * matching a selector against many pod templates was the most costly step of the published
 * corpus (issue 14). Shared, so callers must not change the array.
 */
const selectionCache = new WeakMap<object, WeakMap<ServiceObject, readonly WorkloadObject[]>>();
const NO_WORKLOADS: readonly WorkloadObject[] = Object.freeze([]);

export interface ServiceIndex {
  /** `namespace/name` -> Service. */
  byKey: ReadonlyMap<string, ServiceObject>;
  /** Services of a namespace (for did-you-mean suggestions), [] when none. */
  inNamespace(ns: string): readonly ServiceObject[];
}

const serviceIndexCache = new WeakMap<object, ServiceIndex>();

/** Services by name and by namespace, built once per model (several rules look Services up by name). */
export function serviceIndex(ctx: LintContextData): ServiceIndex {
  const cached = serviceIndexCache.get(ctx.model);
  if (cached) return cached;
  const byKey = new Map<string, ServiceObject>();
  const byNs = new Map<string, ServiceObject[]>();
  for (const s of ctx.model.services) {
    byKey.set(`${s.ref.namespace}/${s.ref.name}`, s);
    const list = byNs.get(s.ref.namespace);
    if (list) list.push(s);
    else byNs.set(s.ref.namespace, [s]);
  }
  const index: ServiceIndex = { byKey, inNamespace: (ns) => byNs.get(ns) ?? [] };
  serviceIndexCache.set(ctx.model, index);
  return index;
}

/** Was the field written in the Service (as opposed to defaulted by svclab's model)? */
export function servicePortHasField(svc: ServiceObject, index: number, field: string): boolean {
  return valueAt(svc.manifest.value, ['spec', 'ports', index, field]) !== undefined;
}

export function workloadName(w: WorkloadObject): string {
  return `${w.kind}/${w.ref.namespace}/${w.ref.name}`;
}

export function describePort(p: ContainerPort): string {
  return p.name ? `${p.name} (${p.containerPort}/${p.protocol})` : `${p.containerPort}/${p.protocol}`;
}

/** "80/TCP, metrics (9090/TCP)" — at most `limit` entries. */
export function describePorts(ports: readonly DeclaredPort[], limit = 6): string {
  const texts = [...new Set(ports.map((d) => describePort(d.port)))];
  return texts.length > limit ? `${texts.slice(0, limit).join(', ')}, ...` : texts.join(', ');
}

/** A targetPort string Kubernetes would accept as a port name (a quoted number is not one; target-port-invalid says so). */
export function isPortName(v: string): boolean {
  return /[a-z]/i.test(v);
}

/** "Deployment/default/a, Deployment/default/b and 2 more". */
export function listNames(names: readonly string[], limit = 3): string {
  if (names.length <= limit) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

export function templateLabelsPath(w: WorkloadObject): FieldPath {
  return [...w.templatePath, 'metadata', 'labels'];
}

export function describeLabels(w: WorkloadObject): string {
  return formatLabels(w.template.metadata.labels);
}
