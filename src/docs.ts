import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package root (holds docs/ and schemas/), both from src/ under ts-jest and from dist/. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..');

export function ruleDocPath(id: string): string {
  return path.join(PACKAGE_ROOT, 'docs', 'rules', `${id}.md`);
}

export function readRuleDoc(id: string): string | null {
  try {
    return fs.readFileSync(ruleDocPath(id), 'utf8');
  } catch {
    return null;
  }
}

/**
 * A rule's page in a language: docs/rules/<lang>/<id>.md (Korean pages exist for the rules the
 * exercises meet), else null; the caller falls back to the English page.
 */
export function readTranslatedRuleDoc(id: string, lang: string): string | null {
  if (lang === 'en' || !/^[a-z]{2,3}$/.test(lang)) return null;
  try {
    return fs.readFileSync(path.join(PACKAGE_ROOT, 'docs', 'rules', lang, `${id}.md`), 'utf8');
  } catch {
    return null;
  }
}

export const DOCS_BASE_URL = 'https://github.com/svclab/svclab/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
