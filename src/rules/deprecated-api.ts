import { defineRule } from './rule';

/** An apiVersion that Kubernetes stopped serving for a kind. */
export interface RemovedApi {
  apiVersion: string;
  kind: string;
  /** The Kubernetes release that stopped serving it. */
  removedIn: string;
  /** The apiVersion to use instead; null when the kind itself is gone. */
  replacement: string | null;
  /** What else changes when migrating, for the hint; '' when nothing notable. */
  note: string;
}

const SELECTOR_REQUIRED = 'apps/v1 requires spec.selector (use the template labels) and it is immutable after creation';
const INGRESS_V1 = 'networking.k8s.io/v1 renames spec.backend to spec.defaultBackend, serviceName/servicePort to service.name/service.port.number|name, and requires pathType on each path';

function group(apiVersion: string, removedIn: string, replacement: string | null, kinds: string[], note = ''): RemovedApi[] {
  return kinds.map((kind) => ({ apiVersion, kind, removedIn, replacement, note }));
}

/**
 * Removed apiVersions, from the Kubernetes "Deprecated API Migration Guide"
 * (kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md).
 * Exported so that the schema stage can skip objects that no current API server accepts.
 */
export const REMOVED_APIS: readonly RemovedApi[] = [
  // v1.16
  ...group('extensions/v1beta1', 'v1.16', 'apps/v1', ['Deployment', 'DaemonSet', 'ReplicaSet'], SELECTOR_REQUIRED),
  ...group('apps/v1beta1', 'v1.16', 'apps/v1', ['Deployment', 'StatefulSet', 'ReplicaSet'], SELECTOR_REQUIRED),
  ...group('apps/v1beta2', 'v1.16', 'apps/v1', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], SELECTOR_REQUIRED),
  ...group('extensions/v1beta1', 'v1.16', 'networking.k8s.io/v1', ['NetworkPolicy']),
  ...group('extensions/v1beta1', 'v1.16', null, ['PodSecurityPolicy'], 'PodSecurityPolicy was removed altogether in v1.25; use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)'),
  // v1.17
  ...group('scheduling.k8s.io/v1alpha1', 'v1.17', 'scheduling.k8s.io/v1', ['PriorityClass']),
  // v1.22
  ...group('extensions/v1beta1', 'v1.22', 'networking.k8s.io/v1', ['Ingress'], INGRESS_V1),
  ...group('networking.k8s.io/v1beta1', 'v1.22', 'networking.k8s.io/v1', ['Ingress'], INGRESS_V1),
  ...group('networking.k8s.io/v1beta1', 'v1.22', 'networking.k8s.io/v1', ['IngressClass']),
  ...group('admissionregistration.k8s.io/v1beta1', 'v1.22', 'admissionregistration.k8s.io/v1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    'v1 requires webhooks[*].sideEffects and admissionReviewVersions, and defaults failurePolicy to Fail'),
  ...group('apiextensions.k8s.io/v1beta1', 'v1.22', 'apiextensions.k8s.io/v1', ['CustomResourceDefinition'],
    'v1 requires spec.scope and a structural schema per version (spec.versions[*].schema.openAPIV3Schema)'),
  ...group('apiregistration.k8s.io/v1beta1', 'v1.22', 'apiregistration.k8s.io/v1', ['APIService']),
  ...group('authentication.k8s.io/v1beta1', 'v1.22', 'authentication.k8s.io/v1', ['TokenReview']),
  ...group('authorization.k8s.io/v1beta1', 'v1.22', 'authorization.k8s.io/v1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview']),
  ...group('certificates.k8s.io/v1beta1', 'v1.22', 'certificates.k8s.io/v1', ['CertificateSigningRequest'], 'v1 requires spec.signerName and spec.usages'),
  ...group('coordination.k8s.io/v1beta1', 'v1.22', 'coordination.k8s.io/v1', ['Lease']),
  ...group('rbac.authorization.k8s.io/v1beta1', 'v1.22', 'rbac.authorization.k8s.io/v1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']),
  ...group('rbac.authorization.k8s.io/v1alpha1', 'v1.22', 'rbac.authorization.k8s.io/v1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']),
  ...group('scheduling.k8s.io/v1beta1', 'v1.22', 'scheduling.k8s.io/v1', ['PriorityClass']),
  ...group('storage.k8s.io/v1beta1', 'v1.22', 'storage.k8s.io/v1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment']),
  // v1.25
  ...group('batch/v1beta1', 'v1.25', 'batch/v1', ['CronJob']),
  ...group('discovery.k8s.io/v1beta1', 'v1.25', 'discovery.k8s.io/v1', ['EndpointSlice'],
    'v1 replaces topology["kubernetes.io/hostname"] with nodeName and topology["topology.kubernetes.io/zone"] with zone'),
  ...group('events.k8s.io/v1beta1', 'v1.25', 'events.k8s.io/v1', ['Event']),
  ...group('autoscaling/v2beta1', 'v1.25', 'autoscaling/v2', ['HorizontalPodAutoscaler']),
  ...group('policy/v1beta1', 'v1.25', 'policy/v1', ['PodDisruptionBudget'], 'in policy/v1 an empty spec.selector selects every pod of the namespace'),
  ...group('policy/v1beta1', 'v1.25', null, ['PodSecurityPolicy'], 'PodSecurityPolicy was removed without a replacement API; use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)'),
  ...group('node.k8s.io/v1beta1', 'v1.25', 'node.k8s.io/v1', ['RuntimeClass']),
  // v1.26
  ...group('autoscaling/v2beta2', 'v1.26', 'autoscaling/v2', ['HorizontalPodAutoscaler']),
  ...group('flowcontrol.apiserver.k8s.io/v1beta1', 'v1.26', 'flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration']),
  // v1.27
  ...group('storage.k8s.io/v1beta1', 'v1.27', 'storage.k8s.io/v1', ['CSIStorageCapacity']),
  // v1.29
  ...group('flowcontrol.apiserver.k8s.io/v1beta2', 'v1.29', 'flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration']),
  // v1.32
  ...group('flowcontrol.apiserver.k8s.io/v1beta3', 'v1.32', 'flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration']),
];

