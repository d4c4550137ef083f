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

export const DOCS_BASE_URL = 'https://github.com/svclab/svclab/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
