import { defineRule } from './rule';
import { rawAt } from './pod-containers';
import type { RuleContext } from './rule';
import { arr, isObj } from '../model/guards';
import type { Manifest } from '../parse/manifest';
import { formatPath, type FieldPath } from '../types';
import { labelKeyProblem, labelValueProblem } from '../util/name-formats';

const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

export default defineRule({
  meta: {
    id: 'invalid-label',
    severity: 'error',
    description: 'A label key or value (in metadata.labels, pod template labels or a selector) that the API server rejects.',
    category: 'input',
    messages: {
      badKey: {
        message: 'label key `{{key}}` in {{where}} {{problem}}; a key is an optional DNS-subdomain prefix and `/`, then a name of at most 63 letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit',
        hint: 'Rename the key, e.g. `{{suggestion}}`; the API server rejects the object as it is.',
      },
      badValue: {
        message: 'label value `{{value}}` of key `{{key}}` in {{where}} {{problem}}; a value is empty or at most 63 letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit',
        hint: 'Use a value such as `{{suggestion}}`; labels are for short identifiers (put longer text in an annotation).',
      },
    },
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      checkMap(ctx, o.manifest, ['metadata', 'labels'], 'metadata.labels');
      if (o.kind === 'Service' && o.manifest.apiVersion === 'v1') checkMap(ctx, o.manifest, ['spec', 'selector'], 'the Service selector');
      if (o.kind === 'NetworkPolicy') checkSelector(ctx, o.manifest, ['spec', 'podSelector']);
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

function checkMap(ctx: RuleContext, m: Manifest, path: FieldPath, where: string): void {
  const map = rawAt(m.value, path);
  if (!isObj(map)) return;
  for (const [key, value] of Object.entries(map)) {
    checkKey(ctx, m, [...path, key], key, where, true);
    // Values that are not strings are a type error the schema stage reports.
    if (typeof value === 'string') checkValue(ctx, m, [...path, key], key, value, where);
  }
}

function checkSelector(ctx: RuleContext, m: Manifest, path: FieldPath): void {
  const where = formatPath(path);
  checkMap(ctx, m, [...path, 'matchLabels'], `${where}.matchLabels`);
  arr(rawAt(m.value, [...path, 'matchExpressions'])).forEach((req, i) => {
    if (!isObj(req)) return;
    const reqPath = [...path, 'matchExpressions', i];
    if (typeof req.key === 'string') checkKey(ctx, m, [...reqPath, 'key'], req.key, formatPath(reqPath), false);
    arr(req.values).forEach((v, j) => {
      if (typeof v === 'string' && typeof req.key === 'string') checkValue(ctx, m, [...reqPath, 'values', j], req.key, v, formatPath(reqPath));
    });
  });
}

function checkKey(ctx: RuleContext, m: Manifest, path: FieldPath, key: string, where: string, atKey: boolean): void {
  const problem = labelKeyProblem(key);
  if (problem) ctx.report({ messageId: 'badKey', manifest: m, path, atKey, data: { key, where, problem, suggestion: suggestKey(key) } });
}

function checkValue(ctx: RuleContext, m: Manifest, path: FieldPath, key: string, value: string, where: string): void {
  const problem = labelValueProblem(value);
  if (problem) ctx.report({ messageId: 'badValue', manifest: m, path, data: { key, value, where, problem, suggestion: suggestValue(value) } });
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
