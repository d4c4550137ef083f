// portallocator Allocate → ErrNotInRange: --service-node-port-range, default 30000-32767, bounds inclusive.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithShared, ruleTester, findingsOf, lintYaml, runCli, sharedPath } from '../helpers';
import { lint } from '../../src/lint';
import { service } from './service-yaml';

const np = (n: number, extra = '') => service('web', `  type: NodePort\n${extra}  ports:\n  - port: 80\n    nodePort: ${n}`);

/** The seed tutorial's NodePort Service, as written in 002_dac3240c9147ea64.txt. */
const counterNp = (nodePort: number) => `apiVersion: v1
kind: Service
metadata:
  name: counter-np
spec:
  type: NodePort # Service Resource의 타입을 지정
  ports:
    - port: 3000 # 외부에 노출될 포트
      protocol: TCP
      nodePort: ${nodePort} # 목적지 포트, 30000~32767 사이의 포트를 사용할 수 있고, 지정하지 않으면 이 범위에서 랜덤으로 할당된다.
  selector:
    app: counter
    tier: app
`;

ruleTester('nodeport-out-of-range', {
  valid: [
    np(30000),
    np(32767),
    counterNp(31000),
    service('web', '  type: LoadBalancer\n  ports:\n  - port: 80\n    nodePort: 31000'),
    // A custom range from the config.
    { code: np(40000), options: { nodePortRange: { min: 40000, max: 40100 } } },
    // healthCheckNodePort on a Local LoadBalancer, in range.
    service('lb', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  ports:\n  - port: 80'),
  ],
  invalid: [
    { code: np(29999), errors: [{ line: 9, column: 15, path: 'spec.ports[0].nodePort', severity: 'error', message: 'nodePort 29999 is outside the node port range 30000-32767' }] },
    { code: np(32768), errors: [{ message: /nodePort 32768 is outside the node port range 30000-32767/ }] },
    { code: counterNp(40000), errors: [{ line: 10, column: 17, path: 'spec.ports[0].nodePort', object: 'Service/default/counter-np' }] },
    { code: np(31000), options: { nodePortRange: { min: 40000, max: 40100 } }, errors: [{ message: /outside the node port range 40000-40100/ }] },
    {
      code: service('lb', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 8080\n  ports:\n  - port: 80'),
      errors: [{ line: 8, column: 24, path: 'spec.healthCheckNodePort', message: /healthCheckNodePort 8080 is outside/ }],
    },
  ],
});

test('an out-of-range port is not also reported as a conflict', () => {
  const code = service('web', '  type: NodePort\n  ports:\n  - {name: a, port: 80, nodePort: 40000}\n  - {name: b, port: 81, nodePort: 40000}');
  expect(findingsOf(code, 'nodeport-out-of-range')).toHaveLength(2);
  expect(findingsOf(code, 'nodeport-conflict')).toHaveLength(0);
});

test('CLI: the seed counter-np changed to nodePort 40000 fails with the finding at the value node', async () => {
  const res = await runCli(['lint', '--format', 'json', '-'], { stdin: counterNp(40000) });
  expect(res.code).toBe(1);
  const out = JSON.parse(res.stdout) as { findings: Array<{ ruleId: string; line: number; column: number; path: string }> };
  expect(out.findings.filter((f) => f.ruleId === 'nodeport-out-of-range').map((f) => [f.line, f.column, f.path])).toEqual([[10, 17, 'spec.ports[0].nodePort']]);
});

const SERVICE_RULES = [
  'service-ports-missing', 'service-port-name-required', 'service-port-name-duplicate', 'service-port-duplicate', 'service-port-name-invalid',
  'target-port-invalid', 'nodeport-out-of-range', 'nodeport-not-allowed', 'nodeport-conflict', 'cluster-ip-invalid', 'headless-invalid',
  'externalname-invalid', 'external-traffic-policy-invalid', 'session-affinity-invalid', 'external-ip-invalid',
  'loadbalancer-field-not-allowed', 'loadbalancer-source-ranges-invalid',
  'service-field-ignored', 'service-deprecated-field', 'service-ip-non-canonical', 'service-external-ips',
];

describeWithShared('the seed tutorial 002 (../shared/seeds)', 'seeds/002_dac3240c9147ea64.txt', () => {
  test('the seed file itself: counter-np passes, and 31000 -> 40000 fails at that line', () => {
    const text = fs.readFileSync(sharedPath('seeds', '002_dac3240c9147ea64.txt'), 'utf8');
    const block = /```yaml\n(apiVersion: v1\nkind: Service\nmetadata:\n  name: counter-np[\s\S]*?)```/.exec(text)?.[1];
    expect(block).toBeDefined();
    // Alone, the Service selects no workload (another rule's business); no Service rule may fire.
    expect(lintYaml(block ?? '').findings.filter((f) => SERVICE_RULES.includes(f.ruleId))).toEqual([]);
    const broken = (block ?? '').replace('nodePort: 31000', 'nodePort: 40000');
    const found = findingsOf(broken, 'nodeport-out-of-range');
    expect(found.map((f) => [f.line, f.column])).toEqual([[10, 17]]);
  });
});

const CORPUS = sharedPath('corpus', 'real-world');
describeWithShared('Service rules on the real-world corpus', 'corpus/real-world', () => {
  const apps = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory());
  test.each(apps)('%s: no finding of any Service rule (sock-shop NodePorts 30001/31090, ingress-nginx Local LB, voting-app 31000/31001 are all valid)', async (app) => {
    const run = await lint([path.join(CORPUS, app)]);
    expect(run.findings.filter((f) => SERVICE_RULES.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });
});