const BY_KEY = new Map(REMOVED_APIS.map((r) => [`${r.apiVersion} ${r.kind}`, r]));

/** The removal record for this apiVersion and kind, if Kubernetes no longer serves it. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return BY_KEY.get(`${apiVersion} ${kind}`);
}

export default defineRule({
  meta: {
    id: 'deprecated-api',
    severity: 'warning',
    description: 'An apiVersion that Kubernetes no longer serves for this kind (e.g. extensions/v1beta1 Deployment).',
    category: 'input',
    scope: 'object',
    messages: {
      removed: {
        message: '{{apiVersion}} {{kind}} is no longer served since Kubernetes {{removedIn}}; a current API server rejects it ("no matches for kind {{kind}} in version {{apiVersion}}")',
        hint: 'Change apiVersion to {{replacement}}{{note}}.',
      },
      removedNoReplacement: {
        message: '{{apiVersion}} {{kind}} is no longer served since Kubernetes {{removedIn}}, and the kind has no replacement',
        hint: 'Remove this object; {{note}}.',
      },
    },
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      const removed = removedApi(o.ref.apiVersion, o.kind);
      if (!removed) continue;
      const data = { apiVersion: removed.apiVersion, kind: removed.kind, removedIn: removed.removedIn };
      if (removed.replacement) {
        ctx.report({
          messageId: 'removed', manifest: o.manifest, path: ['apiVersion'],
          data: { ...data, replacement: removed.replacement, note: removed.note ? `; note that ${removed.note}` : '' },
        });
      } else {
        ctx.report({ messageId: 'removedNoReplacement', manifest: o.manifest, path: ['apiVersion'], data: { ...data, note: removed.note } });
      }
    }
  },
});
