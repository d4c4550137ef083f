#!/usr/bin/env node
/*
 * Build step (last of `npm run build`): the CLI as one script with its V8 code cache, so that
 * `svclab lint one-file.yaml` does not spend most of its time in Node's module loader (issue 14).
 *
 * Why: a one-file lint loaded ~190 modules; resolving, stat-ing, reading and compiling them one
 * by one was ~40 % of its CPU. Here every module the CLI can reach through a relative `require`
 * of dist/ (and the packages it requires, see INLINE) goes into dist/cli/svclab.bundle.js, each
 * wrapped as Node wraps a CommonJS module and given its own __filename and __dirname, so that
 * paths computed from them (schemas/, docs/, worker scripts) stay what they were. The code cache
 * (svclab.bundle.cache) is made after linting a small sample in this process, so that it holds
 * the functions a lint compiles, not only the top level. dist/cli/main.js becomes a loader of
 * the two; V8 ignores a cache made by another version or with other flags (the script is then
 * compiled as usual). The library (dist/index.js) and worker scripts stay separate modules.
 *
 * Not bundled, so loaded from disk by Node when required: modules with a dynamic `import()`
 * (ESM-only packages) and packages not in INLINE. JSON modules are bundled as JSON.parse of their text.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const ENTRY = 'dist/cli/main.js';
const BUNDLE = path.join(DIST, 'cli', 'svclab.bundle.js');
const CACHE = path.join(DIST, 'cli', 'svclab.bundle.cache');
const MARK = '// svclab CLI loader, written by scripts/bundle.js';
/** Packages inlined with their own modules (small, CommonJS, required on the lint path). */
const INLINE = new Set(['js-yaml', 'picocolors']);

/**
 * tsc writes static imports as require("..."), double-quoted; a require written in the source
 * (a module loaded on first use, on purpose) keeps the source's single quotes. Only the static
 * ones are followed, and the lazy ones of LAZY: the rest stay lazy, loaded from disk if ever.
 */
const REQUIRE = /\brequire\((["'])([^'"\n]+)\1\)/g;
/**
 * Lazy requires that the bundle follows all the same: the lint command (the start-up that
 * counts), and what a lint loads only when an input needs it (kustomize for a kustomization,
 * js-yaml for a document the block reader declines): bundled, but run only when required.
 */
const LAZY = { 'dist/cli/run.js': ['./lint-command'], 'dist/lint.js': ['./kustomize/sets'], 'dist/parse/fast-yaml/construct.js': ['js-yaml'], 'dist/report/colors.js': ['picocolors'] };

/** node_modules may be a link (a worktree sharing another checkout's): its files are keyed under ROOT all the same. */
const MODULES = path.join(ROOT, 'node_modules');
const MODULES_REAL = fs.existsSync(MODULES) ? fs.realpathSync(MODULES) : MODULES;

