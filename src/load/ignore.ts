/** A small gitignore-style matcher for `--ignore-pattern` and `.svclabignore`. */
export interface IgnoreMatcher {
  matches(relPath: string, isDirectory: boolean): boolean;
}

export function compileIgnore(patterns: string[]): IgnoreMatcher {
  const rules = patterns.map(compilePattern);
  return {
    matches(relPath, isDirectory) {
      let ignored = false;
      for (const r of rules) {
        if (r.dirOnly && !isDirectory) continue;
        if (r.re.test(relPath)) ignored = !r.negate;
      }
      return ignored;
    },
  };
}

interface CompiledPattern {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

function compilePattern(raw: string): CompiledPattern {
  let p = raw.trim();
  const negate = p.startsWith('!');
  if (negate) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  if (p.startsWith('./')) p = p.slice(2);
  // A pattern without a slash matches at any depth, as in .gitignore.
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        i++;
        if (p[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // Matching a directory also matches everything below it.
  return { re: new RegExp(`${prefix}${re}(?:/.*)?$`), negate, dirOnly };
}
