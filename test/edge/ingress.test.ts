/**
 * Ingress through ingress-nginx. Path matching follows the table of the Kubernetes docs
 * (concepts/services-networking/ingress.md "Examples"), hosts its "Hostname wildcards" table,
 * classes the DefaultIngressClass admission plugin and ingress-nginx's class handling, statuses
 * ingress-nginx's answers (404 default backend, 503 no service / no endpoints, 308 ssl-redirect,
 * 504 upstream timeout).
 */
import { simulate } from '../../src/index';
import { ingressHostMatches, prefixMatches, splitPathQuery } from '../../src/edge/http-match';
import { ingressPathMatches } from '../../src/edge/ingress';
import type { IngressHTTPPath } from '../../src/model/edge';
import type { SimCluster } from '../../src/sim/types';

const app = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: echo, ports: [{containerPort: 8080}]}]${extra}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {selector: {app: ${name}}, ports: [{name: http, port: 80, targetPort: 8080}]}
---
`;
const APPS = ['a', 'b', 'c', 'd'].map((n) => app(n)).join('');

type Path = [string, string, string]; // path, pathType, service
function ingress(name: string, host: string | null, paths: Path[], extra = ''): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}}
spec:
${extra}  rules:
  - ${host ? `host: "${host}"\n    ` : ''}http:
      paths:
${paths.map(([p, t, s]) => `      - {path: "${p}", pathType: ${t}, backend: {service: {name: ${s}, port: {number: 80}}}}\n`).join('')}---
`;
}

function get(c: SimCluster, url: string, opts: { headers?: string[]; method?: string; resolve?: string[] } = {}) {
  return c.route({ from: 'external', to: url, ...opts }).results[0];
}
const svc = (a: ReturnType<typeof get>) => (a.status === 200 ? a.service : a.status);

