import { formatStylish } from '../../src/report/stylish';
import { finding, input } from './fixtures';

describe('formatStylish', () => {
  test('groups by file: line:col  severity  message  rule-id, hint and summary', () => {
    const out = formatStylish(input([finding(), finding({ file: 'a.yaml', severity: 'warning', line: 3, column: 1 })]), { color: false });
    const lines = out.split('\n');
    expect(lines[0]).toBe('k8s/web.yaml');
    expect(lines[1]).toMatch(/^ {2}27:5 {2}error {2}Service\/default\/web spec\.selector: selector app=web-server .* {2}service-selector-no-match$/);
    expect(lines[2]).toMatch(/help: Copy the labels/);
    expect(out).toContain('\na.yaml\n');
    expect(out.trimEnd().split('\n').pop()).toBe('✖ 2 problems (1 error, 1 warning, 0 infos) in 1 file (1 object)');
  });

  test('no ANSI escapes without colour, some with it', () => {
    const r = input([finding()]);
    expect(formatStylish(r, { color: false })).not.toMatch(/\u001b\[/);
    expect(formatStylish(r, { color: true })).toMatch(/\u001b\[31m/);
  });

  test('a clean run says so', () => {
    expect(formatStylish(input([]), { color: false })).toBe('✓ no problems in 1 file (1 object)\n');
  });

  test('related locations are listed under the finding', () => {
    const out = formatStylish(input([finding({ related: [{ file: 'd.yaml', line: 4, column: 2, message: 'pods here' }] })]), { color: false });
    expect(out).toContain('related: d.yaml:4:2 pods here');
  });
});
