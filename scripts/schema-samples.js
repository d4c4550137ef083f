/*
 * Objects shaped like the manifests users write, one or more per kind, that
 * scripts/compile-schemas.js validates before it takes each validator's V8 code cache.
 *
 * Why: a standalone validator is a few hundred functions (one per schema definition: Container,
 * Probe, EnvVar, ...), and V8 compiles a function the first time it runs. A code cache holds
 * only the functions compiled before it was taken: made after validating `{}` alone, it left a
 * one-file lint compiling the Deployment validator's inner functions as it went (3-5 ms of a
 * ~40 ms run, issue 14). A full instance of the schema (every field) gives the largest cache
 * (Deployment: 383 KB), slower to read than most runs need; these samples hold
 * the fields that the real-world corpus's workloads use most (containers, ports, env, resources,
 * probes, security contexts, configMap/secret/emptyDir volumes: 257 KB), and a field used less
 * often gets its functions compiled when it first runs. Deployment's validator, loaded and run
 * once on a small Deployment (medians of 15): 6.2 ms with the `{}` cache, 4-5 ms with the full
 * instance's, 3.7 ms with this one. A kind without a sample is validated as
 * `{}` only. Every sample is valid (test/schema/schema-samples.test.ts): a misspelt field would
 * visit nothing.
 */
'use strict';

const labels = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web-1', app: 'web' };
const metadata = (name, extra = {}) => ({ name, namespace: 'shop', labels, annotations: { 'example.com/owner': 'team-a' }, ...extra });
const selector = { matchLabels: { app: 'web' } };

function container(name) {
  return {
    name,
    image: 'registry.example.com/web:1.2.3',
    imagePullPolicy: 'IfNotPresent',
    command: ['/bin/web'],
    args: ['--port=8080'],
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090 },
    ],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'mode', optional: true } } },
    ],
    envFrom: [{ configMapRef: { name: 'web-config' } }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: 1, memory: '256Mi' } },
    livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
    readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5, successThreshold: 1 },
    startupProbe: { grpc: { port: 9090 }, failureThreshold: 30 },
    volumeMounts: [
      { name: 'config', mountPath: '/etc/web', readOnly: true },
      { name: 'data', mountPath: '/var/lib/web', subPath: 'web' },
    ],
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 1000,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
  };
}

function podSpec() {
  return {
    serviceAccountName: 'web',
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
    imagePullSecrets: [{ name: 'registry' }],
    initContainers: [{ name: 'migrate', image: 'registry.example.com/migrate:1.0', command: ['migrate', 'up'], resources: { limits: { memory: '64Mi' } } }],
    containers: [container('web')],
    volumes: [
      { name: 'config', configMap: { name: 'web-config', defaultMode: 420, items: [{ key: 'config.yaml', path: 'config.yaml' }] } },
      { name: 'secret', secret: { secretName: 'web-secret', optional: false } },
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    ],
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    priorityClassName: 'high',
    hostname: 'web',
    subdomain: 'web',
  };
}

const template = (spec = podSpec()) => ({ metadata: { labels, annotations: { 'checksum/config': 'abc' } }, spec });
const jobSpec = () => ({ backoffLimit: 3, completions: 1, parallelism: 1, ttlSecondsAfterFinished: 600, template: template({ ...podSpec(), restartPolicy: 'Never' }) });
const servicePort = [
  { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
  { name: 'metrics', port: 9090, targetPort: 9090, nodePort: 30090, appProtocol: 'http' },
];
const rules = [{ apiGroups: [''], resources: ['pods', 'services'], verbs: ['get', 'list', 'watch'] }];
const subjects = [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }];
const parentRefs = [{ name: 'gateway', namespace: 'infra', sectionName: 'https' }];
const backendRefs = [{ name: 'web', port: 80, weight: 1 }];

