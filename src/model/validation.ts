/**
 * The API server's field validators, with its own words: the checks of
 * k8s.io/apimachinery/pkg/util/validation (IsQualifiedName, IsDNS1123Label, IsDNS1123Subdomain,
 * IsDNS1035Label, IsValidIP, IsValidPortNum) and pkg/apis/core/validation ValidateNonSpecialIP,
 * each returning the messages it would put in a field.Invalid (none when the value is valid).
 * The simulator refuses objects with these texts (model/invalid.ts fieldError); the lint rules
 * ask the same questions and explain the answer in plain words (util/name-formats.ts).
 */
import type { FieldPath } from '../types';
import { parseIP, type ParsedIP } from '../util/ip';
import type { InvalidValue } from './invalid';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';

const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1035_LABEL = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

/** validation.RegexError: the message, the examples and the regular expression. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const maxLen = (n: number) => `must be no more than ${n} characters`;
const EMPTY = 'must be non-empty';

/** IsDNS1123Label. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!DNS1123_LABEL.test(value)) {
    // A valid subdomain that is not a label: since the length was checked, it must be the dots.
    if (DNS1123_SUBDOMAIN.test(value)) errs.push('must not contain dots');
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

const DNS1123_LABEL_US_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_US_FMT = `${DNS1123_LABEL_US_FMT}(\\.${DNS1123_LABEL_US_FMT})*`;
const DNS1123_SUBDOMAIN_US = new RegExp(`^${DNS1123_SUBDOMAIN_US_FMT}$`);

/** A name of at most `max` characters that matches `re` (whose source is `fmt`), else the messages. */
function patternErrors(value: string, max: number, re: RegExp, msg: string, fmt: string, ...examples: string[]): string[] {
  const errs: string[] = [];
  if (value.length > max) errs.push(maxLen(max));
  if (!re.test(value)) errs.push(regexError(msg, fmt, ...examples));
  return errs;
}

/** IsDNS1123Subdomain. */
export function dns1123SubdomainErrors(value: string): string[] {
  return patternErrors(value, 253, DNS1123_SUBDOMAIN, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com');
}

/** IsDNS1123SubdomainWithUnderscore (pod dnsConfig search domains, RelaxedDNSSearchValidation). */
export function dns1123SubdomainWithUnderscoreErrors(value: string): string[] {
  return patternErrors(value, 253, DNS1123_SUBDOMAIN_US, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_US_FMT, 'example.com');
}

/** IsDNS1035Label (Service names: ValidateServiceName). */
export function dns1035LabelErrors(value: string): string[] {
  return patternErrors(value, 63, DNS1035_LABEL, "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123');
}

/** IsQualifiedName: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters (label keys, appProtocol, loadBalancerClass). */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY}`);
    else for (const m of dns1123SubdomainErrors(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [`a qualified name ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY}`);
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (!QUALIFIED_NAME.test(name)) {
    errs.push(`name part ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

/** IsValidPortNum. */
export function portNumErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/**
 * netutils.ParseIPSloppy: like Go's net.ParseIP before 1.17, IPv4 parts with leading zeros are
 * read as decimal (the API server accepts "010.0.0.1" where it validates with IsValidIP).
 */
export function parseIPSloppy(value: string): ParsedIP | null {
  const strict = parseIP(value);
  if (strict || !/^\d+\.\d+\.\d+\.\d+$/.test(value)) return strict;
  return parseIP(value.split('.').map((p) => p.replace(/^0+(?=\d)/, '')).join('.'));
}

/** IsValidIP (apimachinery's field form); `sloppy`: leading zeros allowed, as ParseIPSloppy reads them. */
export function ipErrors(value: string, sloppy = false): string[] {
  return (sloppy ? parseIPSloppy(value) : parseIP(value)) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** IsValidPortName (named targetPorts and container ports: an IANA service name). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLen(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (value !== '' && !QUALIFIED_NAME.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", `(${QUALIFIED_NAME_FMT})?`, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/**
 * Which special range ValidateNonSpecialIP refuses the address for (unspecified, loopback,
 * link-local unicast, link-local multicast), or undefined. An IPv4-mapped IPv6 address is
 * judged as its IPv4 address, as Go's net.IP methods do.
 */
export function specialIPRange(ip: ParsedIP): 'unspecified' | 'loopback' | 'link-local' | 'link-local-multicast' | undefined {
  let { family, value: v } = ip;
  if (family === 6 && v >> 32n === 0xffffn) {
    family = 4;
    v &= 0xffffffffn;
  }
  if (family === 4) {
    if (v === 0n) return 'unspecified';
    if (v >> 24n === 127n) return 'loopback';
    if (v >> 16n === 0xa9fen) return 'link-local';
    if (v >> 8n === 0xe00000n) return 'link-local-multicast';
    return undefined;
  }
  if (v === 0n) return 'unspecified';
  if (v === 1n) return 'loopback';
  if (v >> 118n === 0x3fan) return 'link-local';
  if (v >> 112n === 0xff02n) return 'link-local-multicast';
  return undefined;
}

const SPECIAL_TEXT = {
  loopback: 'may not be in the loopback range (127.0.0.0/8, ::1/128)',
  'link-local': 'may not be in the link-local range (169.254.0.0/16, fe80::/10)',
  'link-local-multicast': 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
} as const;

/** ValidateNonSpecialIP (Endpoints, EndpointSlices, externalIPs): the messages for `value`. */
export function nonSpecialIPErrors(value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return ['must be a valid IP address'];
  const range = specialIPRange(ip);
  if (!range) return [];
  return [range === 'unspecified' ? `may not be unspecified (${value})` : SPECIAL_TEXT[range]];
}

/** field.Invalid for each message. */
export function invalidEach(path: FieldPath, value: unknown, messages: string[]): InvalidValue[] {
  return messages.map((detail) => ({ path, value, allowed: [], detail }));
}

/** field.Required / Forbidden / Duplicate / TooMany as an InvalidValue. */
export function required(path: FieldPath, detail = ''): InvalidValue {
  return { path, value: undefined, allowed: [], type: 'Required', detail };
}
export function forbidden(path: FieldPath, detail: string): InvalidValue {
  return { path, value: undefined, allowed: [], type: 'Forbidden', detail };
}
export function duplicate(path: FieldPath, value: unknown): InvalidValue {
  return { path, value, allowed: [], type: 'Duplicate' };
}
export function tooMany(path: FieldPath, count: number, max: number): InvalidValue {
  return { path, value: count, allowed: [], type: 'TooMany', detail: String(max) };
}
