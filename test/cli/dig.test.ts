/** `svclab dig`: dig-like text, the JSON contract, -x, types and exit codes. */
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';
import type { DnsResult } from '../../src/sim/types';

const dir = tempDir({
  'app.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  clusterIP: 10.96.100.100
  ports:
  - name: http
    port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: example.com
`,
});
const f = ['-f', dir];

describe('svclab dig', () => {
  test('text looks like dig: status, QUESTION and ANSWER sections, SERVER', async () => {
    const r = await runCli(['dig', 'web', ...f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+/);
    expect(r.stdout).toMatch(/;; QUESTION SECTION:\n;web\.default\.svc\.cluster\.local\.\s+IN\s+A/);
    expect(r.stdout).toMatch(/;; ANSWER SECTION:\nweb\.default\.svc\.cluster\.local\.\t30\tIN\tA\t10\.96\.100\.100/);
    expect(r.stdout).toMatch(/;; SERVER: 10\.96\.0\.10#53\(10\.96\.0\.10\)/);
  });

  test('json: query, tried, rcode, answers', async () => {
    const r = await runCli(['dig', 'web', 'srv', '--format', 'json', ...f]);
    const out = JSON.parse(r.stdout) as DnsResult;
    expect(out.query).toEqual({ name: 'web', type: 'SRV', from: 'pod', namespace: 'default' });
    expect(out.tried).toEqual(['web.default.svc.cluster.local.']);
    expect(out.rcode).toBe('NOERROR');
    expect(out.answers).toEqual([{ name: 'web.default.svc.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 80 web.default.svc.cluster.local.' }]);
  });

  test('NXDOMAIN exits 1 and lists every name tried', async () => {
    const r = await runCli(['dig', 'nope', '-o', 'json', ...f]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as DnsResult;
    expect(out.rcode).toBe('NXDOMAIN');
    expect(out.tried).toHaveLength(4);
    const text = await runCli(['dig', 'nope', ...f]);
    expect(text.stdout).toMatch(/status: NXDOMAIN/);
    expect(text.stdout).toMatch(/;; SEARCH: tried nope\.default\.svc\.cluster\.local\., nope\.svc\.cluster\.local\., nope\.cluster\.local\., nope\./);
  });

  test('-x does a reverse lookup', async () => {
    const r = await runCli(['dig', '-x', '10.96.100.100', '-o', 'json', ...f]);
    const out = JSON.parse(r.stdout) as DnsResult;
    expect(out.query.type).toBe('PTR');
    expect(out.answers[0].data).toBe('web.default.svc.cluster.local.');
  });

  test('from a node, cluster names do not resolve', async () => {
    const r = await runCli(['dig', 'web.default.svc.cluster.local', '--from', 'node/node-1', ...f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/status: NXDOMAIN/);
    expect(r.stdout).toMatch(/a resolver outside the cluster/);
  });

  test('ExternalName: CNAME then the upstream address', async () => {
    const r = await runCli(['dig', 'ext', ...f]);
    expect(r.stdout).toMatch(/ext\.default\.svc\.cluster\.local\.\t30\tIN\tCNAME\texample\.com\./);
    expect(r.stdout).toMatch(/example\.com\.\t30\tIN\tA\t93\.184\.215\.14/);
  });

  test('usage errors exit 2', async () => {
    expect((await runCli(['dig', ...f])).code).toBe(2);
    expect((await runCli(['dig', 'web', 'MX', ...f])).code).toBe(2);
    expect((await runCli(['dig', '-x', 'not-an-ip', ...f])).code).toBe(2);
    const bad = await runCli(['dig', 'web', '--from', 'node/nod-1', ...f]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean node\/node-1/);
    expect((await runCli(['dig', '--help'])).code).toBe(0);
  });
});
