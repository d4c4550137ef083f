import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findingsOf, lintYaml, runCli } from '../helpers';

/** A kubeconform-style schema for cert-manager.io/v1 Certificate (trimmed). */
const CERTIFICATE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  type: 'object',
  required: ['spec'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['secretName', 'issuerRef'],
      properties: {
        secretName: { type: 'string', description: 'Name of the Secret resource that will be created.' },
        dnsNames: { type: 'array', items: { type: 'string' } },
        duration: { type: 'string' },
        issuerRef: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } }, required: ['name'] },
      },
    },
  },
};

const certificate = (spec: string) => `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
spec:
${spec}
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-schemas-'));
  fs.writeFileSync(path.join(dir, 'certificate-cert-manager-v1.json'), JSON.stringify(CERTIFICATE_SCHEMA));
  fs.writeFileSync(path.join(dir, 'issuer-cert-manager-v1.json'), '{ "type": "object", ');
  fs.writeFileSync(path.join(dir, 'clusterissuer-cert-manager-v1.json'), '{ "type": "no-such-type" }');
  fs.writeFileSync(path.join(dir, 'README.md'), 'not a schema');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('--schema-dir (kubeconform-named schemas for custom resources)', () => {
  test('a custom resource with a schema is validated, not an unknown kind', () => {
    const code = certificate('  secretName: web-tls\n  issuerRef: {name: letsencrypt}\n  dnsNames: [example.com]');
    const run = lintYaml(code, { schemaDirs: [dir] });
    expect(run.findings.map((f) => f.ruleId)).toEqual([]);
  });

  test('without --schema-dir the same object is an unknown-kind info that names the file to add', () => {
    const [f] = findingsOf(certificate('  secretName: web-tls'), 'unknown-kind');
    expect(f.hint).toContain('certificate-cert-manager-v1.json');
  });

  test('unknown fields and missing required fields of a custom resource are found', () => {
    const code = certificate('  secretname: web-tls\n  issuerRef: {kind: ClusterIssuer}');
    const unknown = findingsOf(code, 'unknown-field', { schemaDirs: [dir] });
    expect(unknown.map((f) => [f.line, f.column, f.message])).toEqual([[6, 3, 'unknown field `secretname` in Certificate spec (did you mean `secretName`?)']]);
    const schema = findingsOf(code, 'schema', { schemaDirs: [dir] });
    expect(schema.map((f) => [f.line, f.path, f.message])).toEqual([
      [6, 'spec', 'Certificate spec is missing the required field `secretName`'],
      [7, 'spec.issuerRef', 'Certificate spec.issuerRef is missing the required field `name`'],
    ]);
    expect(schema[0].hint).toContain('Name of the Secret resource');
  });

  test('a schema file that is not valid JSON is a finding on the objects, not a crash', () => {
    const code = `apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: i}\nspec: {}\n`;
    const [f] = findingsOf(code, 'schema', { schemaDirs: [dir] });
    expect(f.message).toMatch(/^the schema issuer-cert-manager-v1\.json for cert-manager\.io\/v1 Issuer cannot be used: it is not valid JSON .*; this object was not checked$/);
    expect(f.line).toBe(2);
  });

  test('a schema ajv cannot compile is a finding too', () => {
    const code = `apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: i}\n`;
    const [f] = findingsOf(code, 'schema', { schemaDirs: [dir] });
    expect(f.message).toMatch(/cannot be used: ajv cannot compile it/);
  });

  test('the CLI flag works and a missing folder is a usage error (exit 2)', async () => {
    const file = path.join(dir, 'cert.yaml');
    fs.writeFileSync(file, certificate('  secretName: web-tls\n  issuerRef: {name: x}\n  duraton: 1h'));
    const ok = await runCli(['lint', '--format', 'json', '--no-config', '--schema-dir', dir, file]);
    expect(ok.code).toBe(1);
    const json = JSON.parse(ok.stdout) as { findings: Array<{ ruleId: string; message: string }> };
    expect(json.findings.map((f) => f.ruleId)).toEqual(['unknown-field']);
    expect(json.findings[0].message).toContain('did you mean `duration`?');

    const missing = await runCli(['lint', '--no-config', '--schema-dir', path.join(dir, 'nope'), file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--schema-dir ${path.join(dir, 'nope')} does not exist`);
  });
});
