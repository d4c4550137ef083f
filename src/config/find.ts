import * as fs from 'node:fs';
import * as path from 'node:path';

export const CONFIG_FILE_NAME = 'svclab.config.yaml';

/** The nearest `svclab.config.yaml` in `cwd` or a folder above it, up to the filesystem root. */
export function findConfigFile(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
