#!/usr/bin/env node
/*
 * Dev-time generator of the structural JSON Schemas under schemas/k8s/ (`npm run gen:schemas`).
 *
 * Source: the `kubernetes-types` package (TypeScript definitions of the Kubernetes API types,
 * one version of Kubernetes per release of the package) turned into JSON Schema by
 * `ts-json-schema-generator`. Both are devDependencies: this script never runs during
 * `npm ci` or the tests; its output is committed. The hand-written constraints in
 * schemas/constraints/k8s.json (enums, ranges, required fields) are merged on top.
 *
 * Output files are named the way kubeconform names schemas, so users can reuse them:
 * `<kind>-<first label of the group>-<version>.json`, `<kind>-<version>.json` for the core group.
 *
 * The kinds catalogue (src/model/kinds.generated.json) lists these files: `npm run gen:schemas`
 * runs scripts/gen-kinds.js after this script.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createGenerator } = require('ts-json-schema-generator');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'schemas', 'k8s');
const CONSTRAINTS = path.join(ROOT, 'schemas', 'constraints', 'k8s.json');
const TYPES_DIR = path.dirname(require.resolve('kubernetes-types/package.json'));
const TYPES_VERSION = require('kubernetes-types/package.json').version;
const GENERATOR_VERSION = require('ts-json-schema-generator/package.json').version;

/** Which kinds to generate: source file (relative to kubernetes-types), apiVersion, kinds. */
const SOURCES = [
  { file: 'core/v1.d.ts', apiVersion: 'v1', kinds: ['Pod', 'Service', 'Endpoints', 'Namespace', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume', 'LimitRange', 'ResourceQuota', 'ReplicationController'] },
  { file: 'apps/v1.d.ts', apiVersion: 'apps/v1', kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'] },
  { file: 'discovery/v1.d.ts', apiVersion: 'discovery.k8s.io/v1', kinds: ['EndpointSlice'] },
  { file: 'networking/v1.d.ts', apiVersion: 'networking.k8s.io/v1', kinds: ['NetworkPolicy', 'Ingress', 'IngressClass'] },
  { file: 'batch/v1.d.ts', apiVersion: 'batch/v1', kinds: ['Job', 'CronJob'] },
  { file: 'rbac/v1.d.ts', apiVersion: 'rbac.authorization.k8s.io/v1', kinds: ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'] },
  { file: 'policy/v1.d.ts', apiVersion: 'policy/v1', kinds: ['PodDisruptionBudget'] },
  { file: 'storage/v1.d.ts', apiVersion: 'storage.k8s.io/v1', kinds: ['StorageClass'] },
  { file: 'scheduling/v1.d.ts', apiVersion: 'scheduling.k8s.io/v1', kinds: ['PriorityClass'] },
  { file: 'autoscaling/v2.d.ts', apiVersion: 'autoscaling/v2', kinds: ['HorizontalPodAutoscaler'] },
  { file: 'admissionregistration/v1.d.ts', apiVersion: 'admissionregistration.k8s.io/v1', kinds: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'] },
  { file: 'apiextensions/v1.d.ts', apiVersion: 'apiextensions.k8s.io/v1', kinds: ['CustomResourceDefinition'] },
  // Not in kubernetes-types (it comes from kube-aggregator): a small hand-written definition.
  { file: path.join(__dirname, 'schema-sources', 'apiregistration-v1.d.ts'), apiVersion: 'apiregistration.k8s.io/v1', kinds: ['APIService'], handWritten: true },
];

/** kubeconform's file name for a kind: `service-v1`, `deployment-apps-v1`, `ingress-networking-v1`. */
function schemaName(apiVersion, kind) {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return `${kind.toLowerCase()}-${apiVersion}`;
  const group = apiVersion.slice(0, slash);
  return `${kind.toLowerCase()}-${group.split('.')[0]}-${apiVersion.slice(slash + 1)}`;
}

/**
 * Keeps the first paragraph of a description and at most ~400 characters (cut at a sentence):
 * enough to explain a field in a hint, without megabytes of prose per file.
 */
function shortDescription(text) {
  let d = text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  if (d.length > 400) {
    const cut = d.lastIndexOf('. ', 400);
    d = cut > 80 ? d.slice(0, cut + 1) : d.slice(0, 400) + '…';
  }
  return d;
}

/** Walks a schema, calling fn on every sub-schema object (after its children). */
function walk(node, fn) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, fn));
  if (node === null || typeof node !== 'object') return;
  for (const v of Object.values(node)) walk(v, fn);
  fn(node);
}

/** Fixes what the TypeScript types say differently from what the API server accepts. */
function patchStructural(schema) {
  const defs = schema.definitions;
  // Quantity is `string` in the types, but the API server accepts `cpu: 1` or `memory: 1e9` too.
  if (defs.Quantity) defs.Quantity = { type: ['string', 'number'], description: 'A quantity such as `500m`, `1Gi` or a plain number.' };
  // Timestamps: `kubectl get -o yaml` and `kubectl create --dry-run` print `creationTimestamp: null`.
  for (const t of ['Time', 'MicroTime']) {
    if (defs[t]) defs[t] = { type: ['string', 'null'], description: 'An RFC 3339 timestamp (null is accepted, as kubectl prints it).' };
  }
  // kubernetes-types drops the fields of Rule that Go inlines into RuleWithOperations
  // (admissionregistration/v1 types.go: `Rule `json:",inline"``): put them back.
  if (defs.RuleWithOperations && !defs.RuleWithOperations.properties.resources) {
    Object.assign(defs.RuleWithOperations.properties, {
      resources: { type: 'array', items: { type: 'string' }, description: "Resources is a list of resources this rule applies to. '*' means all resources; 'pods/*' means all subresources of pods. Required." },
      scope: { type: 'string', enum: ['Cluster', 'Namespaced', '*'], description: 'Scope specifies the scope of this rule: "Cluster", "Namespaced" or "*" (default).' },
    });
  }
  // apiextensions/v1 JSONSchemaProps: kubernetes-types leaves out the Kubernetes extensions of
  // OpenAPI that every real CRD schema uses (types_jsonschema.go: the `x-kubernetes-*` fields),
  // and types `default`, `enum` items and `example` as an empty interface where Go has
  // apiextensionsv1.JSON, any JSON value. Without these, every CRD would get false findings.
  if (defs.JSONSchemaProps && !defs.JSONSchemaProps.properties['x-kubernetes-preserve-unknown-fields']) {
    const bool = (description) => ({ type: 'boolean', description });
    Object.assign(defs.JSONSchemaProps.properties, {
      'x-kubernetes-preserve-unknown-fields': bool('Stops the API server from pruning fields the schema does not specify.'),
      'x-kubernetes-embedded-resource': bool('The value is an embedded Kubernetes object, with apiVersion, kind and metadata.'),
      'x-kubernetes-int-or-string': bool('The value is an integer or a string.'),
      'x-kubernetes-list-type': { type: 'string', enum: ['atomic', 'set', 'map'], description: 'How server-side apply merges the list: atomic, set or map.' },
      'x-kubernetes-list-map-keys': { type: 'array', items: { type: 'string' }, description: 'The keys that identify an item of a list of type map.' },
      'x-kubernetes-map-type': { type: 'string', enum: ['granular', 'atomic'], description: 'How server-side apply merges the object: granular or atomic.' },
      'x-kubernetes-validations': { type: 'array', items: { $ref: '#/definitions/ValidationRule' }, description: 'CEL validation rules for the value.' },
    });
  }
  if (defs.JSONSchemaProps && !defs.ValidationRule) {
    defs.ValidationRule = {
      type: 'object',
      additionalProperties: false,
      required: ['rule'],
      description: 'A CEL rule the API server evaluates on the value (apiextensions/v1 ValidationRule).',
      properties: {
        rule: { type: 'string' }, message: { type: 'string' }, messageExpression: { type: 'string' },
        reason: { type: 'string', enum: ['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate'] },
        fieldPath: { type: 'string' }, optionalOldSelf: { type: 'boolean' },
      },
    };
  }
  if (defs.JSON && defs.JSONSchemaProps) defs.JSON = { description: 'Any JSON value.' };
  walk(schema, (node) => {
    if (typeof node.description === 'string') node.description = shortDescription(node.description);
    // Empty Go structs that hold arbitrary JSON (FieldsV1, RawExtension): any object.
    if (node.type === 'object' && node.additionalProperties === false && node.properties === undefined) {
      delete node.additionalProperties;
    }
    // apiVersion and kind are literal types; `const` already says it, no need for the long prose.
  });
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Merges a constraint into a generated sub-schema: objects deeply, `required` as a union, other values replaced. */
function mergeInto(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'required') target.required = [...new Set([...(target.required ?? []), ...value])].sort();
    else if (isPlainObject(value) && isPlainObject(target[key])) mergeInto(target[key], value);
    else target[key] = structuredClone(value);
  }
}

function applyConstraints(schema, constraints) {
  const applied = [];
  for (const [name, patch] of Object.entries(constraints.definitions)) {
    const def = schema.definitions[name];
    if (!def) continue;
    for (const prop of Object.keys(patch.properties ?? {})) {
      if (!def.properties || !def.properties[prop]) throw new Error(`constraint ${name}.${prop}: the generated ${name} has no such property`);
    }
    mergeInto(def, patch);
    applied.push(name);
  }
  return applied;
}

function generate() {
  const constraints = JSON.parse(fs.readFileSync(CONSTRAINTS, 'utf8'));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of fs.readdirSync(OUT_DIR)) if (f.endsWith('.json')) fs.unlinkSync(path.join(OUT_DIR, f));
  const written = [];
  const usedConstraints = new Set();
  for (const src of SOURCES) {
    const file = path.isAbsolute(src.file) ? src.file : path.join(TYPES_DIR, src.file);
    const started = Date.now();
    // One generator (one TypeScript program) per source file: building the program is the slow part.
    const generator = createGenerator({ path: file, skipTypeCheck: true, additionalProperties: false, expose: 'export', topRef: true, jsDoc: 'extended', sortProps: true });
    for (const kind of src.kinds) {
      const schema = generator.createSchema(kind);
      patchStructural(schema);
      applyConstraints(schema, constraints).forEach((n) => usedConstraints.add(n));
      const name = schemaName(src.apiVersion, kind);
      const source = src.handWritten
        ? `hand-written scripts/schema-sources/${path.basename(src.file)} (Kubernetes 1.30 API reference)`
        : `kubernetes-types ${TYPES_VERSION} ${src.file}`;
      const out = {
        $schema: schema.$schema,
        $id: `https://svclab.io/schemas/k8s/${name}.json`,
        $comment: `Generated by scripts/gen-schemas.js from ${source} with ts-json-schema-generator ${GENERATOR_VERSION}, plus schemas/constraints/k8s.json. Do not edit: run \`npm run gen:schemas\`.`,
        'x-svclab-source': { package: src.handWritten ? 'svclab' : 'kubernetes-types', version: TYPES_VERSION, apiVersion: src.apiVersion, kind },
        $ref: schema.$ref,
        definitions: schema.definitions,
      };
      fs.writeFileSync(path.join(OUT_DIR, `${name}.json`), JSON.stringify(out) + '\n');
      written.push({ name, apiVersion: src.apiVersion, kind, bytes: JSON.stringify(out).length });
    }
    process.stdout.write(`${src.apiVersion}: ${src.kinds.join(', ')} (${Date.now() - started} ms)\n`);
  }
  const unused = Object.keys(constraints.definitions).filter((n) => !usedConstraints.has(n));
  if (unused.length) throw new Error(`constraints for definitions no schema has: ${unused.join(', ')}`);
  writeSourceNote(written);
  const total = written.reduce((s, w) => s + w.bytes, 0);
  process.stdout.write(`wrote ${written.length} schemas to schemas/k8s (${(total / 1024).toFixed(0)} KiB)\n`);
}

