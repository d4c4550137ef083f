import * as path from 'node:path';
import { displayPath } from '../../src/load/files';

/** The path shown before the fast path: path.relative, kept when inside cwd, with `/` separators. */
function byRelative(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

describe('displayPath', () => {
  it('shows a file under the working directory by its tail, and one outside by its absolute path', () => {
    expect(displayPath('/work/app/k8s/web.yaml', '/work/app')).toBe('k8s/web.yaml');
    expect(displayPath('/work/other/web.yaml', '/work/app')).toBe('/work/other/web.yaml');
    expect(displayPath('/work/app', '/work/app')).toBe('/work/app');
    expect(displayPath('/work/application/web.yaml', '/work/app')).toBe('/work/application/web.yaml');
  });

  it('normalizes a path that is not (`.`, `..`, `//`, a trailing `/`) as path.relative does', () => {
    expect(displayPath('/work/app/k8s/../web.yaml', '/work/app')).toBe('web.yaml');
    expect(displayPath('/work/app/./web.yaml', '/work/app')).toBe('web.yaml');
    expect(displayPath('/work/app//web.yaml', '/work/app')).toBe('web.yaml');
    expect(displayPath('/work/app/../web.yaml', '/work/app')).toBe('/work/app/../web.yaml'); // outside: the path as given
    expect(displayPath('/work/app/web.yaml', '/work/app/')).toBe('web.yaml');
    expect(displayPath('/web.yaml', '/')).toBe('web.yaml');
    // A name that starts with `..` was always shown absolute (path.relative's text starts with `..`).
    expect(displayPath('/work/app/..data/web.yaml', '/work/app')).toBe('/work/app/..data/web.yaml');
  });

  it('gives what path.relative gives for every path of a random walk (differential)', () => {
    const segments = ['a', 'b', '..', '.', '..x', '.x', 'x..', '', 'a b', 'é', '...'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const walk = (): string => {
      let s = '';
      for (let i = 0, n = 1 + next(4); i < n; i++) s += `/${segments[next(segments.length)]}`;
      return s;
    };
    for (let i = 0; i < 20000; i++) {
      const cwd = next(10) === 0 ? '/' : walk();
      const abs = next(2) === 0 ? cwd + walk() : walk();
      expect([abs, cwd, displayPath(abs, cwd)]).toEqual([abs, cwd, byRelative(abs, cwd)]);
    }
  });
});
