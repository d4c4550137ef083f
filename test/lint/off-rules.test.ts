/**
 * A rule set to `off` is not run at all (issue 14): its findings would be dropped anyway, and a
 * slow cross-object rule should cost nothing once a user turns it off. ESLint does the same
 * (a rule with severity "off" is never created: lib/linter/linter.js runRules).
 */
import { activeRules, offRules } from '../../src/lint';
import { RULES } from '../../src/rules/index';
import { lintYaml, runCli } from '../helpers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: nothing}\n  ports: [{port: 80}]\n';

test('activeRules leaves out exactly the rules set to off', () => {
  expect(offRules({ 'service-selector-no-match': 'off', 'ambiguous-scalar': 'warning' })).toEqual(['service-selector-no-match']);
  const ids = activeRules({ 'service-selector-no-match': 'off' }).map((r) => r.meta.id);
  expect(ids).not.toContain('service-selector-no-match');
  expect(ids.length).toBe(RULES.length - 1);
});

test('an off rule`s check is never called; the other rules report as before', () => {
  const rule = RULES.find((r) => r.meta.id === 'service-selector-no-match')!;
  const spy = jest.spyOn(rule, 'check');
  try {
    const on = lintYaml(svc);
    expect(spy).toHaveBeenCalled();
    expect(on.findings.map((f) => f.ruleId)).toContain('service-selector-no-match');
    spy.mockClear();
    const off = lintYaml(svc, { rules: { 'service-selector-no-match': 'off' } });
    expect(spy).not.toHaveBeenCalled();
    expect(off.findings).toEqual(on.findings.filter((f) => f.ruleId !== 'service-selector-no-match'));
  } finally {
    spy.mockRestore();
  }
});

test('through the CLI: --rule NAME=off (or the config file) skips the rule', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-off-'));
  fs.writeFileSync(path.join(dir, 'svc.yaml'), svc);
  fs.writeFileSync(path.join(dir, 'svclab.config.yaml'), 'rules:\n  service-selector-no-match: off\n');
  const out = await runCli(['lint', '--format', 'json', 'svc.yaml'], { cwd: dir });
  expect(JSON.parse(out.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('service-selector-no-match');
  fs.rmSync(dir, { recursive: true, force: true });
});
