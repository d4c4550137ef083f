import { formatScenarioJunit, formatScenarioGithub, formatScenarioTap } from '../../src/report/scenario/machine';
import { escapeData, escapeProperty } from '../../src/report/github';
import { formatScenarioStylish } from '../../src/report/scenario/stylish';
import type { ExpectationResult, RunResult } from '../../src/scenario/result';

const exp = (over: Partial<ExpectationResult>): ExpectationResult => ({
  kind: 'routes', status: 'failed', name: 'expect › routes[0] a', step: null, file: 's/scenario.yaml', line: 3, column: 5, message: 'boom ]]> <x>', expected: 'ok', actual: 'refused', hint: 'h', mismatches: [{ path: 'outcome', message: 'boom ]]> <x>' }], explain: [], table: null, seed: 1, ...over,
});
const run = (expectations: ExpectationResult[]): RunResult => ({
  scenarios: [{ name: 'n', file: 's/scenario.yaml', dir: 's', status: 'failed', variant: 'normal', description: null, exercise: null, steps: [], expectations, seed: 1, durationMs: 1 }],
  summary: { scenarios: 1, passed: 0, failed: 1, errors: 0, expectations: expectations.length, expectationsFailed: expectations.length, seed: 1 },
  missing: [],
});

describe('scenario reporters', () => {
  test('junit: unique testcase names and ]]> split across CDATA sections', () => {
    const xml = formatScenarioJunit(run([exp({}), exp({})]));
    expect(xml).toContain('name="expect › routes[0] a"');
    expect(xml).toContain('name="expect › routes[0] a #2"');
    expect(xml).toContain('boom ]]]]><![CDATA[> <x>');
    expect(xml).toContain('message="boom ]]&gt; &lt;x&gt;"');
  });

  test('github: the escaping of @actions/core', () => {
    expect(escapeData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    expect(formatScenarioGithub(run([exp({})]))).toMatch(/^::error file=s\/scenario.yaml,line=3,col=5,title=n%3A routes::boom/);
  });

  test('stylish: a failed matrix prints the cyclonus-style truth table', () => {
    const table = { from: ['pod', 'external'], to: ['web:80'], expected: [['ok'], ['ok']], actual: [['ok'], ['dns-error']], right: 1, wrong: 1 } as ExpectationResult['table'];
    const text = formatScenarioStylish(run([exp({ kind: 'matrix', table, mismatches: [{ path: '', message: 'external -> web:80: dns-error, expected ok' }] })]), { color: false });
    expect(text).toContain('1 wrong, 1 right');
    expect(text).toMatch(/\| external \| X dns-err \(want ok\) \|/);
    expect(text).toContain('hint: h');
  });

  test('junit, github and tap say the mismatch once, not the message and then the same mismatch again', () => {
    const e = exp({ message: 'outcome was refused; reaches no pod', mismatches: [{ path: 'outcome', message: 'was refused' }, { path: 'reaches', message: 'no pod' }] });
    const gh = formatScenarioGithub(run([e]));
    expect(gh).toContain('::outcome was refused%0Areaches no pod%0Ahint: h%0Aat s/scenario.yaml:3:5');
    expect(formatScenarioJunit(run([e])).match(/outcome was refused/g)).toHaveLength(2); // the message attribute and the body, once each
  });

  test('a run that found no scenario is a failure in junit, github and tap too (a 1..0 plan reads as success)', () => {
    const none: RunResult = { scenarios: [], summary: { scenarios: 0, passed: 0, failed: 0, errors: 0, expectations: 0, expectationsFailed: 0, seed: 1 }, missing: ['nope/'] };
    expect(formatScenarioTap(none)).toBe('TAP version 14\n1..1\nnot ok 1 - no scenario found at nope/\n');
    const xml = formatScenarioJunit(none);
    expect(xml).toContain('<testsuites name="svclab test" tests="1" failures="1">');
    expect(xml).toContain('<failure message="no scenario found at nope/" type="load"/>');
    expect(formatScenarioGithub(none)).toBe('::error title=svclab test::no scenario found at nope/\n0 passed, 1 failed\n');
    expect(formatScenarioTap({ ...none, missing: [] })).toContain('not ok 1 - no scenario found');
  });

  test('junit: scenarios that share a name are told apart by their folder', () => {
    const one = run([exp({})]);
    const two: RunResult = { ...one, scenarios: [one.scenarios[0], { ...one.scenarios[0], file: 't/scenario.yaml', dir: 't' }] };
    const xml = formatScenarioJunit(two);
    expect(xml).toContain('classname="n (s)"');
    expect(xml).toContain('classname="n (t)"');
    expect(formatScenarioJunit(one)).toContain('classname="n"');
  });
});
