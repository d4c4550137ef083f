/**
 * The expectation kinds are one table (src/scenario/expectations.ts): the schema's `expect:`
 * keys, the runner's order, and svclab/jest's matchers all come from it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPECTATIONS } from '../../src/scenario/expectations';
import { svclabMatchers } from '../../src/jest';
import { runScenarios } from '../../src/scenario/index';
import { REPO_ROOT } from '../helpers';
import { scenario, tempTree, WEB_DEPLOYMENT, webService } from './fixtures';

interface Node {
  $ref?: string;
  properties?: Record<string, Node>;
}
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/scenario.schema.json'), 'utf8')) as Node & { definitions: Record<string, Node> };
/** The keys allowed under the scenario's `expect:` (a definition it refers to). */
const EXPECT_KEYS = Object.keys(SCHEMA.definitions[SCHEMA.properties!.expect.$ref!.replace('#/definitions/', '')].properties ?? {});

describe('the table of expectation kinds', () => {
  test('has one entry per key the scenario schema allows under `expect:`', () => {
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(EXPECT_KEYS.sort());
  });

  test('svclab/jest offers exactly the matchers the kinds register', () => {
    const registered = Object.values(EXPECTATIONS).flatMap((k) => Object.keys(k.matchers ?? {}));
    expect(Object.keys(svclabMatchers).sort()).toEqual(registered.sort());
    expect(registered.sort()).toEqual(['toHaveFinding', 'toResolveTo', 'toRouteTo']);
  });

  test('the runner checks an `expect:` kind by kind in the table\'s order, whatever order the file lists them in', async () => {
    const root = tempTree({
      's/scenario.yaml': scenario(`expect:
  get: [ { resource: svc, snapshot: svc.txt } ]
  matrix: [ { from: [ pod ], to: [ web:8080 ], expect: ok } ]
  reachability: [ { port: 8080, namespaces: [ empty ], table: "TCP/8080" } ]
  dns: [ { from: pod, name: web, expect: { rcode: NOERROR } } ]
  routes: [ { from: pod, to: web:8080, expect: { outcome: ok } }, { from: pod, to: web:9999, expect: { outcome: refused } } ]
  endpoints: [ { service: web, ready: { count: 3 } } ]
  objects: [ { ref: Service/web } ]
  lint: { errors: 0 }
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService(),
    });
    const run = await runScenarios([root], { cwd: root, jobs: 1, update: true });
    const kinds = run.scenarios[0].expectations.map((e) => e.kind);
    expect(kinds).toEqual(['lint', 'objects', 'endpoints', 'routes', 'routes', 'dns', 'matrix', 'reachability', 'get']);
    // `http` needs an Ingress or a Gateway; scenarios/21-ingress-and-gateway-canary and test/edge/scenario-http.test.ts run it.
    expect([...new Set(kinds)]).toEqual(Object.keys(EXPECTATIONS).filter((k) => k !== 'http'));
    expect(run.scenarios[0].expectations.map((e) => e.name.split(' ')[2])).toEqual(['lint', 'objects[0]', 'endpoints[0]', 'routes[0]', 'routes[1]', 'dns[0]', 'matrix[0]', 'reachability[0]', 'get[0]']);
    expect(run.scenarios[0].status).toBe('passed');
  });

  test('only sampled checks carry a seed, which the reports print', async () => {
    const root = tempTree({
      's/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n  routes: [ { from: pod, to: web:8080, expect: { outcome: ok } } ]\n  matrix: [ { from: [ pod ], to: [ web:8080 ], expect: ok } ]\n'),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService(),
    });
    const run = await runScenarios([root], { cwd: root, jobs: 1 });
    expect(run.scenarios[0].expectations.map((e) => [e.kind, e.seed])).toEqual([['lint', null], ['routes', 1], ['matrix', 1]]);
  });
});
