import { RULES, RULES_BY_ID } from '../rules/index';
import { readRuleDoc, readTranslatedRuleDoc } from '../docs';
import { requestedLanguage } from '../i18n/lang';
import { didYouMean } from '../util/did-you-mean';
import { parseArgs, str, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { formatterFor, jsonText, type Formatter } from '../report/formatter';
import type { Rule } from '../rules/rule';

const RULES_FLAGS: FlagSpecs = {
  format: { type: 'string', short: 'o', description: 'text|json', valueName: 'FORMAT' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** The formats of `svclab rules`: an aligned table, or the list as JSON. */
export const RULES_FORMATTERS: Readonly<Record<'text' | 'json', Formatter<readonly Rule[], object>>> = {
  text: (rules) => {
    const width = Math.max(...rules.map((r) => r.meta.id.length));
    return rules.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.description}\n`).join('');
  },
  json: (rules) => jsonText(rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, category: r.meta.category, description: r.meta.description }))),
};

/** `svclab rules`: every rule with its default severity and description. */
export function rulesCommand(argv: string[], io: CliIO): number {
  const { flags } = parseArgs(argv, RULES_FLAGS);
  if (flags.help) {
    io.stdout.write('Usage: svclab rules [--format text|json]\n\nLists every lint rule with its default severity.\n');
    return 0;
  }
  const formatter = formatterFor(RULES_FORMATTERS, str(flags.format) ?? 'text');
  io.stdout.write(formatter([...RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)), {}));
  return 0;
}

/** `svclab explain <rule-id>`: prints the rule's documentation page. */
export function explainCommand(argv: string[], io: CliIO): number {
  const { operands, flags } = parseArgs(argv, {
    lang: { type: 'string', description: 'language of the page: en or ko (default: SVCLAB_LANG, then LANG; English when the rule has no page in it)', valueName: 'LANG' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  });
  if (flags.help || operands.length === 0) {
    io.stdout.write('Usage: svclab explain RULE-ID [--lang ko]\n\nPrints the documentation of a rule: why it matters, examples, how to fix.\n');
    return operands.length === 0 && !flags.help ? 2 : 0;
  }
  let status = 0;
  for (const id of operands) {
    if (!RULES_BY_ID.has(id)) {
      const guess = didYouMean(id, RULES_BY_ID.keys());
      throw new UsageError(`unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : ''}; \`svclab rules\` lists them`);
    }
    const lang = requestedLanguage(typeof flags.lang === 'string' ? flags.lang : undefined, io.env);
    const doc = readTranslatedRuleDoc(id, lang) ?? readRuleDoc(id);
    if (doc === null) {
      io.stderr.write(`svclab: the documentation of ${id} is missing from this installation\n`);
      status = 2;
    } else io.stdout.write(doc.endsWith('\n') ? doc : doc + '\n');
  }
  return status;
}
