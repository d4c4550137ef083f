#!/usr/bin/env node
/*
 * Dev-time generator of src/model/kinds.generated.json (`npm run gen:kinds`), the one
 * catalogue of kinds every stage reads (src/model/kinds.ts): for each API group and kind, the
 * versions Kubernetes 1.30 serves and the preferred one, the scope, the resource name and
 * kubectl's short names, where the pod template is, svclab's schema files, and the
 * apiVersions Kubernetes removed; and the well-known custom resource kinds that make no pods.
 *
 * Sources: the kubernetes-types package (which apiVersion serves which kind), the hand-written
 * facts of scripts/kinds/sources.js (resources, removed APIs, pod templates) and the schemas
 * under schemas/ (their `x-svclab-source`). A served kind the sources do not describe, or a
 * preferred version that disagrees with the served ones, stops the generator.
 *
 * `--check` writes nothing and exits 1 when the committed file is not what the sources give
 * (a test runs it).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { API_RESOURCES, POD_TEMPLATES, REMOVED_APIS, SVCLAB_KINDS, CUSTOM_KINDS_WITHOUT_PODS, GATEWAY_API_KINDS } = require('./kinds/sources');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'src', 'model', 'kinds.generated.json');
const TYPES_DIR = path.dirname(require.resolve('kubernetes-types/package.json'));
const TYPES_VERSION = require('kubernetes-types/package.json').version;

const groupOf = (apiVersion) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const versionOf = (apiVersion) => apiVersion.slice(apiVersion.indexOf('/') + 1);

/** Every (apiVersion, kind) kubernetes-types declares, List kinds left out. */
function servedByTypes() {
  const served = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d.ts')) {
        const re = /apiVersion\?: "([^"]+)";[\s\S]*?kind\?: "([^"]+)";/g;
        const text = fs.readFileSync(p, 'utf8');
        for (let m = re.exec(text); m; m = re.exec(text)) if (!m[2].endsWith('List')) served.push({ apiVersion: m[1], kind: m[2] });
      }
    }
  };
  walk(TYPES_DIR);
  // The aggregation layer's APIService is served by every API server but is not in kubernetes-types.
  served.push({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService' });
  return served;
}

/** The rows of the `kubectl api-resources` table. */
function apiResources() {
  const [header, ...rows] = API_RESOURCES.trim().split('\n');
  const columns = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'].map((c) => header.indexOf(c));
  return rows.map((line) => {
    const cell = (i) => line.slice(columns[i], columns[i + 1] ?? line.length).trim();
    return { resource: cell(0) === '-' ? null : cell(0), shortNames: cell(1) ? cell(1).split(',') : [], apiVersion: cell(2), namespaced: cell(3) === 'true', kind: cell(4) };
  });
}

/** Kubernetes' version priority (version.CompareKubeAwareVersionStrings): GA, then beta, then alpha; higher numbers first. */
function versionRank(v) {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) throw new Error(`not a Kubernetes API version: ${v}`);
  const stage = m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0;
  return [stage, Number(m[1]), Number(m[3] ?? 0)];
}
function byPriority(a, b) {
  const [x, y] = [versionRank(a), versionRank(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return y[i] - x[i];
  return 0;
}

/** Schema files under schemas/ by `group/kind` -> [{ version, file }], from their x-svclab-source. */
function schemaFiles() {
  const out = new Map();
  const dirs = [path.join(ROOT, 'schemas'), path.join(ROOT, 'schemas', 'k8s')];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const source = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))['x-svclab-source'];
      if (!source || !source.kind) continue;
      const key = `${groupOf(source.apiVersion)}/${source.kind}`;
      if (!out.has(key)) out.set(key, []);
      out.get(key).push({ version: versionOf(source.apiVersion), file: path.relative(path.join(ROOT, 'schemas'), path.join(dir, name)).split(path.sep).join('/') });
    }
  }
  return out;
}