function writeSourceNote(written) {
  const rows = written.map((w) => `| \`${w.apiVersion}\` | ${w.kind} | \`${w.name}.json\` |`).join('\n');
  const text = `# Source of the schemas in this folder

Generated by \`npm run gen:schemas\` (scripts/gen-schemas.js); do not edit by hand.

- Structure and field descriptions: the \`kubernetes-types\` package, version **${TYPES_VERSION}**
  (the Kubernetes 1.30 API types), converted with \`ts-json-schema-generator\` ${GENERATOR_VERSION}.
  Every object is strict (\`additionalProperties: false\`), so an unknown field is reported.
- APIService (\`apiregistration.k8s.io/v1\`) is not part of \`kubernetes-types\`; its types are
  written by hand in \`scripts/schema-sources/apiregistration-v1.d.ts\` from the 1.30 API reference.
- Adjustments to what the TypeScript types say: \`Quantity\` accepts numbers as well as strings,
  timestamps accept \`null\` (\`creationTimestamp: null\` in kubectl output), empty structs that
  hold arbitrary JSON (\`FieldsV1\`, \`RawExtension\`) accept any object, and descriptions are cut
  to their first paragraph.
- \`RuleWithOperations\` (admission webhooks) gets back \`resources\` and \`scope\`, the fields of the
  inlined Go struct \`Rule\` that \`kubernetes-types\` 1.30.0 leaves out.
- CustomResourceDefinition's \`JSONSchemaProps\` gets back the \`x-kubernetes-*\` fields
  (\`preserve-unknown-fields\`, \`embedded-resource\`, \`int-or-string\`, \`list-type\`,
  \`list-map-keys\`, \`map-type\`, \`validations\`) that \`kubernetes-types\` leaves out, and its
  \`default\`, \`enum\` and \`example\` accept any JSON value (Go's \`apiextensionsv1.JSON\`).
- Constraints layered on top (enums, integer ranges, required fields, int-or-string):
  \`schemas/constraints/k8s.json\`, merged at generation time.
- File names follow kubeconform: \`<kind>-<first label of the group>-<version>.json\`, and
  \`<kind>-<version>.json\` for the core group.

| apiVersion | kind | file |
| --- | --- | --- |
${rows}
`;
  fs.writeFileSync(path.join(OUT_DIR, 'SOURCE.md'), text);
}

generate();
