import { formatJson } from '../../src/report/json';
import { lintYaml } from '../helpers';
import { finding, input } from './fixtures';

describe('formatJson', () => {
  test('has exactly the documented fields, in order', () => {
    const extra = { ...finding(), internal: 'must not leak' } as ReturnType<typeof finding>;
    const out = JSON.parse(formatJson(input([extra]))) as { findings: Array<Record<string, unknown>>; summary: Record<string, number> };
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(Object.keys(out.findings[0])).toEqual([
      'ruleId', 'messageId', 'severity', 'message', 'hint', 'file', 'line', 'column', 'endLine', 'endColumn', 'object', 'path', 'related',
    ]);
    expect(Object.keys(out.findings[0].object as object)).toEqual(['apiVersion', 'kind', 'namespace', 'name']);
    expect(out.summary).toEqual({ files: 1, objects: 1, errors: 1, warnings: 0, infos: 0 });
  });

  test('related locations and a null object for file-level findings', () => {
    const out = JSON.parse(
      formatJson(input([finding({ object: null, path: '', related: [{ file: 'b.yaml', line: 2, column: 3, message: 'm' }] })])),
    ) as { findings: Array<Record<string, unknown>> };
    expect(out.findings[0].object).toBeNull();
    expect(out.findings[0].related).toEqual([{ file: 'b.yaml', line: 2, column: 3, message: 'm' }]);
  });

  test('a real run: a YAML error with its position', () => {
    const run = lintYaml({ 'bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n' });
    const out = JSON.parse(formatJson(run)) as { findings: Array<{ ruleId: string; line: number; file: string }> };
    expect(out.findings[0]).toMatchObject({ ruleId: 'yaml-syntax', file: 'bad.yaml', line: 4 });
  });
});