describe('Ingress path types (Kubernetes docs, Ingress "Examples" table)', () => {
  const p = (path: string, pathType: IngressHTTPPath['pathType']): IngressHTTPPath => ({ path, pathType, backend: { path: [] }, fieldPath: [] });
  it.each([
    ['Prefix', '/', '/anything', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['ImplementationSpecific', '/aaa/bb', '/aaa/bbb', true],
  ] as const)('%s %s, request %s: %s', (type, path, request, want) => {
    expect(ingressPathMatches(p(path, type), request)).toBe(want);
  });
  it('prefixMatches ignores a trailing slash of the prefix', () => expect(prefixMatches('/a/', '/a')).toBe(true));

  const c = simulate(APPS + ingress('multi', 'shop.example.com', [['/', 'Prefix', 'a'], ['/aaa', 'Prefix', 'b'], ['/aaa/bbb', 'Prefix', 'c'], ['/foo', 'Prefix', 'a'], ['/foo', 'Exact', 'd']]));
  it.each([
    ['/aaa/ccc', 'default/b'],
    ['/aaa/bbb', 'default/c'],
    ['/ccc', 'default/a'],
    ['/foo', 'default/d'],
    ['/foo/x', 'default/a'],
  ])('several paths: %s goes to %s (the longest match; Exact before Prefix on a tie)', (path, want) => {
    expect(svc(get(c, `http://shop.example.com${path}`))).toBe(want);
  });
  it('a path that matches nothing, without defaultBackend: 404 from the default backend', () => {
    const c2 = simulate(APPS + ingress('one', 'shop.example.com', [['/aaa', 'Prefix', 'a']]));
    const a = get(c2, 'http://shop.example.com/ccc');
    expect([a.outcome, a.status, a.route, a.why.message]).toEqual(['ok', 404, null, 'ingress-no-match']);
  });
  it('with a defaultBackend the unmatched path goes there', () => {
    const c2 = simulate(APPS + ingress('one', 'shop.example.com', [['/aaa', 'Prefix', 'a']], '  defaultBackend: {service: {name: b, port: {name: http}}}\n'));
    const a = get(c2, 'http://shop.example.com/ccc');
    expect([a.status, a.service, a.route]).toEqual([200, 'default/b', { kind: 'Ingress', namespace: 'default', name: 'one', rule: null, match: null }]);
  });
});

describe('Ingress hosts (Ingress docs "Hostname wildcards"; ingress-nginx server selection)', () => {
  it.each([
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['foo.bar.com', 'foo.bar.com', true],
  ])('%s vs %s: %s', (rule, host, want) => expect(ingressHostMatches(rule, host)).toBe(want));

  const c = simulate(APPS + ingress('hosts', null, [['/', 'Prefix', 'c']]) + ingress('exact', 'foo.bar.com', [['/', 'Prefix', 'a']]) + ingress('wild', '*.bar.com', [['/', 'Prefix', 'b']]));
  it('an exact host before a wildcard, the wildcard for one label, rules without host for the rest', () => {
    const addr = c.services.find((s) => s.name === 'ingress-nginx-controller')!.spec.externalIPs[0];
    const via = (host: string) => svc(get(c, `http://${addr}/`, { headers: [`Host: ${host}`] }));
    expect([via('foo.bar.com'), via('baz.bar.com'), via('a.baz.bar.com'), via('other.org')]).toEqual(['default/a', 'default/b', 'default/c', 'default/c']);
  });
  it('a name an Ingress rule names resolves from outside; --resolve overrides it; the Host header picks the rule', () => {
    expect(get(c, 'http://foo.bar.com/').hops[1].message).toBe('edge-address');
    const addr = c.services.find((s) => s.name === 'ingress-nginx-controller')!.spec.externalIPs[0];
    const a = get(c, 'http://anything.test/', { resolve: [`anything.test:80:${addr}`], headers: ['Host: foo.bar.com'] });
    expect([a.status, a.service, a.hops[1].detail.by]).toEqual([200, 'default/a', 'resolve']);
  });
  it('query strings do not take part in path matching', () => expect(splitPathQuery('/a?x=1&y=%20')).toEqual({ path: '/a', query: [['x', '1'], ['y', ' ']] }));
});

describe('Ingress classes (DefaultIngressClass admission plugin; ingress-nginx IsValid)', () => {
  const cls = (name: string, controller: string, isDefault = false) => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ${name}${isDefault ? ', annotations: {ingressclass.kubernetes.io/is-default-class: "true"}' : ''}}
spec: {controller: ${controller}}
---
`;
  it('without IngressClasses in the input, the built-in default class nginx serves class-less Ingresses', () => {
    expect(get(simulate(APPS + ingress('x', 'h.example.com', [['/', 'Prefix', 'a']])), 'http://h.example.com/').status).toBe(200);
  });
  it('an Ingress of a class no controller serves is not routed', () => {
    const c = simulate(APPS + cls('nginx', 'k8s.io/ingress-nginx') + ingress('x', 'h.example.com', [['/', 'Prefix', 'a']], '  ingressClassName: traefik\n') + ingress('y', 'other.example.com', [['/', 'Prefix', 'b']], '  ingressClassName: nginx\n'));
    expect(c.route({ from: 'external', to: 'http://h.example.com/' }).results[0].outcome).toBe('dns-error');
    expect(get(c, 'http://other.example.com/').service).toBe('default/b');
  });
  it('with two default classes the later one in input order fills class-less Ingresses', () => {
    const c = simulate(APPS + cls('first', 'k8s.io/ingress-nginx', true) + cls('second', 'example.com/other', true) + ingress('x', 'h.example.com', [['/', 'Prefix', 'a']]));
    expect(c.route({ from: 'external', to: 'http://h.example.com/' }).results[0].outcome).toBe('dns-error');
  });
  it('the deprecated kubernetes.io/ingress.class: nginx annotation is served', () => {
    const c = simulate(APPS + cls('other', 'example.com/other') + ingress('x', 'h.example.com', [['/', 'Prefix', 'a']]).replace('metadata: {name: x}', 'metadata: {name: x, annotations: {kubernetes.io/ingress.class: nginx}}'));
    expect(get(c, 'http://h.example.com/').status).toBe(200);
  });
});

describe('ingress-nginx answers', () => {
  it('503 for a backend Service that does not exist', () => {
    const a = get(simulate(APPS + ingress('x', 'h.example.com', [['/', 'Prefix', 'missing']])), 'http://h.example.com/');
    expect([a.outcome, a.status, a.why.detail.cause]).toEqual(['ok', 503, 'no-service']);
  });
  it('503 for a backend without ready endpoints', () => {
    const a = get(simulate(APPS + 'apiVersion: v1\nkind: Service\nmetadata: {name: empty}\nspec: {selector: {app: none}, ports: [{port: 80}]}\n---\n' + ingress('x', 'h.example.com', [['/', 'Prefix', 'empty']])), 'http://h.example.com/');
    expect([a.status, a.why.message, a.service]).toEqual([503, 'edge-upstream-failed', 'default/empty']);
  });
  it('308 to https when a TLS entry covers the host (ssl-redirect); https terminates at the controller', () => {
    const c = simulate(APPS + ingress('x', 'h.example.com', [['/', 'Prefix', 'a']], '  tls: [{hosts: [h.example.com], secretName: h-tls}]\n'));
    expect(get(c, 'http://h.example.com/x').status).toBe(308);
    const a = get(c, 'https://h.example.com/x');
    expect([a.status, a.service]).toEqual([200, 'default/a']);
    expect(a.hops.find((h) => h.message === 'edge-tls')?.detail).toMatchObject({ covered: true, secret: 'default/h-tls' });
  });
  it('the oldest Ingress (the earlier in input order) wins a host+path conflict', () => {
    const c = simulate(APPS + ingress('old', 'h.example.com', [['/', 'Prefix', 'a']]) + ingress('new', 'h.example.com', [['/', 'Prefix', 'b']]));
    expect(get(c, 'http://h.example.com/').route).toEqual({ kind: 'Ingress', namespace: 'default', name: 'old', rule: 0, match: 0 });
  });
});

describe('a dropped controller -> backend leg (internalTrafficPolicy: Local, endpoint on another node)', () => {
  function pinnedAway(edge: string): SimCluster {
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const local = app('local', `, nodeSelector: {kubernetes.io/hostname: ${node}}`).replace("ports: [{name: http, port: 80, targetPort: 8080}]}", 'internalTrafficPolicy: Local, ports: [{name: http, port: 80, targetPort: 8080}]}');
      const c = simulate(local + edge);
      const proxy = c.pods.find((p) => p.namespace === 'ingress-nginx' || p.namespace === 'gateway-system')!;
      if (proxy.nodeName !== node) return c;
    }
    throw new Error('no node apart from the proxy');
  }
  it('ingress-nginx answers 504', () => {
    const a = get(pinnedAway(ingress('x', 'h.example.com', [['/', 'Prefix', 'local']])), 'http://h.example.com/');
    expect([a.outcome, a.status, a.why.detail.outcome]).toEqual(['ok', 504, 'dropped']);
    expect(a.hops.some((h) => h.message === 'no-local-endpoints-internal')).toBe(true);
  });
  it('a Gateway answers 503', () => {
    const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.net/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec: {gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec: {parentRefs: [{name: gw}], hostnames: [h.example.com], rules: [{backendRefs: [{name: local, port: 80}]}]}
`;
    const a = get(pinnedAway(gw), 'http://h.example.com/');
    expect([a.outcome, a.status, a.why.detail.outcome]).toEqual(['ok', 503, 'dropped']);
  });
});

