import { deployment, findingsOf, ruleTester } from '../helpers';

const workload = (kind: string, selector: string, labels: string, apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
spec:
  selector: ${selector}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - { name: web, image: nginx }
`;

ruleTester('workload-selector-mismatch', {
  valid: [
    deployment('hostname-deployment', { app: 'webserver' }),
    // The selector may be a subset of the template labels.
    workload('StatefulSet', '{ matchLabels: { app: db } }', '{ app: db, tier: data }'),
    workload('DaemonSet', '{ matchExpressions: [ { key: tier, operator: In, values: [agent, node] }, { key: legacy, operator: DoesNotExist } ] }', '{ tier: agent }'),
    // A missing selector is the schema's required-field error.
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [ { name: web, image: nginx } ] }\n`,
    // Old API versions defaulted the selector from the template; deprecated-api reports those.
    workload('Deployment', '{}', '{ app: web }', 'extensions/v1beta1'),
    // A `__proto__` key (bad input) is invalid-label's finding; the selector is not empty.
    workload('Deployment', '{ matchLabels: { __proto__: x } }', '{ __proto__: x }'),
    // A ReplicationController without selector takes the template labels.
    `apiVersion: v1\nkind: ReplicationController\nmetadata: { name: legacy }\nspec:\n  template:\n    metadata: { labels: { app: legacy } }\n    spec: { containers: [ { name: c, image: nginx } ] }\n`,
    // Jobs generate their own selector.
    `apiVersion: batch/v1\nkind: Job\nmetadata: { name: once }\nspec:\n  template:\n    metadata: { labels: { app: once } }\n    spec: { restartPolicy: Never, containers: [ { name: c, image: busybox } ] }\n`,
  ],
  invalid: [
    {
      // ValidatePodTemplateSpecForReplicaSet: "`selector` does not match template `labels`", at spec.template.metadata.labels.
      code: workload('Deployment', '{ matchLabels: { app: web-server } }', '{ app: webserver }'),
      errors: [{
        line: 9, column: 15, path: 'spec.template.metadata.labels', object: 'Deployment/default/web',
        message: 'Deployment spec.selector app=web-server does not match its pod template labels app=webserver: the API server rejects it ("`selector` does not match template `labels`"); failing: app=web-server (the template has app=webserver)',
      }],
    },
    {
      code: workload('StatefulSet', '{ matchLabels: { app: db, role: primary } }', '{ app: db }'),
      errors: [{ message: 'failing: role=primary (the template has no role label)' }],
    },
    {
      code: workload('ReplicaSet', '{ matchExpressions: [ { key: tier, operator: NotIn, values: [canary] } ] }', '{ tier: canary }'),
      errors: [{ message: 'selector tier notin (canary) does not match its pod template labels tier=canary' }],
    },
    {
      // "empty selector is invalid for daemonset" (ValidateDaemonSetSpec).
      code: workload('DaemonSet', '{}', '{ app: agent }'),
      errors: [{ line: 6, column: 13, path: 'spec.selector', message: 'DaemonSet spec.selector is empty: the API server rejects it ("empty selector is invalid for daemonset")' }],
    },
    {
      // A ReplicationController's selector is a plain map; when set, it must match as well.
      code: `apiVersion: v1\nkind: ReplicationController\nmetadata: { name: legacy }\nspec:\n  selector: { app: legacy, v: \"2\" }\n  template:\n    metadata: { labels: { app: legacy, v: \"1\" } }\n    spec: { containers: [ { name: c, image: nginx } ] }\n`,
      errors: [{ line: 7, column: 25, object: 'ReplicationController/default/legacy', message: 'ReplicationController spec.selector app=legacy,v=2 does not match its pod template labels app=legacy,v=1' }],
    },
    {
      code: workload('Deployment', '{ matchLabels: {} }', '{ app: web }'),
      errors: [{ message: '"empty selector is invalid for deployment"' }],
    },
  ],
});

test('workload-selector-mismatch links the selector', () => {
  const [f] = findingsOf(workload('Deployment', '{ matchLabels: { app: a } }', '{ app: b }'), 'workload-selector-mismatch');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 6, column: 13, message: 'the selector: app=a' }]);
});
