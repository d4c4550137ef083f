/**
 * The ConfigMaps of a lint run, and what a container's environment takes from them. The kubelet
 * (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables) builds a container's environment from
 * `envFrom` sources first, in order (a later source wins a repeated name; keys that are not
 * valid variable names are skipped), then `env` entries, which win over `envFrom`;
 * `valueFrom.configMapKeyRef` takes one key. A ConfigMap is read from the pod's own namespace.
 */
import { arr, isObj, obj, str, valueAt } from '../model/guards';
import type { WorkloadObject } from '../model/types';
import type { Manifest } from '../parse/manifest';
import type { FieldPath } from '../types';
import type { LintContextData } from './context';

export interface ConfigMapData {
  manifest: Manifest;
  namespace: string;
  name: string;
  /** `data` (string values only: the API server refuses others), by key. */
  data: ReadonlyMap<string, string>;
}

/** One variable of a container's environment, as the kubelet composes it. */
export interface EnvEntry {
  name: string;
  value: string;
  /** Where the variable is written in the workload: `env[i].value`, `env[i].valueFrom.configMapKeyRef.key`, `envFrom[j].configMapRef.name`. */
  path: FieldPath;
  /** Where the value comes from, when it is a ConfigMap's. */
  from?: { configMap: ConfigMapData; key: string };
}

/** Variable names the kubelet accepts from envFrom (validation.IsEnvVarName, relaxed in 1.30: no leading digit). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const cache = new WeakMap<object, ReadonlyMap<string, ConfigMapData>>();

/** The input's ConfigMaps by `namespace/name`. */
export function configMapIndex(ctx: LintContextData): ReadonlyMap<string, ConfigMapData> {
  const cached = cache.get(ctx.model);
  if (cached) return cached;
  const out = new Map<string, ConfigMapData>();
  for (const o of ctx.model.objects) {
    if (o.kind !== 'ConfigMap' || o.ref.apiVersion !== 'v1') continue;
    const data = new Map<string, string>();
    const raw = obj(o.manifest.value.data);
    for (const key of Object.keys(raw)) if (typeof raw[key] === 'string') data.set(key, raw[key] as string);
    out.set(`${o.ref.namespace}/${o.ref.name}`, { manifest: o.manifest, namespace: o.ref.namespace, name: o.ref.name, data });
  }
  cache.set(ctx.model, out);
  return out;
}

/** A container's environment: literal values and the ConfigMap values it takes, each once (the one that wins). */
export function containerEnv(w: WorkloadObject, containerPath: FieldPath, configMaps: ReadonlyMap<string, ConfigMapData>): EnvEntry[] {
  const ns = w.ref.namespace;
  const byName = new Map<string, EnvEntry>();
  arr(valueAt(w.manifest.value, [...containerPath, 'envFrom'])).forEach((source, j) => {
    if (!isObj(source)) return;
    // A secretRef source, or a configMapRef without a name, takes nothing from a ConfigMap.
    const name = str(obj(source.configMapRef).name);
    const cm = name ? configMaps.get(`${ns}/${name}`) : undefined;
    if (!cm) return;
    const prefix = str(source.prefix) ?? '';
    for (const [key, value] of cm.data) {
      const name = prefix + key;
      if (!ENV_NAME.test(name)) continue;
      byName.delete(name); // a later source wins, in its own place
      byName.set(name, { name, value, path: [...containerPath, 'envFrom', j, 'configMapRef', 'name'], from: { configMap: cm, key } });
    }
  });
  arr(valueAt(w.manifest.value, [...containerPath, 'env'])).forEach((e, i) => {
    if (!isObj(e)) return;
    const name = str(e.name) ?? '';
    const at: FieldPath = [...containerPath, 'env', i];
    let entry: EnvEntry | undefined;
    if (e.value !== undefined && e.value !== null && typeof e.value !== 'object') {
      entry = { name, value: String(e.value), path: [...at, 'value'] };
    } else {
      const ref = obj(obj(e.valueFrom).configMapKeyRef);
      const cmName = str(ref.name);
      const cm = cmName ? configMaps.get(`${ns}/${cmName}`) : undefined;
      const key = str(ref.key);
      const value = key !== undefined ? cm?.data.get(key) : undefined;
      if (cm && key !== undefined && value !== undefined) entry = { name, value, path: [...at, 'valueFrom', 'configMapKeyRef', 'key'], from: { configMap: cm, key } };
    }
    byName.delete(name);
    if (entry) byName.set(name, entry);
  });
  return [...byName.values()];
}

/** The keys of each ConfigMap that some container of the input takes as environment variables (ConfigMaps none takes from are absent). */
export function keysTakenAsEnv(ctx: LintContextData, configMaps: ReadonlyMap<string, ConfigMapData>): ReadonlyMap<ConfigMapData, ReadonlySet<string>> {
  const out = new Map<ConfigMapData, Set<string>>();
  for (const w of ctx.model.workloads) {
    for (const { path } of containersOf(w)) {
      if (!readsConfigMaps(valueAt(w.manifest.value, path))) continue;
      for (const e of containerEnv(w, path, configMaps)) {
        if (!e.from) continue;
        let keys = out.get(e.from.configMap);
        if (!keys) out.set(e.from.configMap, (keys = new Set()));
        keys.add(e.from.key);
      }
    }
  }
  return out;
}

/** Whether a container (raw) names a ConfigMap in `envFrom` or an `env` entry's configMapKeyRef: only then can its environment hold ConfigMap values. */
function readsConfigMaps(container: unknown): boolean {
  if (!isObj(container)) return false;
  return arr(container.envFrom).some((s) => isObj(s) && isObj(s.configMapRef)) || arr(container.env).some((e) => isObj(e) && isObj(e.valueFrom) && isObj(e.valueFrom.configMapKeyRef));
}

/** The containers of a pod template with their paths: init containers too (an init container that waits for a Service). */
export function containersOf(w: WorkloadObject): Array<{ path: FieldPath }> {
  const spec = [...w.templatePath, 'spec'];
  return [
    ...w.template.spec.containers.map((_, i) => ({ path: [...spec, 'containers', i] })),
    ...w.template.spec.initContainers.map((_, i) => ({ path: [...spec, 'initContainers', i] })),
  ];
}
