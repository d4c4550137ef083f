/**
 * The name and label formats the Kubernetes API server enforces, with a plain-words reason for
 * each failure. Semantics follow k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label,
 * IsDNS1123Subdomain, IsDNS1035Label, IsQualifiedName, IsValidLabelValue, IsValidPortName) and
 * k8s.io/apimachinery/pkg/api/validation/path (IsValidPathSegmentName); the code is our own.
 */

export type NameFormat = 'dns1123-label' | 'dns1123-subdomain' | 'dns1035-label' | 'path-segment';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Name part of a qualified name (label key) and a non-empty label value. */
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const LABEL_VALUE_MAX = 63;
export const PORT_NAME_MAX = 15;

const code = (s: string) => `\`${s}\``;

/** The first character that the format does not allow, described; undefined when all are allowed. */
function badCharacter(value: string, allowed: RegExp, what: string): string | undefined {
  for (const ch of value) {
    if (allowed.test(ch)) continue;
    if (ch >= 'A' && ch <= 'Z') return `has uppercase letters (${what} must be lowercase)`;
    if (ch === '_') return 'has an underscore';
    if (ch === '.') return 'has a dot, and a single DNS label cannot contain dots';
    if (ch === ' ') return 'has a space';
    return `has the character ${code(ch)}, which is not allowed`;
  }
  return undefined;
}

function edges(value: string, first: RegExp, firstWhat: string): string | undefined {
  if (!first.test(value[0])) return `starts with ${code(value[0])} (it must start with ${firstWhat})`;
  const last = value[value.length - 1];
  if (!/[a-z0-9]/.test(last)) return `ends with ${code(last)} (it must end with a lowercase letter or digit)`;
  return undefined;
}

/** Why `value` is not a DNS-1123 label (RFC 1123), or undefined when it is one. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (value.length > DNS1123_LABEL_MAX) return `is ${value.length} characters long (at most ${DNS1123_LABEL_MAX})`;
  if (DNS1123_LABEL.test(value)) return undefined;
  return badCharacter(value, /[-a-z0-9]/, 'names') ?? edges(value, /[a-z0-9]/, 'a lowercase letter or digit');
}

/** Why `value` is not a DNS-1035 label (RFC 1035: like RFC 1123, but must start with a letter). */
export function dns1035LabelProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (value.length > DNS1123_LABEL_MAX) return `is ${value.length} characters long (at most ${DNS1123_LABEL_MAX})`;
  if (DNS1035_LABEL.test(value)) return undefined;
  const chars = badCharacter(value, /[-a-z0-9]/, 'names');
  if (chars) return chars;
  if (/[0-9]/.test(value[0])) return `starts with a digit (it must start with a lowercase letter)`;
  return edges(value, /[a-z]/, 'a lowercase letter');
}

/** Why `value` is not a DNS-1123 subdomain (dot-separated labels, at most 253 characters). */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (value.length > DNS1123_SUBDOMAIN_MAX) return `is ${value.length} characters long (at most ${DNS1123_SUBDOMAIN_MAX})`;
  if (DNS1123_SUBDOMAIN.test(value)) return undefined;
  const chars = badCharacter(value, /[-a-z0-9.]/, 'names');
  if (chars) return chars;
  for (const part of value.split('.')) {
    if (part === '') return 'has an empty part (two dots in a row, or a dot at the start or end)';
    const edge = edges(part, /[a-z0-9]/, 'a lowercase letter or digit');
    if (edge) return `has a part ${code(part)} that ${edge}`;
  }
  return 'is not a valid DNS subdomain';
}

/** Why `value` cannot be a path segment (the only rule for RBAC object names), or undefined. */
export function pathSegmentProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (value === '.' || value === '..') return `may not be ${code(value)}`;
  for (const bad of ['/', '%']) if (value.includes(bad)) return `has the character ${code(bad)}, which is not allowed in a URL path segment`;
  return undefined;
}

export function nameProblem(value: string, format: NameFormat): string | undefined {
  switch (format) {
    case 'dns1123-label':
      return dns1123LabelProblem(value);
    case 'dns1035-label':
      return dns1035LabelProblem(value);
    case 'dns1123-subdomain':
      return dns1123SubdomainProblem(value);
    case 'path-segment':
      return pathSegmentProblem(value);
  }
}

function qualifiedPartProblem(value: string, max: number): string | undefined {
  if (value.length > max) return `is ${value.length} characters long (at most ${max})`;
  if (QUALIFIED_NAME_PART.test(value)) return undefined;
  for (const ch of value) {
    if (/[-A-Za-z0-9_.]/.test(ch)) continue;
    return ch === ' ' ? 'has a space' : `has the character ${code(ch)}, which is not allowed`;
  }
  return `must start and end with a letter or digit`;
}

/** Why `key` is not a valid label key (`[prefix/]name`, as IsQualifiedName checks it), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'has more than one `/` (a key is an optional DNS-subdomain prefix, one `/`, and a name)';
  let name = parts[0];
  if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix === '') return 'has an empty prefix before `/`';
    const p = dns1123SubdomainProblem(prefix);
    if (p) return `has a prefix ${code(prefix)} that ${p} (the prefix must be a DNS subdomain such as \`example.com\`)`;
  }
  if (name === '') return 'has an empty name part';
  const n = qualifiedPartProblem(name, DNS1123_LABEL_MAX);
  return n ? `has a name part ${code(name)} that ${n}` : undefined;
}

/** Why `value` is not a valid label value (may be empty; at most 63 characters), or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  return qualifiedPartProblem(value, LABEL_VALUE_MAX);
}

/**
 * Why `name` is not an IANA service name as Kubernetes accepts it for container ports and
 * named target ports (validation.IsValidPortName), or undefined.
 */
export function portNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > PORT_NAME_MAX) return `is ${name.length} characters long (at most ${PORT_NAME_MAX})`;
  const chars = badCharacter(name, /[-a-z0-9]/, 'port names');
  if (chars) return chars.replace(', and a single DNS label cannot contain dots', '');
  if (!/[a-z]/.test(name)) return 'has no letter (a port name needs at least one, so that it cannot be mistaken for a number)';
  if (name.includes('--')) return 'has two hyphens in a row';
  if (name.startsWith('-') || name.endsWith('-')) return `${name.startsWith('-') ? 'starts' : 'ends'} with a hyphen`;
  return undefined;
}
