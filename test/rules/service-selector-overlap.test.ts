import { findingsOf, ruleTester } from '../helpers';

const dep = (name: string, labels: Record<string, string>, image: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ')}}
  template:
    metadata:
      labels: {${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ')}}
    spec:
      containers:
      - name: main
        image: ${image}
`;

const svc = (name: string, selector: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {${selector}}
  ports:
  - port: 6379
`;

// The seed's redis and counter Deployments (002 seed): app=counter on both, told apart by tier.
const redis = dep('redis', { app: 'counter', tier: 'db' }, 'redis');
const counter = dep('counter', { app: 'counter', tier: 'app' }, 'ghcr.io/subicura/counter:latest');

ruleTester('service-selector-overlap', {
  valid: [
    // The seed as written: the selector includes tier: db.
    redis + counter + svc('redis', 'app: counter, tier: db'),
    // Istio Bookinfo: reviews v1/v2/v3 differ only in the version label and image: intended version routing.
    dep('reviews-v1', { app: 'reviews', version: 'v1' }, 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.3')
      + dep('reviews-v2', { app: 'reviews', version: 'v2' }, 'docker.io/istio/examples-bookinfo-reviews-v2:1.20.3')
      + dep('reviews-v3', { app: 'reviews', version: 'v3' }, 'docker.io/istio/examples-bookinfo-reviews-v3:1.20.3')
      + svc('reviews', 'app: reviews'),
    // Canary with a track label and the same image repository (different tags).
    dep('api', { app: 'api', track: 'stable' }, 'example/api:1.0') + dep('api-canary', { app: 'api', track: 'canary', tier: 'edge' }, 'example/api:1.1')
      + svc('api', 'app: api'),
    // One workload only.
    redis + svc('redis', 'app: counter'),
  ],
  invalid: [
    {
      code: redis + counter + svc('redis', 'app: counter'),
      errors: [{
        line: 37, column: 13, path: 'spec.selector', severity: 'warning', object: 'Service/default/redis',
        message: 'selector app=counter picks the pods of 2 workloads that look like different apps: Deployment/default/redis (app=counter,tier=db; image redis) and Deployment/default/counter (app=counter,tier=app; image ghcr.io/subicura/counter:latest)',
      }],
    },
    {
      // Two Services with the same selector share one selection (selectedWorkloads); each is judged and reported.
      code: redis + counter + svc('redis', 'app: counter') + svc('counter', 'app: counter'),
      errors: [
        { line: 37, path: 'spec.selector', object: 'Service/default/redis', message: 'picks the pods of 2 workloads' },
        { line: 46, path: 'spec.selector', object: 'Service/default/counter', message: 'picks the pods of 2 workloads' },
      ],
    },
  ],
});

test('the finding links both workloads and suggests the label that tells them apart', () => {
  const [f] = findingsOf({ 'app.yaml': redis + counter + svc('redis', 'app: counter') }, 'service-selector-overlap');
  expect(f.related.map((r) => `${r.file}:${r.line} ${r.message}`)).toEqual([
    'app.yaml:11 pods of Deployment/default/redis carry these labels',
    'app.yaml:26 pods of Deployment/default/counter carry these labels',
  ]);
  expect(f.hint).toContain('`tier: db`');
});
