import { escapeData, escapeProperty, formatGithub } from '../../src/report/github';
import { finding, input } from './fixtures';

// Escaping as @actions/core does it (actions/toolkit packages/core/src/command.ts:
// escapeData and escapeProperty); `%` must be escaped first or `%0A` would double-escape.
describe('github workflow command escaping', () => {
  test('escapeData escapes %, CR and LF only', () => {
    expect(escapeData('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext: a,b');
  });
  test('escapeProperty also escapes : and ,', () => {
    expect(escapeProperty('C:\\dir\\a,b.yaml')).toBe('C%3A\\dir\\a%2Cb.yaml');
    expect(escapeProperty('50%,\n')).toBe('50%25%2C%0A');
  });
  test('an already escaped sequence is escaped again, not passed through', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });
});

describe('formatGithub', () => {
  test('one ::error command per finding with file, line, col, endLine, endColumn and title', () => {
    const out = formatGithub(input([finding()]));
    expect(out).toBe(
      '::error file=k8s/web.yaml,line=27,col=5,endLine=27,endColumn=20,title=service-selector-no-match::' +
        'Service/web spec.selector: selector app=web-server matches no pod in namespace default%0Ahelp: Copy the labels from the workload.\n',
    );
  });

  test('warning maps to ::warning and info to ::notice', () => {
    const out = formatGithub(input([finding({ severity: 'warning' }), finding({ severity: 'info', line: 30 })])).split('\n');
    expect(out[0]).toMatch(/^::warning /);
    expect(out[1]).toMatch(/^::notice /);
  });

  test('properties with : and , and messages with newlines and % stay one command each', () => {
    const out = formatGithub(
      input([finding({ file: 'dir,with:odd/x.yaml', message: 'port 80: 100% wrong\nsecond line', hint: '', object: null, path: '' })]),
    );
    expect(out).toBe('::error file=dir%2Cwith%3Aodd/x.yaml,line=27,col=5,endLine=27,endColumn=20,title=service-selector-no-match::port 80: 100%25 wrong%0Asecond line\n');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  test('no findings, no output', () => {
    expect(formatGithub(input([]))).toBe('');
  });
});
