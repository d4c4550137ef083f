/*
 * What scripts/gen-kinds.js knows about Kubernetes kinds beyond the kubernetes-types package
 * (which says which apiVersion serves which kind, and nothing else). Hand-written data, each
 * part from the reference named above it; `npm run gen:kinds` turns it into
 * src/model/kinds.generated.json, and fails when a served kind is missing here.
 */
'use strict';

/**
 * Every resource of Kubernetes 1.30, as `kubectl api-resources` prints it on a 1.30 cluster
 * with the alpha APIs enabled (APIVERSION: the preferred version of the resource's group).
 * Subresources whose kind kubernetes-types lists (Eviction, Scale, TokenRequest) are written
 * `resource/subresource`; the discovery documents APIGroup and APIVersions, which are no
 * resource at all, `-`. The last block lists removed kinds as the last release serving them did.
 */
const API_RESOURCES = `
NAME                                SHORTNAMES   APIVERSION                             NAMESPACED   KIND
-                                                v1                                     false        APIGroup
-                                                v1                                     false        APIVersions
bindings                                         v1                                     true         Binding
componentstatuses                   cs           v1                                     false        ComponentStatus
configmaps                          cm           v1                                     true         ConfigMap
endpoints                           ep           v1                                     true         Endpoints
events                              ev           v1                                     true         Event
limitranges                         limits       v1                                     true         LimitRange
namespaces                          ns           v1                                     false        Namespace
nodes                               no           v1                                     false        Node
persistentvolumeclaims              pvc          v1                                     true         PersistentVolumeClaim
persistentvolumes                   pv           v1                                     false        PersistentVolume
pods                                po           v1                                     true         Pod
podtemplates                                     v1                                     true         PodTemplate
replicationcontrollers              rc           v1                                     true         ReplicationController
resourcequotas                      quota        v1                                     true         ResourceQuota
secrets                                          v1                                     true         Secret
serviceaccounts                     sa           v1                                     true         ServiceAccount
services                            svc          v1                                     true         Service
mutatingwebhookconfigurations                    admissionregistration.k8s.io/v1        false        MutatingWebhookConfiguration
validatingadmissionpolicies                      admissionregistration.k8s.io/v1        false        ValidatingAdmissionPolicy
validatingadmissionpolicybindings                admissionregistration.k8s.io/v1        false        ValidatingAdmissionPolicyBinding
validatingwebhookconfigurations                  admissionregistration.k8s.io/v1        false        ValidatingWebhookConfiguration
customresourcedefinitions           crd,crds     apiextensions.k8s.io/v1                false        CustomResourceDefinition
apiservices                                      apiregistration.k8s.io/v1              false        APIService
controllerrevisions                              apps/v1                                true         ControllerRevision
daemonsets                          ds           apps/v1                                true         DaemonSet
deployments                         deploy       apps/v1                                true         Deployment
replicasets                         rs           apps/v1                                true         ReplicaSet
statefulsets                        sts          apps/v1                                true         StatefulSet
selfsubjectreviews                               authentication.k8s.io/v1               false        SelfSubjectReview
serviceaccounts/token                            authentication.k8s.io/v1               true         TokenRequest
tokenreviews                                     authentication.k8s.io/v1               false        TokenReview
localsubjectaccessreviews                        authorization.k8s.io/v1                true         LocalSubjectAccessReview
selfsubjectaccessreviews                         authorization.k8s.io/v1                false        SelfSubjectAccessReview
selfsubjectrulesreviews                          authorization.k8s.io/v1                false        SelfSubjectRulesReview
subjectaccessreviews                             authorization.k8s.io/v1                false        SubjectAccessReview
horizontalpodautoscalers            hpa          autoscaling/v2                         true         HorizontalPodAutoscaler
deployments/scale                                autoscaling/v1                         true         Scale
cronjobs                            cj           batch/v1                               true         CronJob
jobs                                             batch/v1                               true         Job
certificatesigningrequests          csr          certificates.k8s.io/v1                 false        CertificateSigningRequest
clustertrustbundles                              certificates.k8s.io/v1alpha1           false        ClusterTrustBundle
leases                                           coordination.k8s.io/v1                 true         Lease
endpointslices                                   discovery.k8s.io/v1                    true         EndpointSlice
events                              ev           events.k8s.io/v1                       true         Event
flowschemas                                      flowcontrol.apiserver.k8s.io/v1        false        FlowSchema
prioritylevelconfigurations                      flowcontrol.apiserver.k8s.io/v1        false        PriorityLevelConfiguration
storageversions                                  internal.apiserver.k8s.io/v1alpha1     false        StorageVersion
ingressclasses                                   networking.k8s.io/v1                   false        IngressClass
ingresses                           ing          networking.k8s.io/v1                   true         Ingress
networkpolicies                     netpol       networking.k8s.io/v1                   true         NetworkPolicy
ipaddresses                                      networking.k8s.io/v1alpha1             false        IPAddress
servicecidrs                                     networking.k8s.io/v1alpha1             false        ServiceCIDR
runtimeclasses                                   node.k8s.io/v1                         false        RuntimeClass
pods/eviction                                    policy/v1                              true         Eviction
poddisruptionbudgets                pdb          policy/v1                              true         PodDisruptionBudget
clusterrolebindings                              rbac.authorization.k8s.io/v1           false        ClusterRoleBinding
clusterroles                                     rbac.authorization.k8s.io/v1           false        ClusterRole
rolebindings                                     rbac.authorization.k8s.io/v1           true         RoleBinding
roles                                            rbac.authorization.k8s.io/v1           true         Role
podschedulingcontexts                            resource.k8s.io/v1alpha2               true         PodSchedulingContext
resourceclaimparameters                          resource.k8s.io/v1alpha2               true         ResourceClaimParameters
resourceclaims                                   resource.k8s.io/v1alpha2               true         ResourceClaim
resourceclaimtemplates                           resource.k8s.io/v1alpha2               true         ResourceClaimTemplate
resourceclasses                                  resource.k8s.io/v1alpha2               false        ResourceClass
resourceclassparameters                          resource.k8s.io/v1alpha2               true         ResourceClassParameters
resourceslices                                   resource.k8s.io/v1alpha2               false        ResourceSlice
priorityclasses                     pc           scheduling.k8s.io/v1                   false        PriorityClass
csidrivers                                       storage.k8s.io/v1                      false        CSIDriver
csinodes                                         storage.k8s.io/v1                      false        CSINode
csistoragecapacities                             storage.k8s.io/v1                      true         CSIStorageCapacity
storageclasses                      sc           storage.k8s.io/v1                      false        StorageClass
volumeattachments                                storage.k8s.io/v1                      false        VolumeAttachment
volumeattributesclasses                          storage.k8s.io/v1alpha1                false        VolumeAttributesClass
storageversionmigrations                         storagemigration.k8s.io/v1alpha1       false        StorageVersionMigration
podsecuritypolicies                 psp          policy/v1beta1                         false        PodSecurityPolicy
`;

