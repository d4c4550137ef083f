/**
 * The rule contract, as typescript-eslint's `RuleCreator` types it: `defineRule` keeps a rule's
 * messages as literals, so `ctx.report` accepts only the rule's own message ids, each with
 * exactly the data its `{{placeholders}}` name. The `@ts-expect-error` lines below are the
 * proof: `tsc --noEmit` (which type-checks test/) fails if one of them compiles. At run time
 * (ts-jest does not type-check) the same mistakes show what the types prevent.
 */
import { messageText, stageFinding } from '../../src/findings';
import { buildModel } from '../../src/model/build';
import { parseSourceFile } from '../../src/parse/parse-file';
import { DEFAULT_SETTINGS } from '../../src/rules/context';
import { runRules } from '../../src/rules/run';
import { defineRule, type Placeholders, type Rule, type RuleContext } from '../../src/rules/rule';
import type { Manifest } from '../../src/parse/manifest';

const probe = defineRule({
  meta: {
    id: 'contract-probe',
    severity: 'warning',
    description: 'A rule that only exists for this test.',
    category: 'service',
    messages: {
      port: { message: 'port {{port}} of Service {{ name }}', hint: 'Use {{fix}}; `{{ ... }}` is text, not a placeholder.' },
      plain: { message: 'a message without placeholders', hint: 'Nothing to fill in.' },
    },
  },
});

type ProbeContext = RuleContext<typeof probe.meta.messages>;

/** Runs `report` as the check of a copy of the probe rule over one Service and returns the findings' texts. */
function reportWith(report: (ctx: ProbeContext, manifest: Manifest) => void): string[] {
  const rule = defineRule({ meta: probe.meta, check: (ctx) => ctx.model.services.forEach((s) => report(ctx, s.manifest)) });
  const parsed = parseSourceFile({ path: 'example.yaml', absPath: null, text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' });
  return runRules(buildModel(parsed.manifests), DEFAULT_SETTINGS, [rule]).map((f) => `${f.messageId}: ${f.message} | ${f.hint}`);
}

test('a report with the right id and data: the placeholders are filled in, `{{ ... }}` stays text', () => {
  const texts = reportWith((ctx, manifest) => {
    ctx.report({ messageId: 'port', manifest, path: ['spec'], data: { port: 80, name: 'web', fix: 'port 8080' } });
    ctx.report({ messageId: 'plain', manifest, path: [] });
  });
  expect(texts).toEqual([
    'port: port 80 of Service web | Use port 8080; `{{ ... }}` is text, not a placeholder.',
    'plain: a message without placeholders | Nothing to fill in.',
  ]);
});

test('a message id the rule does not declare does not compile, and fails the run if forced', () => {
  expect(() =>
    reportWith((ctx, manifest) => {
      // @ts-expect-error 'prot' is not one of the probe's message ids
      ctx.report({ messageId: 'prot', manifest, path: [], data: { port: 80, name: 'web', fix: 'x' } });
    }),
  ).toThrow('rule contract-probe has no message "prot"');
});

test('a missing placeholder does not compile; forced, the finding would show the raw {{placeholder}}', () => {
  const texts = reportWith((ctx, manifest) => {
    // @ts-expect-error `fix` (used by the hint) is missing
    ctx.report({ messageId: 'port', manifest, path: [], data: { port: 80, name: 'web' } });
  });
  expect(texts).toEqual(['port: port 80 of Service web | Use {{fix}}; `{{ ... }}` is text, not a placeholder.']);
});

test('data a message has no placeholder for does not compile, written inline or spread from a variable', () => {
  const shared = { port: 80, name: 'web', namespace: 'default' };
  const texts = reportWith((ctx, manifest) => {
    // @ts-expect-error `protocol` is not a placeholder of `port`
    ctx.report({ messageId: 'port', manifest, path: [], data: { port: 80, name: 'web', fix: 'x', protocol: 'TCP' } });
    // @ts-expect-error `namespace`, spread from `shared`, is not a placeholder of `port`
    ctx.report({ messageId: 'port', manifest, path: [], data: { ...shared, fix: 'x' } });
    // @ts-expect-error `plain` has no placeholders, so no data
    ctx.report({ messageId: 'plain', manifest, path: [], data: { port: 80 } });
    // @ts-expect-error `port` has placeholders, so data is required
    ctx.report({ messageId: 'port', manifest, path: [] });
  });
  expect(texts).toHaveLength(4);
});

test('a stage finding (parse, load) is made from its rule\'s messages, checked the same way', () => {
  const range = { line: 1, column: 1, endLine: 1, endColumn: 2 };
  expect(stageFinding(probe, { messageId: 'port', data: { port: 80, name: 'web', fix: 'x' } }, 'example.yaml', range)).toMatchObject({
    ruleId: 'contract-probe',
    messageId: 'port',
    message: 'port 80 of Service web',
    file: 'example.yaml',
    object: null,
  });
  // @ts-expect-error `name` is missing
  expect(stageFinding(probe, { messageId: 'port', data: { port: 80, fix: 'x' } }, 'example.yaml', range).message).toBe('port 80 of Service {{ name }}');
  // @ts-expect-error 'prot' is not one of the probe's message ids
  expect(() => stageFinding(probe, { messageId: 'prot' }, 'example.yaml', range)).toThrow('has no message "prot"');
});

test('a typed rule is a Rule: the registry and the engine see every message id and any data', () => {
  const general: Rule = probe;
  expect(messageText(general, { messageId: 'port', data: { port: 1, name: 'a', fix: 'b' } }).message).toBe('port 1 of Service a');
});

test('Placeholders<T> reads the names out of a literal template', () => {
  const names: Array<Placeholders<'{{a}} and {{ b }}, {{ ... }} and {{a}}'>> = ['a', 'b'];
  // @ts-expect-error `...` is not a placeholder name
  const notAName: Placeholders<'{{ ... }}'> = '...';
  expect([names, notAName]).toEqual([['a', 'b'], '...']);
});
