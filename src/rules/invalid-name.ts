import { defineRule } from './rule';
import { apiGroup, isNamespaced } from '../model/kinds';
import { isObj } from '../model/guards';
import { nameProblem, dns1123LabelProblem, type NameFormat } from '../util/name-formats';

interface NameRule {
  format: NameFormat;
  /** Why Kubernetes wants this format, for someone who has not met it yet. */
  why: string;
  /** An extra length limit on top of the format. */
  maxLength?: { length: number; why: string };
}

const SUBDOMAIN: NameRule = {
  format: 'dns1123-subdomain',
  why: 'must be DNS subdomains (RFC 1123): lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit, at most 253 characters',
};

/**
 * Name validation per kind, as the API server's Validate<Kind> functions pass it to
 * ValidateObjectMeta (kubernetes pkg/apis/<group>/validation): Service -> ValidateServiceName
 * (DNS-1035 label), Namespace -> ValidateNamespaceName (DNS-1123 label), RBAC kinds ->
 * ValidateRBACName (path segment only), CronJob -> DNS subdomain plus its 52-character limit,
 * everything else (custom resources included) -> DNS-1123 subdomain.
 */
function nameRule(apiVersion: string, kind: string): NameRule | undefined {
  const group = apiGroup(apiVersion);
  if (group === 'svclab.io') return undefined; // svclab's own config kinds are not sent to a cluster
  if (group === '' && kind === 'Service') {
    return { format: 'dns1035-label', why: 'become DNS labels (`<name>.<namespace>.svc`), so they must be RFC 1035 labels: lowercase letters, digits and \'-\', starting with a letter, at most 63 characters' };
  }
  if (group === '' && kind === 'Namespace') {
    return { format: 'dns1123-label', why: 'become a DNS label (`<service>.<namespace>.svc`), so they must be RFC 1123 labels: lowercase letters, digits and \'-\', at most 63 characters' };
  }
  if (group === 'rbac.authorization.k8s.io') {
    return { format: 'path-segment', why: 'are used as URL path segments, so they may not be `.` or `..` nor contain `/` or `%`' };
  }
  if (group === 'policy' && kind === 'PodDisruptionBudget') {
    return { format: 'path-segment', why: 'are used as URL path segments, so they may not be `.` or `..` nor contain `/` or `%`' };
  }
  if (group === 'batch' && kind === 'CronJob') {
    return { ...SUBDOMAIN, maxLength: { length: 52, why: 'the CronJob controller appends an 11-character suffix to name each Job, and Job names must fit a 63-character label' } };
  }
  return SUBDOMAIN;
}

export default defineRule({
  meta: {
    id: 'invalid-name',
    severity: 'error',
    description: 'metadata.name (or metadata.namespace) is not a valid name for the kind: Service names must be DNS-1035 labels, most others DNS-1123 subdomains.',
    category: 'input',
    scope: 'object',
    messages: {
      invalid: {
        message: '{{kind}} names {{why}}: `{{name}}` {{problem}}',
        hint: 'Rename it, e.g. `{{suggestion}}`. The API server rejects the object as it is.',
      },
      tooLong: {
        message: '{{kind}} names may be at most {{max}} characters because {{why}}: `{{name}}` has {{length}}',
        hint: 'Shorten metadata.name to {{max}} characters or fewer.',
      },
      missing: {
        message: 'this {{kind}} has no metadata.name, so the API server rejects it ("name or generateName is required")',
        hint: 'Add `metadata.name`, a unique name for the object within its namespace.',
      },
      invalidGenerateName: {
        message: '{{kind}} names {{why}}: the prefix metadata.generateName `{{name}}` {{problem}}',
        hint: 'Use a prefix that gives a valid name once 5 random characters are appended, e.g. `{{suggestion}}`.',
      },
      invalidNamespace: {
        message: 'namespace names become a DNS label (`<service>.<namespace>.svc`), so they must be RFC 1123 labels (lowercase letters, digits and \'-\', at most 63 characters): `{{name}}` {{problem}}',
        hint: 'Use a namespace name such as `{{suggestion}}`.',
      },
    },
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      const m = o.manifest;
      const rule = nameRule(m.apiVersion, m.kind);
      if (!rule) continue;
      const metadata = isObj(m.value.metadata) ? m.value.metadata : {};
      const name = metadata.name;
      if (name === undefined || name === null || name === '') {
        const generateName = metadata.generateName;
        if (typeof generateName === 'string' && generateName !== '') {
          // The prefix gets 5 random characters appended, so a trailing '-' is fine (NameIsDNSSubdomain with prefix=true).
          const problem = nameProblem(generateName.replace(/-+$/, (d) => 'a'.repeat(d.length)), rule.format);
          if (problem) {
            ctx.report({ messageId: 'invalidGenerateName', manifest: m, path: ['metadata', 'generateName'], data: { kind: m.kind, why: rule.why, name: generateName, problem, suggestion: suggest(generateName, rule.format) } });
          }
        } else {
          ctx.report({ messageId: 'missing', manifest: m, path: ['metadata', 'name'], data: { kind: m.kind } });
        }
      } else if (typeof name === 'string') {
        // Non-string names are a type error the schema stage reports.
        const problem = nameProblem(name, rule.format);
        if (problem) {
          ctx.report({ messageId: 'invalid', manifest: m, path: ['metadata', 'name'], data: { kind: m.kind, why: rule.why, name, problem, suggestion: suggest(name, rule.format) } });
        } else if (rule.maxLength && name.length > rule.maxLength.length) {
          ctx.report({ messageId: 'tooLong', manifest: m, path: ['metadata', 'name'], data: { kind: m.kind, max: rule.maxLength.length, why: rule.maxLength.why, name, length: name.length } });
        }
      }
      const ns = metadata.namespace;
      if (typeof ns === 'string' && ns !== '' && isNamespaced(m.apiVersion, m.kind)) {
        const problem = dns1123LabelProblem(ns);
        if (problem) ctx.report({ messageId: 'invalidNamespace', manifest: m, path: ['metadata', 'namespace'], data: { name: ns, problem, suggestion: suggest(ns, 'dns1123-label') } });
      }
    }
  },
});

/** A valid name close to the invalid one: lowercase, '_' and other characters to '-', trimmed. */
export function suggest(name: string, format: NameFormat): string {
  if (format === 'path-segment') return name.replace(/[/%]/g, '-') || 'my-object';
  const keepDots = format === 'dns1123-subdomain';
  let s = name.toLowerCase().replace(keepDots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-');
  if (keepDots) s = s.replace(/\.{2,}/g, '.').split('.').map((p) => p.replace(/^-+|-+$/g, '')).filter(Boolean).join('.');
  s = s.replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (format === 'dns1035-label' && /^[0-9]/.test(s)) s = `svc-${s}`;
  s = s.slice(0, format === 'dns1123-subdomain' ? 253 : 63).replace(/[-.]+$/g, '');
  return s || (format === 'dns1035-label' ? 'my-service' : 'my-object');
}
