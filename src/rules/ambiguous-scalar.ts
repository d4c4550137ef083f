import { defineMessages, defineRule, type RuleContext } from './rule';
import { arr, isObj, valueAt } from '../model/guards';
import type { Manifest } from '../parse/manifest';
import type { FieldPath } from '../types';

/** What YAML 1.1, as kubectl's parser (go-yaml v2 via sigs.k8s.io/yaml) applies it, reads a plain scalar as. */
export interface Yaml11Reading {
  type: 'boolean' | 'number' | 'sexagesimal';
  /** The value as JSON would carry it: `true`, `493`, `1000`. */
  value: string;
  /** Why, in words: "octal", "hexadecimal", "with `_` separators removed". */
  how: string;
}

// go-yaml v2 resolve.go resolveMap: only these spellings are booleans (not "yEs").
const BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
]);
const SPECIAL_FLOATS = new Map<string, string>([
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, 'NaN'] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, 'infinity'] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, 'minus infinity'] as const),
]);
/** go-yaml v2 yamlStyleFloat. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's strconv.ParseInt(s, 0, 64) accepts (sign, 0x / 0o / 0b prefixes, leading-0 octal). */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|0|[1-9][0-9]*)$/;
/** YAML 1.1 base-60 numbers, which go-yaml v2 deliberately does not implement. */
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;

function intValue(text: string): { value: string; how: string } {
  const negative = text.startsWith('-');
  const body = text.replace(/^[-+]/, '');
  const sign = negative ? '-' : '';
  let digits = body;
  let radix = 10;
  let how = '';
  if (/^0[xX]/.test(body)) [digits, radix, how] = [body.slice(2), 16, 'hexadecimal'];
  else if (/^0[oO]/.test(body)) [digits, radix, how] = [body.slice(2), 8, 'octal'];
  else if (/^0[bB]/.test(body)) [digits, radix, how] = [body.slice(2), 2, 'binary'];
  else if (/^0[0-7]+$/.test(body)) [digits, radix, how] = [body.slice(1), 8, 'octal, because of the leading 0'];
  const n = BigInt(radix === 16 ? `0x${digits}` : radix === 8 ? `0o${digits}` : radix === 2 ? `0b${digits}` : digits);
  return { value: `${sign}${n.toString()}`, how };
}

/**
 * The non-string reading of a plain scalar under kubectl's YAML 1.1 rules, or undefined when it
 * stays a string. Follows go-yaml v2 `resolve()`: the first character picks the candidates,
 * `_` separators are dropped before number parsing, and timestamps stay strings for kubectl.
 */
export function yaml11Reading(text: string): Yaml11Reading | undefined {
  const bool = BOOLEANS.get(text);
  if (bool !== undefined) return { type: 'boolean', value: String(bool), how: '' };
  const special = SPECIAL_FLOATS.get(text);
  if (special) return { type: 'number', value: special, how: '' };
  const first = text[0];
  if (first === '.') {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return { type: 'number', value: String(Number(`0${text}`)), how: '' };
    return undefined;
  }
  if (first === undefined || !/[-+0-9]/.test(first)) return undefined;
  const plain = text.replace(/_/g, '');
  const how = plain !== text ? 'with the `_` separators removed' : '';
  if (GO_INT.test(plain)) {
    const r = intValue(plain);
    return { type: 'number', value: r.value, how: [r.how, how].filter(Boolean).join(', ') };
  }
  if (YAML_FLOAT.test(plain)) return { type: 'number', value: String(Number(plain)), how };
  if (/^-0b[01]+$/.test(plain)) return { type: 'number', value: intValue(plain).value, how: 'binary' };
  if (SEXAGESIMAL.test(text)) {
    let n = 0;
    for (const part of text.replace(/^[-+]/, '').replace(/_/g, '').split(':')) n = n * 60 + Number(part);
    return { type: 'sexagesimal', value: `${text.startsWith('-') ? '-' : ''}${n}`, how: 'base 60' };
  }
  return undefined;
}

const messages = defineMessages({
  boolean: {
    message: 'unquoted `{{text}}` in {{field}} is the boolean {{value}} in YAML 1.1, which kubectl uses, but Kubernetes expects a string here: the API server rejects it, or it becomes "{{value}}"',
    hint: 'Quote it: {{quoted}}',
  },
  number: {
    message: 'unquoted `{{text}}` in {{field}} is the number {{value}}{{how}} in YAML 1.1, which kubectl uses, but Kubernetes expects a string here: the API server rejects it, or it becomes "{{value}}"',
    hint: 'Quote it to keep the text as written: {{quoted}}',
  },
  sexagesimal: {
    message: 'unquoted `{{text}}` in {{field}} is the base-60 number {{value}} under YAML 1.1; kubectl keeps it as the string "{{text}}", but other YAML 1.1 tools in a pipeline (PyYAML, Ansible) turn it into {{value}}',
    hint: 'Quote it so that every tool reads the same string: {{quoted}}',
  },
});