/**
 * Where each workload kind keeps the pod template its controller makes pods from (`` for a
 * Pod, which is its own template), in the field names of the API reference. Only these
 * kinds make pods in svclab's simulated cluster.
 */
const POD_TEMPLATES = {
  Pod: '',
  Deployment: 'spec.template',
  ReplicaSet: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  Job: 'spec.template',
  ReplicationController: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

const SELECTOR_REQUIRED = 'apps/v1 requires spec.selector (use the template labels) and it is immutable after creation';
const INGRESS_V1 = 'networking.k8s.io/v1 renames spec.backend to spec.defaultBackend, serviceName/servicePort to service.name/service.port.number|name, and requires pathType on each path';

/**
 * Removed apiVersions, from the Kubernetes "Deprecated API Migration Guide"
 * (kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md): the release
 * that stopped serving them, the apiVersion to use instead (null when the kind itself is
 * gone) and the guide's notable changes ('' when none).
 */
const REMOVED_APIS = [
  // v1.16
  ['extensions/v1beta1', 'v1.16', 'apps/v1', ['Deployment', 'DaemonSet', 'ReplicaSet'], SELECTOR_REQUIRED],
  ['apps/v1beta1', 'v1.16', 'apps/v1', ['Deployment', 'StatefulSet', 'ReplicaSet'], SELECTOR_REQUIRED],
  ['apps/v1beta2', 'v1.16', 'apps/v1', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], SELECTOR_REQUIRED],
  ['extensions/v1beta1', 'v1.16', 'networking.k8s.io/v1', ['NetworkPolicy']],
  ['extensions/v1beta1', 'v1.16', null, ['PodSecurityPolicy'], 'PodSecurityPolicy was removed altogether in v1.25; use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)'],
  // v1.17
  ['scheduling.k8s.io/v1alpha1', 'v1.17', 'scheduling.k8s.io/v1', ['PriorityClass']],
  // v1.22
  ['extensions/v1beta1', 'v1.22', 'networking.k8s.io/v1', ['Ingress'], INGRESS_V1],
  ['networking.k8s.io/v1beta1', 'v1.22', 'networking.k8s.io/v1', ['Ingress'], INGRESS_V1],
  ['networking.k8s.io/v1beta1', 'v1.22', 'networking.k8s.io/v1', ['IngressClass']],
  ['admissionregistration.k8s.io/v1beta1', 'v1.22', 'admissionregistration.k8s.io/v1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    'v1 requires webhooks[*].sideEffects and admissionReviewVersions, and defaults failurePolicy to Fail'],
  ['apiextensions.k8s.io/v1beta1', 'v1.22', 'apiextensions.k8s.io/v1', ['CustomResourceDefinition'],
    'v1 requires spec.scope and a structural schema per version (spec.versions[*].schema.openAPIV3Schema)'],
  ['apiregistration.k8s.io/v1beta1', 'v1.22', 'apiregistration.k8s.io/v1', ['APIService']],
  ['authentication.k8s.io/v1beta1', 'v1.22', 'authentication.k8s.io/v1', ['TokenReview']],
  ['authorization.k8s.io/v1beta1', 'v1.22', 'authorization.k8s.io/v1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview']],
  ['certificates.k8s.io/v1beta1', 'v1.22', 'certificates.k8s.io/v1', ['CertificateSigningRequest'], 'v1 requires spec.signerName and spec.usages'],
  ['coordination.k8s.io/v1beta1', 'v1.22', 'coordination.k8s.io/v1', ['Lease']],
  ['rbac.authorization.k8s.io/v1beta1', 'v1.22', 'rbac.authorization.k8s.io/v1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']],
  ['rbac.authorization.k8s.io/v1alpha1', 'v1.22', 'rbac.authorization.k8s.io/v1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']],
  ['scheduling.k8s.io/v1beta1', 'v1.22', 'scheduling.k8s.io/v1', ['PriorityClass']],
  ['storage.k8s.io/v1beta1', 'v1.22', 'storage.k8s.io/v1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment']],
  // v1.25
  ['batch/v1beta1', 'v1.25', 'batch/v1', ['CronJob']],
  ['discovery.k8s.io/v1beta1', 'v1.25', 'discovery.k8s.io/v1', ['EndpointSlice'],
    'v1 replaces topology["kubernetes.io/hostname"] with nodeName and topology["topology.kubernetes.io/zone"] with zone'],
  ['events.k8s.io/v1beta1', 'v1.25', 'events.k8s.io/v1', ['Event']],
  ['autoscaling/v2beta1', 'v1.25', 'autoscaling/v2', ['HorizontalPodAutoscaler']],
  ['policy/v1beta1', 'v1.25', 'policy/v1', ['PodDisruptionBudget'], 'in policy/v1 an empty spec.selector selects every pod of the namespace'],
  ['policy/v1beta1', 'v1.25', null, ['PodSecurityPolicy'], 'PodSecurityPolicy was removed without a replacement API; use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)'],
  ['node.k8s.io/v1beta1', 'v1.25', 'node.k8s.io/v1', ['RuntimeClass']],
  // v1.26
  ['autoscaling/v2beta2', 'v1.26', 'autoscaling/v2', ['HorizontalPodAutoscaler']],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'v1.26', 'flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration']],
  // v1.27
  ['storage.k8s.io/v1beta1', 'v1.27', 'storage.k8s.io/v1', ['CSIStorageCapacity']],
  // v1.29
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'v1.29', 'flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration']],
  // v1.32
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'v1.32', 'flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration']],
].flatMap(([apiVersion, removedIn, replacement, kinds, note = '']) => kinds.map((kind) => ({ apiVersion, kind, removedIn, replacement, note })));

