/**
 * Every report kind has a registry of formatters of one type, and a format name it does not
 * know is an error in the library and in the CLI, never a silent fallback to the default.
 */
import { formatLintReport, LINT_FORMATS, LINT_FORMATTERS } from '../../src/report/lint-formats';
import { formatScenarioReport, SCENARIO_FORMATS, SCENARIO_FORMATTERS } from '../../src/report/scenario/index';
import { DIG_FORMATTERS } from '../../src/report/dig';
import { CURL_FORMATTERS } from '../../src/cli/curl-command';
import { RULES_FORMATTERS } from '../../src/cli/rules-command';
import { formatterFor, UnknownFormatError } from '../../src/report/formatter';
import { GET_OUTPUTS, renderGet } from '../../src/views/kubectl-get';
import { simulate } from '../../src/sim/index';
import type { RunResult } from '../../src/scenario/result';
import { lintYaml, runCli } from '../helpers';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n';
const EMPTY_RUN: RunResult = { scenarios: [], summary: { scenarios: 0, passed: 0, failed: 0, errors: 0, expectations: 0, expectationsFailed: 0, seed: 1 }, missing: [] };

describe('formatter registries', () => {
  test('the listed format names are exactly the registered formatters', () => {
    expect(Object.keys(LINT_FORMATTERS)).toEqual([...LINT_FORMATS]);
    expect(Object.keys(SCENARIO_FORMATTERS)).toEqual([...SCENARIO_FORMATS]);
    expect(Object.keys(CURL_FORMATTERS)).toEqual(['text', 'json']);
    expect(Object.keys(DIG_FORMATTERS)).toEqual(['text', 'json']);
    expect(Object.keys(RULES_FORMATTERS)).toEqual(['text', 'json']);
  });

  test('formatterFor refuses a name that is not its own, also an inherited one (toString)', () => {
    expect(formatterFor(LINT_FORMATTERS, 'json')).toBe(LINT_FORMATTERS.json);
    expect(() => formatterFor(LINT_FORMATTERS, 'toString')).toThrow(UnknownFormatError);
    const err = (() => {
      try {
        formatterFor(LINT_FORMATTERS, 'jsno');
      } catch (e) {
        return e as UnknownFormatError;
      }
      throw new Error('no error');
    })();
    expect(err.message).toBe('unknown format "jsno"; choose one of stylish, json, sarif, junit, github, html (did you mean json?)');
    expect(err.known).toEqual([...LINT_FORMATS]);
  });
});

describe('an unknown format is an error in the library', () => {
  test('formatLintReport (it used to fall back to stylish)', () => {
    const run = lintYaml(SERVICE);
    expect(() => formatLintReport('xml', run, { color: false, cwd: '/' })).toThrow(/unknown format "xml"; choose one of stylish, json, sarif, junit, github/);
  });

  test('formatScenarioReport (it used to return undefined)', () => {
    expect(() => formatScenarioReport('xml', EMPTY_RUN, { color: false })).toThrow(/unknown format "xml"; choose one of stylish, json, junit, github, tap/);
  });

  test('renderGet -o (it used to print the table)', () => {
    const cluster = simulate(SERVICE);
    expect(GET_OUTPUTS).toEqual(['wide', 'json', 'yaml']);
    expect(() => renderGet(cluster, 'services', { namespace: 'default', allNamespaces: false, output: 'jsno' })).toThrow(/unknown format "jsno"; choose one of wide, json, yaml \(did you mean json\?\)/);
  });
});

describe('an unknown format is a usage error (exit 2) in every command', () => {
  test.each([
    [['lint', '-', '--format', 'xml']],
    [['test', '--format', 'xml']],
    [['get', 'svc', '-o', 'xml', '-f', '-']],
    [['curl', 'web:80', '-o', 'xml', '-f', '-']],
    [['dig', 'web', '-o', 'xml', '-f', '-']],
    [['rules', '--format', 'xml']],
  ])('svclab %j', async (argv) => {
    const r = await runCli(argv, { stdin: SERVICE });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^svclab ${argv[0]}: unknown format "xml"; choose one of `));
    expect(r.stdout).toBe('');
  });
});
