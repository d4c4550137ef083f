/**
 * Where kustomize's built-in transformers write, as data: the field specs of
 * api/internal/konfig/builtinpluginconsts (commonlabels.go, metadatalabels.go,
 * templatelabels.go, commonannotations.go, images.go, replicas.go, namereference.go), and the
 * walk of api/filters/fieldspec (a path whose segments step into every item of a list).
 */
import { apiGroup } from '../model/kinds';
import { isRecord } from './types';

export interface FieldSpec {
  /** Path segments; a segment ending in `[]` names a list explicitly. */
  path: string[];
  kind?: string;
  group?: string;
  version?: string;
  /** Create the field (and the maps above it) when it is missing. */
  create: boolean;
}

/** `spec/selector/matchLabels`, with `\/` for a slash inside a key (an annotation name). */
function splitPath(path: string): string[] {
  return path.split(/(?<!\\)\//).map((s) => s.replace(/\\\//g, '/'));
}

function spec(path: string, kind?: string, options: { group?: string; version?: string; create?: boolean } = {}): FieldSpec {
  return { path: splitPath(path), kind, group: options.group, version: options.version, create: options.create ?? false };
}

const POD_TEMPLATE_KINDS: Array<[string, string, { group?: string; version?: string }]> = [
  ['ReplicationController', 'spec/template', { version: 'v1' }],
  ['Deployment', 'spec/template', {}],
  ['ReplicaSet', 'spec/template', {}],
  ['DaemonSet', 'spec/template', {}],
  ['StatefulSet', 'spec/template', { group: 'apps' }],
  ['Job', 'spec/template', { group: 'batch' }],
];

/** metadatalabels.go: the object's labels and its pod template's labels. */
const METADATA_LABELS: FieldSpec[] = [
  spec('metadata/labels', undefined, { create: true }),
  ...POD_TEMPLATE_KINDS.map(([kind, at, o]) => spec(`${at}/metadata/labels`, kind, { ...o, create: true })),
  spec('spec/jobTemplate/metadata/labels', 'CronJob', { group: 'batch', create: true }),
  spec('spec/jobTemplate/spec/template/metadata/labels', 'CronJob', { group: 'batch', create: true }),
];

const AFFINITY_SELECTORS = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** commonlabels.go: labels that also go into selectors (`commonLabels`, `labels` with includeSelectors). */
export const COMMON_LABELS: FieldSpec[] = [
  spec('spec/selector', 'Service', { version: 'v1', create: true }),
  spec('spec/selector', 'ReplicationController', { version: 'v1', create: true }),
  spec('spec/selector/matchLabels', 'Deployment', { create: true }),
  ...AFFINITY_SELECTORS.map((p) => spec(p, 'Deployment', { group: 'apps' })),
  spec('spec/selector/matchLabels', 'ReplicaSet', { create: true }),
  spec('spec/selector/matchLabels', 'DaemonSet', { create: true }),
  spec('spec/selector/matchLabels', 'StatefulSet', { group: 'apps', create: true }),
  ...AFFINITY_SELECTORS.map((p) => spec(p, 'StatefulSet', { group: 'apps' })),
  spec('spec/selector/matchLabels', 'Job', { group: 'batch' }),
  spec('spec/jobTemplate/spec/selector/matchLabels', 'CronJob', { group: 'batch' }),
  spec('spec/selector/matchLabels', 'PodDisruptionBudget', { group: 'policy' }),
  spec('spec/podSelector/matchLabels', 'NetworkPolicy', { group: 'networking.k8s.io' }),
  spec('spec/ingress/from/podSelector/matchLabels', 'NetworkPolicy', { group: 'networking.k8s.io' }),
  spec('spec/egress/to/podSelector/matchLabels', 'NetworkPolicy', { group: 'networking.k8s.io' }),
  ...METADATA_LABELS,
  // volumeclaimmetadatalabels.go
  spec('spec/volumeClaimTemplates[]/metadata/labels', 'StatefulSet', { group: 'apps', create: true }),
];

/** templatelabels.go: `labels` with includeTemplates. */
export const TEMPLATE_LABELS: FieldSpec[] = METADATA_LABELS;

/** `labels` without includeSelectors or includeTemplates: the object's own labels only. */
export const OBJECT_LABELS: FieldSpec[] = [spec('metadata/labels', undefined, { create: true })];

/** commonannotations.go. */
export const COMMON_ANNOTATIONS: FieldSpec[] = [
  spec('metadata/annotations', undefined, { create: true }),
  ...POD_TEMPLATE_KINDS.map(([kind, at, o]) => spec(`${at}/metadata/annotations`, kind, { version: o.version, group: kind === 'Job' ? 'batch' : undefined, create: true })),
  spec('spec/jobTemplate/metadata/annotations', 'CronJob', { group: 'batch', create: true }),
  spec('spec/jobTemplate/spec/template/metadata/annotations', 'CronJob', { group: 'batch', create: true }),
];

/** images.go. */
export const IMAGES: FieldSpec[] = ['spec', 'spec/template/spec'].flatMap((at) => [
  spec(`${at}/containers[]/image`, undefined, { create: true }),
  spec(`${at}/initContainers[]/image`, undefined, { create: true }),
  spec(`${at}/volumes[]/image/reference`, undefined, { create: true }),
]);

/** replicas.go. */
export const REPLICAS: FieldSpec[] = ['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => spec('spec/replicas', kind, { create: true }));

/** A kind a name reference points at, and the fields that hold such names (namereference.go). */
export interface NameBackReference {
  kind: string;
  group?: string;
  version?: string;
  referrers: FieldSpec[];
}

/** Where each kind of workload keeps its pod spec, for the pod-spec name references. */
const POD_SPEC_AT: Record<string, string> = {
  Pod: 'spec',
  PodTemplate: 'template/spec',
  Deployment: 'spec/template/spec',
  ReplicaSet: 'spec/template/spec',
  DaemonSet: 'spec/template/spec',
  StatefulSet: 'spec/template/spec',
  Job: 'spec/template/spec',
  ReplicationController: 'spec/template/spec',
  CronJob: 'spec/jobTemplate/spec/template/spec',
};

function podSpecFields(kinds: string[], fields: string[]): FieldSpec[] {
  return kinds.flatMap((kind) => fields.map((f) => spec(`${POD_SPEC_AT[kind]}/${f}`, kind, kind === 'Pod' ? { version: 'v1' } : {})));
}

const CONFIG_KINDS = ['Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'];
const ACCOUNT_KINDS = ['Pod', 'StatefulSet', 'Deployment', 'ReplicationController', 'CronJob', 'Job', 'DaemonSet'];

export const NAME_REFERENCES: NameBackReference[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({ kind, referrers: [spec('spec/scaleTargetRef/name', 'HorizontalPodAutoscaler')] })),
  {
    kind: 'ConfigMap',
    version: 'v1',
    referrers: [
      ...podSpecFields(CONFIG_KINDS, ['volumes/configMap/name', 'containers/env/valueFrom/configMapKeyRef/name', 'initContainers/env/valueFrom/configMapKeyRef/name', 'containers/envFrom/configMapRef/name', 'initContainers/envFrom/configMapRef/name', 'volumes/projected/sources/configMap/name']),
      spec('spec/configSource/configMap', 'Node'),
      spec('rules/resourceNames', 'Role'),
      spec('rules/resourceNames', 'ClusterRole'),
      spec('metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap', 'Ingress'),
    ],
  },
  {
    kind: 'Secret',
    version: 'v1',
    referrers: [
      ...podSpecFields(CONFIG_KINDS, ['volumes/secret/secretName', 'containers/env/valueFrom/secretKeyRef/name', 'initContainers/env/valueFrom/secretKeyRef/name', 'containers/envFrom/secretRef/name', 'initContainers/envFrom/secretRef/name', 'imagePullSecrets/name', 'volumes/projected/sources/secret/name']),
      spec('spec/tls/secretName', 'Ingress'),
      spec('metadata/annotations/ingress.kubernetes.io\\/auth-secret', 'Ingress'),
      spec('metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret', 'Ingress'),
      spec('metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret', 'Ingress'),
      spec('imagePullSecrets/name', 'ServiceAccount'),
      spec('parameters/secretName', 'StorageClass'),
      spec('parameters/adminSecretName', 'StorageClass'),
      spec('parameters/userSecretName', 'StorageClass'),
      spec('parameters/secretRef', 'StorageClass'),
      spec('rules/resourceNames', 'Role'),
      spec('rules/resourceNames', 'ClusterRole'),
      spec('spec/azureFile/secretName', 'PersistentVolume'),
    ],
  },
  {
    kind: 'Service',
    version: 'v1',
    referrers: [
      spec('spec/serviceName', 'StatefulSet', { group: 'apps' }),
      spec('spec/rules/http/paths/backend/serviceName', 'Ingress'),
      spec('spec/backend/serviceName', 'Ingress'),
      spec('spec/rules/http/paths/backend/service/name', 'Ingress'),
      spec('spec/defaultBackend/service/name', 'Ingress'),
      spec('spec/service/name', 'APIService', { group: 'apiregistration.k8s.io' }),
      spec('webhooks/clientConfig/service', 'ValidatingWebhookConfiguration', { group: 'admissionregistration.k8s.io' }),
      spec('webhooks/clientConfig/service', 'MutatingWebhookConfiguration', { group: 'admissionregistration.k8s.io' }),
    ],
  },
  { kind: 'Role', group: 'rbac.authorization.k8s.io', referrers: [spec('roleRef/name', 'RoleBinding', { group: 'rbac.authorization.k8s.io' })] },
  { kind: 'ClusterRole', group: 'rbac.authorization.k8s.io', referrers: [spec('roleRef/name', 'RoleBinding', { group: 'rbac.authorization.k8s.io' }), spec('roleRef/name', 'ClusterRoleBinding', { group: 'rbac.authorization.k8s.io' })] },
  {
    kind: 'ServiceAccount',
    version: 'v1',
    referrers: [spec('subjects', 'RoleBinding', { group: 'rbac.authorization.k8s.io' }), spec('subjects', 'ClusterRoleBinding', { group: 'rbac.authorization.k8s.io' }), ...podSpecFields(ACCOUNT_KINDS, ['serviceAccountName']).map((s) => ({ ...s, version: undefined }))],
  },
  { kind: 'PersistentVolumeClaim', version: 'v1', referrers: podSpecFields(ACCOUNT_KINDS, ['volumes/persistentVolumeClaim/claimName']).map((s) => ({ ...s, version: undefined })) },
  { kind: 'PersistentVolume', version: 'v1', referrers: [spec('spec/volumeName', 'PersistentVolumeClaim'), spec('rules/resourceNames', 'ClusterRole')] },
  { kind: 'StorageClass', version: 'v1', group: 'storage.k8s.io', referrers: [spec('spec/storageClassName', 'PersistentVolume'), spec('spec/storageClassName', 'PersistentVolumeClaim'), spec('spec/volumeClaimTemplates/spec/storageClassName', 'StatefulSet')] },
  { kind: 'PriorityClass', version: 'v1', group: 'scheduling.k8s.io', referrers: podSpecFields(ACCOUNT_KINDS, ['priorityClassName']).map((s) => ({ ...s, version: undefined })) },
  // Upstream writes the group as `networking.k8s.io/v1`, which no id matches: kustomize never rewrites ingressClassName, and neither does svclab.
  { kind: 'IngressClass', group: 'networking.k8s.io/v1', referrers: [spec('spec/ingressClassName', 'Ingress')] },
];

/** kustomize's Gvk.IsSelected: every part the spec names must match. */
export function selects(s: { kind?: string; group?: string; version?: string }, obj: Record<string, unknown>): boolean {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  if (s.kind !== undefined && s.kind !== obj.kind) return false;
  if (s.group !== undefined && s.group !== apiGroup(apiVersion)) return false;
  if (s.version !== undefined && s.version !== (slash < 0 ? apiVersion : apiVersion.slice(slash + 1))) return false;
  return true;
}

/** Called on each field a spec reaches: its parent (a map) and key. */
export type FieldVisitor = (parent: Record<string, unknown>, key: string) => void;

/**
 * api/filters/fieldspec's walk: follows `spec.path` through `obj`, stepping into every item of
 * a list met on the way, creating missing maps when the spec says `create`, and calls `visit`
 * on the last field (which exists, or is to be created).
 */
export function walkFieldSpec(obj: Record<string, unknown>, s: FieldSpec, visit: FieldVisitor): void {
  if (!selects(s, obj)) return;
  const step = (node: unknown, i: number): void => {
    if (Array.isArray(node)) {
      for (const item of node) step(item, i);
      return;
    }
    if (!isRecord(node)) return;
    const seg = s.path[i].replace(/\[\]$/, '');
    if (i === s.path.length - 1) {
      if (seg in node || s.create) visit(node, seg);
      return;
    }
    let next = node[seg];
    if (next === undefined || next === null) {
      if (!s.create || s.path[i].endsWith('[]')) return;
      next = node[seg] = {};
    }
    step(next, i + 1);
  };
  step(obj, 0);
}
