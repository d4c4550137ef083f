import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import {
  isBuiltinApiVersion, isBuiltinGroupOf, isKubernetesGroup, isNamespaced, isServed, kindForResource, kindInfo, kindsInGroup, podTemplatePath,
  preferredApiVersion, removedApi, schemaFiles, servedVersionsOf,
} from '../../src/model/kinds';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the kinds catalogue (src/model/kinds.generated.json)', () => {
  test('is what scripts/gen-kinds.js makes from kubernetes-types, scripts/kinds/sources.js and schemas/ (--check)', () => {
    expect(() => execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-kinds.js'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  test('served versions (Kubernetes 1.30), most stable first, and the preferred one', () => {
    expect(kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')).toMatchObject({ versions: ['v2', 'v1'], preferredVersion: 'v2' });
    expect(servedVersionsOf('ValidatingAdmissionPolicy')).toEqual(['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1alpha1']);
    expect([isServed('apps/v1', 'Deployment'), isServed('apps/v1beta2', 'Deployment'), isServed('v1', 'Deployment')]).toEqual([true, false, false]);
    expect(kindsInGroup('discovery.k8s.io/v1')).toEqual(['EndpointSlice']);
    expect([preferredApiVersion('ReplicaSet'), preferredApiVersion('Job'), preferredApiVersion('ReplicationController')]).toEqual(['apps/v1', 'batch/v1', 'v1']);
  });

  test('scope (kubectl api-resources NAMESPACED); a custom resource is taken as namespaced', () => {
    expect(['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'].map((k) => isNamespaced('v1', k))).toEqual([false, false, false, false]);
    expect([isNamespaced('rbac.authorization.k8s.io/v1', 'ClusterRole'), isNamespaced('networking.k8s.io/v1', 'IngressClass'), isNamespaced('storage.k8s.io/v1', 'CSIStorageCapacity')]).toEqual([false, false, true]);
    expect([isNamespaced('svclab.io/v1alpha1', 'Cluster'), isNamespaced('example.com/v1', 'Widget')]).toEqual([false, true]);
    // A removed apiVersion keeps its kind's scope.
    expect([isNamespaced('extensions/v1beta1', 'Deployment'), isNamespaced('extensions/v1beta1', 'PodSecurityPolicy')]).toEqual([true, false]);
  });

  test('removed apiVersions from the deprecation guide, with release and replacement', () => {
    expect(removedApi('extensions/v1beta1', 'Ingress')).toMatchObject({ removedIn: 'v1.22', replacement: 'networking.k8s.io/v1' });
    expect(removedApi('policy/v1beta1', 'PodSecurityPolicy')).toMatchObject({ removedIn: 'v1.25', replacement: null });
    expect(removedApi('networking.k8s.io/v1', 'Ingress')).toBeUndefined();
  });

  test("API groups: Kubernetes' own (served or removed) and svclab's are built in; custom groups are not", () => {
    expect([isBuiltinApiVersion('extensions/v1beta1'), isBuiltinApiVersion('svclab.io/v1alpha1'), isBuiltinApiVersion('cert-manager.io/v1')]).toEqual([true, true, false]);
    expect([isKubernetesGroup('apps/v9'), isKubernetesGroup('extensions/v1beta1'), isKubernetesGroup('svclab.io/v1alpha1')]).toEqual([true, false, false]);
    expect([isBuiltinGroupOf({ apiVersion: 'serving.knative.dev/v1', kind: 'Service' }), isBuiltinGroupOf({ apiVersion: 'extensions/v1beta1', kind: 'Ingress' }), isBuiltinGroupOf({ apiVersion: 'example.com/v1', kind: 'Widget' })]).toEqual([false, true, true]);
  });

  test("kubectl's resource words: plural, singular, short names, and plural.group", () => {
    expect(['po', 'pods', 'Pod', 'svc', 'ep', 'deploy', 'sts', 'netpol', 'endpointslices.discovery.k8s.io'].map((w) => kindForResource(w)?.kind))
      .toEqual(['Pod', 'Pod', 'Pod', 'Service', 'Endpoints', 'Deployment', 'StatefulSet', 'NetworkPolicy', 'EndpointSlice']);
    expect([kindForResource('events')?.group, kindForResource('widgets')]).toEqual(['', undefined]);
  });

  test('pod templates and schema files', () => {
    expect([podTemplatePath('Pod'), podTemplatePath('Deployment'), podTemplatePath('CronJob'), podTemplatePath('Service')]).toEqual([[], ['spec', 'template'], ['spec', 'jobTemplate', 'spec', 'template'], undefined]);
    expect(schemaFiles()).toContainEqual({ apiVersion: 'v1', kind: 'Service', file: 'k8s/service-v1.json' });
    expect(schemaFiles()).toContainEqual({ apiVersion: 'svclab.io/v1alpha1', kind: 'Cluster', file: 'cluster-svclab-v1alpha1.json' });
  });
});
