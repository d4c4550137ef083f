import { runCli } from '../helpers';
import { scenario, tempTree, WEB_DEPLOYMENT, webService } from '../scenarios/fixtures';

describe('svclab validate', () => {
  test('valid scenarios and clean manifests: exit 0, nothing is simulated', async () => {
    const root = tempTree({ 'a/scenario.yaml': scenario('expect: { lint: { errors: 0 } }\n'), 'a/d.yaml': WEB_DEPLOYMENT, 'a/s.yaml': webService() });
    const r = await runCli(['validate'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ demo a/scenario.yaml (2 manifest files)');
  });

  test('a schema error is exit 2 with file:line:col', async () => {
    const root = tempTree({ 'a/scenario.yaml': scenario('expect:\n  lint: { erors: 0 }\n') });
    const r = await runCli(['validate'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('a/scenario.yaml:6:11  unknown key "erors" in expect.lint (did you mean "errors"?)');
  });

  test('lint errors fail (exit 1) unless the scenario expects them', async () => {
    const files = { 'a/d.yaml': WEB_DEPLOYMENT, 'a/s.yaml': webService('wbe') };
    const broken = await runCli(['validate'], { cwd: tempTree({ ...files, 'a/scenario.yaml': scenario('expect: { lint: { errors: 0 } }\n') }) });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/a\/s.yaml:\d+:\d+ .*service-selector-no-match/);
    const expected = await runCli(['validate'], { cwd: tempTree({ ...files, 'a/scenario.yaml': scenario('expect: { lint: { findings: { contain: [ { rule: service-selector-no-match } ] } } }\n') }) });
    expect(expected.code).toBe(0);
  });

  test('the built-in scenarios and exercises are valid', async () => {
    const r = await runCli(['validate', 'scenarios', 'exercises']);
    expect(r.stdout).not.toMatch(/✗|!/);
    expect(r.code).toBe(0);
  });
});
