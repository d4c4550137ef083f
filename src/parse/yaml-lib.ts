/**
 * The `yaml` library, loaded the first time it is needed. It is about 70 modules; most runs
 * never need it (the fast path reads plain manifests), so `svclab lint` of a few files starts
 * without paying for it. Types come from `import type`, which costs nothing at run time.
 */
type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require is the point
  return (lib ??= require('yaml') as YamlLib);
}