function generate() {
  const entries = new Map();
  const entry = (group, kind) => {
    const key = `${group}/${kind}`;
    if (!entries.has(key)) {
      entries.set(key, { group, kind, versions: [], preferredVersion: null, namespaced: null, resource: null, shortNames: [], podTemplate: null, schemas: [], removed: [] });
    }
    return entries.get(key);
  };
  for (const { apiVersion, kind } of servedByTypes()) {
    const e = entry(groupOf(apiVersion), kind);
    if (!e.versions.includes(versionOf(apiVersion))) e.versions.push(versionOf(apiVersion));
  }
  for (const r of REMOVED_APIS) {
    entry(groupOf(r.apiVersion), r.kind).removed.push({ version: versionOf(r.apiVersion), removedIn: r.removedIn, replacement: r.replacement, note: r.note });
  }
  const described = new Set();
  for (const r of apiResources()) {
    const key = `${groupOf(r.apiVersion)}/${r.kind}`;
    if (!entries.has(key)) throw new Error(`api-resources lists ${r.apiVersion} ${r.kind}, which kubernetes-types does not serve and no removal names`);
    Object.assign(entries.get(key), { namespaced: r.namespaced, resource: r.resource, shortNames: r.shortNames });
    described.add(key);
    const e = entries.get(key);
    if (e.versions.length > 0) {
      e.versions.sort(byPriority);
      if (e.versions[0] !== versionOf(r.apiVersion)) throw new Error(`${key}: api-resources says ${r.apiVersion}, the most stable served version is ${e.versions[0]}`);
      e.preferredVersion = e.versions[0];
    }
  }
  // A kind served (or removed) in another group takes the scope and names it has where it is described
  // (extensions/v1beta1 Deployment is the Deployment of apps/v1).
  for (const e of entries.values()) {
    if (described.has(`${e.group}/${e.kind}`)) continue;
    const twin = [...entries.values()].find((o) => o.kind === e.kind && described.has(`${o.group}/${o.kind}`));
    if (!twin || e.versions.length > 0) throw new Error(`${e.group}/${e.kind} is served but not described in scripts/kinds/sources.js API_RESOURCES`);
    Object.assign(e, { namespaced: twin.namespaced, resource: twin.resource, shortNames: twin.shortNames });
  }
  for (const s of [...SVCLAB_KINDS, ...GATEWAY_API_KINDS]) Object.assign(entry(s.group, s.kind), s, { preferredVersion: s.versions[0] });
  for (const e of entries.values()) {
    if (Object.prototype.hasOwnProperty.call(POD_TEMPLATES, e.kind)) e.podTemplate = POD_TEMPLATES[e.kind] === '' ? [] : POD_TEMPLATES[e.kind].split('.');
  }
  for (const [key, files] of schemaFiles()) {
    const e = entries.get(key);
    if (!e) throw new Error(`schemas/ has a schema for ${key}, a kind the catalogue does not know`);
    e.schemas = files;
  }
  const kinds = [...entries.values()].sort((a, b) => (a.group === b.group ? (a.kind < b.kind ? -1 : 1) : a.group < b.group ? -1 : 1));
  return {
    $comment: 'Generated by scripts/gen-kinds.js (npm run gen:kinds) from kubernetes-types, scripts/kinds/sources.js and schemas/; do not edit.',
    source: `kubernetes-types ${TYPES_VERSION}`,
    kinds,
    // Well-known custom resource kinds whose controllers never make pods (scripts/kinds/sources.js).
    customKindsWithoutPods: CUSTOM_KINDS_WITHOUT_PODS.map(({ group, kind }) => {
      if (entries.has(`${group}/${kind}`)) throw new Error(`${group}/${kind} is a Kubernetes kind, not a custom resource`);
      return `${group}/${kind}`;
    }),
  };
}

const text = `${JSON.stringify(generate(), null, 1)}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${path.relative(ROOT, OUT)} is not current: run npm run gen:kinds\n`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(OUT, text);
  process.stdout.write(`${path.relative(ROOT, OUT)}: ${JSON.parse(text).kinds.length} kinds\n`);
}
