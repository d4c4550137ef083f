/** The rule registry. Keep the list in alphabetical order; one import per rule module. */
import type { Rule } from './rule';
import duplicateKey from './duplicate-key';
import fileUnreadable from './file-unreadable';
import missingKind from './missing-kind';
import notAnObject from './not-an-object';
import serviceSelectorNoMatch from './service-selector-no-match';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  duplicateKey,
  fileUnreadable,
  missingKind,
  notAnObject,
  serviceSelectorNoMatch,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
