import { defineMessages, defineRule, type RuleContext } from './rule';
import { arr, isObj, valueAt } from '../model/guards';
import { isBuiltinGroupOf } from '../model/kinds';
import type { Manifest } from '../parse/manifest';
import { formatPath, type FieldPath } from '../types';
import { labelKeyProblem, labelValueProblem } from '../util/name-formats';

const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

const messages = defineMessages({
  badKey: {
    message: 'label key `{{key}}` in {{where}} {{problem}}; a key is an optional DNS-subdomain prefix and `/`, then a name of at most 63 letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit',
    hint: 'Rename the key, e.g. `{{suggestion}}`; the API server rejects the object as it is.',
  },
  badValue: {
    message: 'label value `{{value}}` of key `{{key}}` in {{where}} {{problem}}; a value is empty or at most 63 letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit',
    hint: 'Use a value such as `{{suggestion}}`; labels are for short identifiers (put longer text in an annotation).',
  },
});

type Context = RuleContext<typeof messages>;

export default defineRule({
  meta: {
    id: 'invalid-label',
    severity: 'error',
    description: 'A label key or value (in metadata.labels, pod template labels or a selector) that the API server rejects.',
    category: 'input',
    scope: 'object',
    messages,
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      checkMap(ctx, o.manifest, ['metadata', 'labels'], 'metadata.labels');
      if (o.kind === 'Service' && o.manifest.apiVersion === 'v1') checkMap(ctx, o.manifest, ['spec', 'selector'], 'the Service selector');
      if (o.kind === 'NetworkPolicy' && isBuiltinGroupOf(o.manifest)) checkSelector(ctx, o.manifest, ['spec', 'podSelector']);
    }
    for (const w of ctx.model.workloads) {
      // A Pod's template is its own metadata, already checked above.
      if (w.templatePath.length > 0) {
        const path = [...w.templatePath, 'metadata', 'labels'];
        checkMap(ctx, w.manifest, path, 'the pod template labels');
      }
      if (SELECTOR_KINDS.has(w.kind)) checkSelector(ctx, w.manifest, ['spec', 'selector']);
      if (w.kind === 'ReplicationController') checkMap(ctx, w.manifest, ['spec', 'selector'], 'the selector');
    }
  },
});

function checkMap(ctx: Context, m: Manifest, path: FieldPath, where: string): void {
  const map = valueAt(m.value, path);
  if (!isObj(map)) return;
  for (const key in map) {
    checkKey(ctx, m, path, key, key, where, true);
    // Values that are not strings are a type error the schema stage reports.
    const value = map[key];
    if (typeof value === 'string') checkValue(ctx, m, path, key, key, value, where);
  }
}

function checkSelector(ctx: Context, m: Manifest, path: FieldPath): void {
  checkMap(ctx, m, [...path, 'matchLabels'], `${formatPath(path)}.matchLabels`);
  arr(valueAt(m.value, [...path, 'matchExpressions'])).forEach((req, i) => {
    if (!isObj(req) || typeof req.key !== 'string') return;
    const reqPath = [...path, 'matchExpressions', i];
    checkKey(ctx, m, reqPath, 'key', req.key, formatPath(reqPath), false);
    const values = [...reqPath, 'values'];
    arr(req.values).forEach((v, j) => {
      if (typeof v === 'string') checkValue(ctx, m, values, j, req.key as string, v, formatPath(reqPath));
    });
  });
}

// Most labels are valid: one regular expression (plus a length check) decides that, and only an
// invalid text pays for the detailed explanation.
const VALID_KEY = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALID_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function keyLooksValid(key: string): boolean {
  if (!VALID_KEY.test(key)) return false;
  const slash = key.indexOf('/');
  return slash < 0 ? key.length <= 63 : slash <= 253 && key.length - slash - 1 <= 63;
}

/** `parent` + `last` is the field path of the label (paths are built only for findings). */
function checkKey(ctx: Context, m: Manifest, parent: FieldPath, last: string | number, key: string, where: string, atKey: boolean): void {
  if (keyLooksValid(key)) return;
  const problem = labelKeyProblem(key);
  if (problem) ctx.report({ messageId: 'badKey', manifest: m, path: [...parent, last], atKey, data: { key, where, problem, suggestion: suggestKey(key) } });
}

function checkValue(ctx: Context, m: Manifest, parent: FieldPath, last: string | number, key: string, value: string, where: string): void {
  if (value.length <= 63 && VALID_VALUE.test(value)) return;
  const problem = labelValueProblem(value);
  if (problem) ctx.report({ messageId: 'badValue', manifest: m, path: [...parent, last], data: { key, value, where, problem, suggestion: suggestValue(value) } });
}

function suggestValue(value: string): string {
  const s = value.replace(/[^-A-Za-z0-9_.]+/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return s || 'my-value';
}

function suggestKey(key: string): string {
  const slash = key.lastIndexOf('/');
  const prefix = slash > 0 ? key.slice(0, slash).toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') : '';
  const name = suggestValue(slash >= 0 ? key.slice(slash + 1) : key);
  return prefix ? `${prefix}/${name}` : name;
}
