import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_ROOT } from '../docs';

let cached: string | undefined;

/** svclab's own version, from package.json (read once; `0.0.0` if it cannot be found). */
export function toolVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
      cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}

export const TOOL_NAME = 'svclab';
export const TOOL_URI = 'https://github.com/svclab/svclab';
