/**
 * Every finding names the message it was made from (`messageId`, as ESLint's results carry
 * it): in the library's Finding, `lint --format json` and SARIF `properties`. The ids are the
 * keys of the rule's `meta.messages`, including those of the stages before the rules.
 */
import { RULES_BY_ID } from '../../src/rules/index';
import { lintYaml, runCli } from '../helpers';

const INPUT = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: { app: web }
  ports:
  - port: 80
    nodePort: 80
---
- not an object
---
metadata: { name: no-kind }
`;

test('each finding names one of its rule\'s messages, stage findings included', () => {
  const findings = lintYaml({ 'app.yaml': INPUT }).findings;
  expect(findings.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual([
    'service-selector-no-match/noMatch',
    'nodeport-out-of-range/outOfRange',
    'not-an-object/documentList',
    'missing-kind/both',
  ]);
  for (const f of findings) expect(Object.keys(RULES_BY_ID.get(f.ruleId)?.meta.messages ?? {})).toContain(f.messageId);
});

test('lint --format json and --format sarif carry the messageId', async () => {
  const files = { 'bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n' };
  const json = await runCli(['lint', '--format', 'json', '-'], { stdin: files['bad.yaml'] });
  expect(JSON.parse(json.stdout).findings).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', messageId: 'tabs' })]);
  const sarif = await runCli(['lint', '--format', 'sarif', '-'], { stdin: files['bad.yaml'] });
  expect(JSON.parse(sarif.stdout).runs[0].results[0].properties).toEqual({ messageId: 'tabs' });
});