/**
 * Custom resource kinds of widely used projects whose controllers never make pods: they
 * configure scraping, routing, certificates, secrets or policies for pods that something else
 * runs. svclab does not model them (they stay custom resources), but it must not offer them as
 * possible owners of the pods a Service or NetworkPolicy selects. Each row: API group, kinds,
 * and the reference that says what the controller does with them. Kinds whose controllers may
 * make pods are left out on purpose (prometheus-operator's Prometheus, Alertmanager,
 * ThanosRuler; Gateway API's Gateway, which Istio and Envoy Gateway provision pods for;
 * cert-manager's Challenge, whose HTTP-01 solver is a pod; KEDA's ScaledJob; Argo CD
 * Applications and Flux HelmReleases, which deploy workloads).
 */
const CUSTOM_KINDS_WITHOUT_PODS = [
  // prometheus-operator Documentation/api-reference: scrape and alerting configuration read by Prometheus/Alertmanager pods.
  ['monitoring.coreos.com', ['ServiceMonitor', 'PodMonitor', 'Probe', 'PrometheusRule', 'AlertmanagerConfig', 'ScrapeConfig']],
  // cert-manager.io docs, "Certificate", "Issuer": certificates are written to Secrets.
  ['cert-manager.io', ['Certificate', 'CertificateRequest', 'Issuer', 'ClusterIssuer']],
  // Istio reference, "Traffic Management", "Security", "Telemetry": configuration pushed to existing proxies.
  ['networking.istio.io', ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'EnvoyFilter', 'WorkloadEntry', 'WorkloadGroup', 'ProxyConfig']],
  ['security.istio.io', ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication']],
  ['telemetry.istio.io', ['Telemetry']],
  // gateway-api apis/v1 and apis/v1alpha2: routes, classes and grants attach to Gateways.
  ['gateway.networking.k8s.io', ['TCPRoute', 'TLSRoute', 'UDPRoute', 'BackendTLSPolicy']],
  // Traefik "Kubernetes CRD" routing reference (both API groups it has used).
  ['traefik.io', ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'TLSOption', 'TLSStore', 'TraefikService', 'ServersTransport', 'ServersTransportTCP']],
  ['traefik.containo.us', ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'TLSOption', 'TLSStore', 'TraefikService', 'ServersTransport']],
  // Contour "HTTPProxy" reference.
  ['projectcontour.io', ['HTTPProxy', 'TLSCertificateDelegation']],
  // KEDA "Scaling Deployments": a ScaledObject scales an existing workload.
  ['keda.sh', ['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication']],
  // External Secrets Operator and Sealed Secrets: they write Secrets.
  ['external-secrets.io', ['ExternalSecret', 'ClusterExternalSecret', 'SecretStore', 'ClusterSecretStore', 'PushSecret']],
  ['bitnami.com', ['SealedSecret']],
  // kubernetes/autoscaler vertical-pod-autoscaler: recommendations for pods that exist.
  ['autoscaling.k8s.io', ['VerticalPodAutoscaler', 'VerticalPodAutoscalerCheckpoint']],
  // kubernetes-csi external-snapshotter.
  ['snapshot.storage.k8s.io', ['VolumeSnapshot', 'VolumeSnapshotClass', 'VolumeSnapshotContent']],
  // Network policies of Cilium and Calico, and Kyverno policies.
  ['cilium.io', ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy']],
  ['crd.projectcalico.org', ['NetworkPolicy', 'GlobalNetworkPolicy']],
  ['projectcalico.org', ['NetworkPolicy', 'GlobalNetworkPolicy']],
  ['kyverno.io', ['ClusterPolicy', 'Policy']],
].flatMap(([group, kinds]) => kinds.map((kind) => ({ group, kind })));