/** The samples of each kind, by `apiVersion kind`. */
const SAMPLES = {
  'apps/v1 Deployment': [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata('web'), spec: { replicas: 2, revisionHistoryLimit: 3, selector, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, template: template() } }],
  'apps/v1 StatefulSet': [{ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: metadata('db'), spec: { serviceName: 'db', replicas: 3, podManagementPolicy: 'Parallel', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, selector, template: template(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '10Gi' } } } }] } }],
  'apps/v1 DaemonSet': [{ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: metadata('agent'), spec: { selector, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }, template: template({ ...podSpec(), hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }) } }],
  'apps/v1 ReplicaSet': [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: metadata('web'), spec: { replicas: 1, selector, template: template() } }],
  'v1 ReplicationController': [{ apiVersion: 'v1', kind: 'ReplicationController', metadata: metadata('web'), spec: { replicas: 1, selector: { app: 'web' }, template: template() } }],
  'v1 Pod': [{ apiVersion: 'v1', kind: 'Pod', metadata: metadata('web'), spec: podSpec() }],
  'batch/v1 Job': [{ apiVersion: 'batch/v1', kind: 'Job', metadata: metadata('migrate'), spec: jobSpec() }],
  'batch/v1 CronJob': [{ apiVersion: 'batch/v1', kind: 'CronJob', metadata: metadata('backup'), spec: { schedule: '0 3 * * *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, startingDeadlineSeconds: 60, jobTemplate: { metadata: { labels }, spec: jobSpec() } } }],
  'v1 Service': [
    { apiVersion: 'v1', kind: 'Service', metadata: metadata('web'), spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: servicePort, sessionAffinity: 'None', ipFamilyPolicy: 'SingleStack' } },
    { apiVersion: 'v1', kind: 'Service', metadata: metadata('web-lb'), spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: servicePort, externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['10.0.0.0/8'] } },
    { apiVersion: 'v1', kind: 'Service', metadata: metadata('db'), spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: { app: 'db' }, ports: [{ name: 'tcp', port: 5432 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: metadata('ext'), spec: { type: 'ExternalName', externalName: 'db.example.com' } },
  ],
  'v1 ConfigMap': [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata('web-config'), data: { 'config.yaml': 'level: info\n', mode: 'fast' }, binaryData: { blob: 'AAEC' } }],
  'v1 Secret': [{ apiVersion: 'v1', kind: 'Secret', metadata: metadata('web-secret'), type: 'Opaque', data: { password: 'cGFzcw==' }, stringData: { user: 'web' } }],
  'v1 ServiceAccount': [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata('web'), automountServiceAccountToken: false, imagePullSecrets: [{ name: 'registry' }] }],
  'v1 Namespace': [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } } }],
  'v1 PersistentVolumeClaim': [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: metadata('web-data'), spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }],
  'networking.k8s.io/v1 Ingress': [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: metadata('web', { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }), spec: { ingressClassName: 'nginx', tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }], rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }, { path: '/api', pathType: 'ImplementationSpecific', backend: { service: { name: 'api', port: { name: 'http' } } } }] } }] } }],
  'networking.k8s.io/v1 NetworkPolicy': [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: metadata('web'), spec: { podSelector: selector, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }, { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 'http' }, { port: 8000, endPort: 8100 }] }], egress: [{ to: [{ podSelector: {} }], ports: [{ protocol: 'UDP', port: 53 }] }] } }],
  'autoscaling/v2 HorizontalPodAutoscaler': [{ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: metadata('web'), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } }],
  'policy/v1 PodDisruptionBudget': [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: metadata('web'), spec: { minAvailable: 1, selector } }],
  'rbac.authorization.k8s.io/v1 Role': [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: metadata('web'), rules }],
  'rbac.authorization.k8s.io/v1 ClusterRole': [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'web', labels }, rules }],
  'rbac.authorization.k8s.io/v1 RoleBinding': [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: metadata('web'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'web' }, subjects }],
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'web' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'web' }, subjects }],
  'gateway.networking.k8s.io/v1 GatewayClass': [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'shared' }, spec: { controllerName: 'example.com/gateway-controller' } }],
  'gateway.networking.k8s.io/v1 Gateway': [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: metadata('gateway'), spec: { gatewayClassName: 'shared', listeners: [{ name: 'https', protocol: 'HTTPS', port: 443, hostname: '*.example.com', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'tls' }] }, allowedRoutes: { namespaces: { from: 'Selector', selector } } }, { name: 'http', protocol: 'HTTP', port: 80 }] } }],
  'gateway.networking.k8s.io/v1 HTTPRoute': [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: metadata('web'), spec: { parentRefs, hostnames: ['shop.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'x-env', value: 'prod' }] }], filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'x-from', value: 'gw' }] } }], backendRefs }] } }],
  'gateway.networking.k8s.io/v1 GRPCRoute': [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata: metadata('grpc'), spec: { parentRefs, rules: [{ matches: [{ method: { service: 'shop.Cart', method: 'Get' } }], backendRefs }] } }],
  'gateway.networking.k8s.io/v1beta1 ReferenceGrant': [{ apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: metadata('allow'), spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'infra' }], to: [{ group: '', kind: 'Service' }] } }],
};

// The same Gateway API objects under their other served versions.
for (const kind of ['GatewayClass', 'Gateway', 'HTTPRoute']) {
  SAMPLES[`gateway.networking.k8s.io/v1beta1 ${kind}`] = SAMPLES[`gateway.networking.k8s.io/v1 ${kind}`].map((o) => ({ ...o, apiVersion: 'gateway.networking.k8s.io/v1beta1' }));
}
SAMPLES['gateway.networking.k8s.io/v1 ReferenceGrant'] = SAMPLES['gateway.networking.k8s.io/v1beta1 ReferenceGrant'].map((o) => ({ ...o, apiVersion: 'gateway.networking.k8s.io/v1' }));

module.exports = { SAMPLES };
