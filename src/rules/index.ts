/**
 * The rule registry: the rules of src/rules/registry.generated.ts, written by
 * `npm run gen:rules` (scripts/gen-rules.js) with one static import per rule module. Adding a
 * rule is adding its file (plus doc and test) and running the generator; a test fails while
 * the generated list is stale. Order is alphabetical by id, so output is stable.
 */
import { RULE_MODULES } from './registry.generated';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = Object.values(RULE_MODULES);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
