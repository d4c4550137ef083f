/**
 * The rule registry. Every module in this folder whose default export is a rule whose id
 * equals the file name is a rule: adding a rule is adding its file (plus doc and test), and
 * no shared list has to be edited. Order is alphabetical by id, so output is stable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from './rule';

function loadRules(): Rule[] {
  const ext = path.extname(__filename); // .ts under ts-jest, .js in dist
  const ids = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts') && /^[a-z0-9]+(-[a-z0-9]+)*\.[jt]s$/.test(f))
    .map((f) => f.slice(0, -ext.length))
    .sort();
  const rules: Rule[] = [];
  for (const id of ids) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery needs a runtime require
    const mod = require(path.join(__dirname, id + ext)) as { default?: Rule };
    if (mod.default?.meta?.id === id) rules.push(mod.default);
  }
  return rules;
}

export const RULES: readonly Rule[] = loadRules();

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