/** The package-relative key of a file (posix separators), or null outside the package. */
function keyOf(abs) {
  const inModules = path.relative(MODULES_REAL, abs);
  const rel = !inModules.startsWith('..') && !path.isAbsolute(inModules) ? path.join('node_modules', inModules) : path.relative(ROOT, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
}

/** The file a relative or inlined package `spec` names from `fromAbs`, or null (left to Node). */
function resolveSpec(spec, fromAbs) {
  if (spec.startsWith('node:')) return null;
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if (!spec.startsWith('.') && !INLINE.has(pkg)) return null;
  let abs;
  try {
    abs = require.resolve(spec, { paths: [path.dirname(fromAbs)] });
  } catch {
    return null;
  }
  return /\.(c?js|json)$/.test(abs) && keyOf(abs) ? abs : null;
}

/** Every module reachable from the entry: key -> { abs, code, deps: spec -> key }. */
function collect() {
  const modules = new Map();
  const queue = [path.join(ROOT, ENTRY)];
  while (queue.length > 0) {
    const abs = queue.shift();
    const key = keyOf(abs);
    if (modules.has(key)) continue;
    const text = fs.readFileSync(abs, 'utf8');
    // A JSON module as Node loads it (JSON.parse of the file), without the file system at run time.
    const code = abs.endsWith('.json') ? `module.exports = JSON.parse(${JSON.stringify(text)});\n` : text;
    if (code.startsWith('#!') && code.includes(MARK)) throw new Error(`${abs} is already a loader: run \`npm run build\` (it starts from a clean dist/)`);
    const deps = {};
    for (const m of abs.endsWith('.json') ? [] : code.matchAll(REQUIRE)) {
      if (m[1] === "'" && !(LAZY[key] ?? []).includes(m[2])) continue;
      const target = resolveSpec(m[2], abs);
      if (!target) continue;
      const targetCode = fs.readFileSync(target, 'utf8');
      // A dynamic import() needs Node's own loader (ESM packages): that module stays on disk.
      if (/\bimport\(/.test(targetCode)) continue;
      deps[m[2]] = keyOf(target);
      queue.push(target);
    }
    modules.set(key, { abs, code, deps });
  }
  return modules;
}

/**
 * The module's text with every non-ASCII character written as a \uXXXX escape (they are in string,
 * template and regular-expression literals and comments, where the escape means the same): an
 * ASCII script is read without UTF-8 decoding and kept as a one-byte string, which made the
 * difference between a faster start-up and a slower one. A character right after a backslash
 * would change meaning: refused.
 */
function ascii(code, key) {
  return code.replace(/[^\x00-\x7f]/g, (c, at) => {
    if (code[at - 1] === '\\') throw new Error(`${key}: a non-ASCII character after a backslash at ${at}`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The bundle: a function of Node's `require` and the package root that returns `load(key)`. */
function bundleText(modules) {
  const parts = ['(function (nodeRequire, root) {\n"use strict";\nconst path = nodeRequire("node:path");\nconst Module = nodeRequire("node:module");\nconst { createRequire } = Module;\nconst defs = Object.create(null);\n'];
  for (const [key, m] of modules) {
    const body = ascii(m.code, key)
      .replace(/^#!.*\n/, '')
      .replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
      // tsc writes \`import * as fs from 'node:fs'\` as __importStar(require("node:fs")), which
      // copies every export of a built-in into a new object of getters (fs: ~100), once per
      // importing module: ~1 ms of a one-file lint for 35 imports. A built-in's namespace is the
      // built-in itself; only its \`default\` (never used on a namespace import) is not there.
      .replace(/__importStar\(require\("(node:[a-z0-9_/]+)"\)\)/g, 'require("$1")');
    parts.push(`defs[${JSON.stringify(key)}] = [${JSON.stringify(m.deps)}, function (exports, require, module, __filename, __dirname) {\n${body}\n}];\n`);
  }
  parts.push(`const cache = Object.create(null);
// node_modules search paths by folder: most modules share a folder (dist/rules/ holds 80), and
// working them out is most of what making a Module costs (each gets its own copy).
const pathsByDir = new Map();
const joinPlain = path.sep === '/' && root.length > 1 && !root.endsWith('/');
function load(key) {
  const done = cache[key];
  if (done) return done.exports;
  const [deps, fn] = defs[key];
  // A key is a posix path under the package root, which path.resolve normalized: on POSIX a
  // file's name is the two joined, as path.join would give it without its normalizing.
  const filename = joinPlain ? \`\${root}/\${key}\` : path.join(root, key);
  const dirname = joinPlain ? filename.slice(0, filename.lastIndexOf('/')) : path.dirname(filename);
  // A real Module in Node's cache under the module's own file name: a module Node loads from
  // disk (a lazily required command) that requires this file gets this instance, not a second
  // copy (whose classes would fail instanceof against this one's).
  const module = new Module(filename, null);
  module.filename = filename;
  let paths = pathsByDir.get(dirname);
  if (!paths) pathsByDir.set(dirname, (paths = Module._nodeModulePaths(dirname)));
  module.paths = paths.slice();
  Module._cache[filename] = module;
  cache[key] = module;
  let disk;
  const require = (spec) => {
    const dep = deps[spec];
    if (dep !== undefined) return load(dep);
    // A built-in module is the same from every file: no require function of this file's is made for it.
    if (Module.isBuiltin(spec)) return nodeRequire(spec);
    return (disk ??= createRequire(filename))(spec);
  };
  require.resolve = (spec, options) => (disk ??= createRequire(filename)).resolve(spec, options);
  fn.call(module.exports, module.exports, require, module, filename, dirname);
  module.loaded = true;
  return module.exports;
}
return load;
})`);
  return parts.join('');
}

const LOADER = `#!/usr/bin/env node
${MARK}: the CLI's modules are in svclab.bundle.js,
// compiled with V8's code cache svclab.bundle.cache when V8 accepts it. Built files; do not edit.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const file = path.join(__dirname, 'svclab.bundle.js');
let cachedData;
try {
  cachedData = fs.readFileSync(path.join(__dirname, 'svclab.bundle.cache'));
} catch {
  cachedData = undefined;
}
const script = new vm.Script(fs.readFileSync(file, 'latin1'), { filename: file, cachedData });
script.runInThisContext()(require, path.resolve(__dirname, '..', '..'))(${JSON.stringify(ENTRY)});
`;

/** A small input that goes through the lint path (parse, schema, rules, both formats), to warm the cache. */
const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {path: /ready, port: http}
          env:
            - name: API
              value: "http://api.default.svc.cluster.local:80"
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: htp
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  config.yaml: |
    level: info
`;

/** Runs `svclab lint` on the sample through the bundle, in this process, then takes the code cache. */
async function warmCache(script, load) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-bundle-'));
  try {
    const sample = path.join(dir, 'sample.yaml');
    fs.writeFileSync(sample, SAMPLE);
    const { run } = load('dist/cli/run.js');
    const sink = { write: () => true, on: () => sink, isTTY: false, columns: 80 };
    const io = { stdout: sink, stderr: sink, cwd: dir, env: {}, readStdin: () => Buffer.alloc(0) };
    for (const args of [['lint', sample], ['lint', sample, '--format', 'json']]) await run(args, io);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return script.createCachedData();
}

async function main() {
  const started = Date.now();
  const modules = collect();
  const text = bundleText(modules);
  fs.writeFileSync(BUNDLE, text);
  const script = new vm.Script(text, { filename: BUNDLE });
  const load = script.runInThisContext()(require, ROOT);
  const cache = await warmCache(script, load);
  fs.writeFileSync(CACHE, cache);
  const entry = path.join(ROOT, ENTRY);
  fs.writeFileSync(entry, LOADER);
  fs.chmodSync(entry, 0o755);
  process.stdout.write(`bundled ${modules.size} modules into ${path.relative(process.cwd(), BUNDLE)} (${(text.length / 1024).toFixed(0)} KiB, code cache ${(cache.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)\n`);
}

main().catch((err) => {
  process.stderr.write(`bundle: ${err.stack || err}\n`);
  process.exit(1);
});