/** svclab's own kinds (group svclab.io): not Kubernetes', but read through the same catalogue. */
const SVCLAB_KINDS = [
  { group: 'svclab.io', kind: 'Cluster', versions: ['v1alpha1'], namespaced: false, resource: null, shortNames: [] },
];

/**
 * The Gateway API's standard kinds, which svclab routes (src/edge/): from the CRDs of
 * kubernetes-sigs/gateway-api config/crd/standard (spec.names, spec.scope, the served versions,
 * storage version first; ReferenceGrant stores v1beta1 but serves v1 too). Their schemas come
 * from the same CRDs (scripts/gen-gateway-schemas.js).
 */
const GATEWAY_API_KINDS = [
  { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', versions: ['v1', 'v1beta1'], namespaced: false, resource: 'gatewayclasses', shortNames: ['gc'] },
  { group: 'gateway.networking.k8s.io', kind: 'Gateway', versions: ['v1', 'v1beta1'], namespaced: true, resource: 'gateways', shortNames: ['gtw'] },
  { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', versions: ['v1', 'v1beta1'], namespaced: true, resource: 'httproutes', shortNames: [] },
  { group: 'gateway.networking.k8s.io', kind: 'ReferenceGrant', versions: ['v1', 'v1beta1'], namespaced: true, resource: 'referencegrants', shortNames: ['refgrant'] },
  { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', versions: ['v1'], namespaced: true, resource: 'grpcroutes', shortNames: [] },
];

module.exports = { API_RESOURCES, POD_TEMPLATES, REMOVED_APIS, SVCLAB_KINDS, CUSTOM_KINDS_WITHOUT_PODS, GATEWAY_API_KINDS };