// Issue 10: "NetworkPolicy applies to the controller -> backend leg (a denied leg answers 504 for the
// ingress controller)". The e2e netpol suite's "should support a 'default-deny-ingress' policy" and
// "should allow ingress access from namespace on one named port" shapes, with the controller's
// namespace (ingress-nginx, labelled kubernetes.io/metadata.name) as the peer.
describe('NetworkPolicy on the controller -> backend leg', () => {
  const deny = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
`;
  const allowController = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-ingress-nginx}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
    ports: [{port: 8080}]
---
`;
  const edge = ingress('x', 'h.example.com', [['/', 'Prefix', 'a']]);

  it('a default-deny ingress policy on the backend: ingress-nginx answers 504, the hop names the policy', () => {
    const a = get(simulate(app('a') + deny + edge), 'http://h.example.com/');
    expect([a.outcome, a.status, a.why.detail.outcome]).toEqual(['ok', 504, 'dropped']);
    expect(a.hops.some((h) => h.message === 'network-policy-denied')).toBe(true);
  });

  it('a policy allowing the controller namespace on the target port lets the request through (200)', () => {
    const a = get(simulate(app('a') + deny + allowController + edge), 'http://h.example.com/');
    expect([a.outcome, a.status, a.service]).toEqual(['ok', 200, 'default/a']);
  });

  it('--ignore-network-policies (networkPolicies: ignore) routes as a plugin without NetworkPolicy support', () => {
    const c = simulate(app('a') + deny + edge, { cluster: { networkPolicies: 'ignore' } });
    expect(get(c, 'http://h.example.com/').status).toBe(200);
  });
});