type Context = RuleContext<typeof messages>;

export default defineRule({
  meta: {
    id: 'ambiguous-scalar',
    severity: 'warning',
    description: 'An unquoted YAML value that YAML 1.1 (which kubectl uses) reads as a boolean or number where Kubernetes expects a string.',
    category: 'input',
    scope: 'object',
    messages,
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      const m = o.manifest;
      checkMapValues(ctx, m, ['metadata', 'labels'], 'a label value');
      checkMapValues(ctx, m, ['metadata', 'annotations'], 'an annotation value');
      if (o.kind === 'Service' && m.apiVersion === 'v1') checkMapValues(ctx, m, ['spec', 'selector'], 'a selector value');
      if (o.kind === 'ConfigMap' && m.apiVersion === 'v1') checkMapValues(ctx, m, ['data'], 'ConfigMap data');
      if (o.kind === 'Secret' && m.apiVersion === 'v1') checkMapValues(ctx, m, ['stringData'], 'Secret stringData');
    }
    for (const w of ctx.model.workloads) {
      const m = w.manifest;
      if (w.templatePath.length > 0) {
        checkMapValues(ctx, m, [...w.templatePath, 'metadata', 'labels'], 'a pod template label value');
        checkMapValues(ctx, m, [...w.templatePath, 'metadata', 'annotations'], 'a pod template annotation value');
      }
      if (w.kind !== 'Pod' && w.kind !== 'CronJob') {
        const selector = w.kind === 'ReplicationController' ? ['spec', 'selector'] : ['spec', 'selector', 'matchLabels'];
        checkMapValues(ctx, m, selector, 'a selector value');
      }
      const spec = [...w.templatePath, 'spec'];
      for (const list of ['initContainers', 'containers']) {
        arr(valueAt(m.value, [...spec, list])).forEach((c, i) => {
          if (!isObj(c)) return;
          arr(c.env).forEach((e, j) => {
            if (isObj(e)) checkValue(ctx, m, e.value, [...spec, list, i, 'env', j], 'value', 'an env value');
          });
          for (const field of ['command', 'args'] as const) {
            arr(c[field]).forEach((v, j) => checkValue(ctx, m, v, [...spec, list, i, field], j, field === 'args' ? 'an args item' : 'a command item'));
          }
        });
      }
    }
  },
});

function checkMapValues(ctx: Context, m: Manifest, path: FieldPath, field: string): void {
  const map = valueAt(m.value, path);
  if (!isObj(map)) return;
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) checkValue(ctx, m, map[keys[i]], path, keys[i], field, keys[i]);
}

/** First characters of every text that YAML 1.1 reads as a boolean or number (go-yaml v2's resolve table). */
const CANDIDATE_START = new Uint8Array(128);
for (const c of '-+.0123456789yYnNtTfFoO') CANDIDATE_START[c.charCodeAt(0)] = 1;

/**
 * Texts that YAML 1.2 (the `yaml` package's core schema, which svclab parses with) resolves to
 * a boolean, null or number. A string value with such a text cannot have been written plain,
 * so it was quoted: no need to look at its YAML node.
 */
const YAML12_NON_STRING = /^(?:true|True|TRUE|false|False|FALSE|~|null|Null|NULL|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * Runs for every label, annotation and env value of the input, so cheap filters come first and
 * the YAML node is looked up only for a value that may have been written unquoted: a number or
 * boolean, or a string that YAML 1.1 reads as one while YAML 1.2 does not (`on`, `1_000`).
 */
function checkValue(ctx: Context, m: Manifest, value: unknown, parent: FieldPath, last: string | number, field: string, key?: string): void {
  if (typeof value === 'string') {
    // A table, not a pattern: this runs for every label, annotation and ConfigMap value (an empty text gives NaN: no entry).
    if (CANDIDATE_START[value.charCodeAt(0)] !== 1 || YAML12_NON_STRING.test(value) || !yaml11Reading(value)) return;
  } else if (typeof value !== 'number' && typeof value !== 'boolean') return;
  const path = [...parent, last];
  const node = m.source.nodeAt([...m.root, ...path]);
  // Only unquoted (plain) scalars are ambiguous; quoted ones are strings in every YAML version.
  if (node?.kind !== 'scalar' || node.type !== 'PLAIN') return;
  const text = typeof node.source === 'string' ? node.source : String(node.value);
  const reading = yaml11Reading(text);
  if (!reading) return;
  const data = { text, field: key === undefined ? field : `${field} (\`${key}\`)`, value: reading.value, quoted: `"${text}"` };
  if (reading.type === 'sexagesimal') ctx.report({ messageId: 'sexagesimal', manifest: m, path, data, severity: 'info' });
  else ctx.report({ messageId: reading.type, manifest: m, path, data: { ...data, how: reading.how ? ` (${reading.how})` : '' } });
}
