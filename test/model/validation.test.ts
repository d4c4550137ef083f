/**
 * The API server's field validators in its own words (k8s.io/apimachinery/pkg/util/validation
 * validation.go: IsQualifiedName, IsDNS1123Label, IsDNS1123Subdomain(WithUnderscore),
 * IsDNS1035Label, IsValidPortName, IsValidLabelValue, RegexError, MaxLenError; and
 * pkg/apis/core/validation ValidateNonSpecialIP), and the field-error texts (field/errors.go
 * ErrorBody, errors.NewAggregate).
 */
import {
  dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, dns1123SubdomainWithUnderscoreErrors, labelValueErrors,
  nonSpecialIPErrors, portNameErrors, qualifiedNameErrors, specialIPRange,
} from '../../src/model/validation';
import { fieldError, refusalReason, ShownValue } from '../../src/model/invalid';
import { parseIP } from '../../src/util/ip';

describe('apimachinery validators', () => {
  test('IsQualifiedName: prefix and name parts, with RegexError\'s examples (two spaces before "or")', () => {
    expect(qualifiedNameErrors('example.com/MyName')).toEqual([]);
    expect(qualifiedNameErrors('a/b/c')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
    expect(qualifiedNameErrors('/x')).toEqual(['prefix part must be non-empty']);
    expect(qualifiedNameErrors('x/')[0]).toBe('name part must be non-empty');
    expect(qualifiedNameErrors(`${'a'.repeat(64)}`)).toEqual(['name part must be no more than 63 characters']);
    expect(qualifiedNameErrors('Bad_Prefix/x')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain must consist of/);
  });

  test('IsDNS1123Label says "must not contain dots" for a valid subdomain; IsDNS1035Label needs a leading letter', () => {
    expect(dns1123LabelErrors('a.b')).toEqual(['must not contain dots']);
    expect(dns1123LabelErrors('A')[0]).toBe("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    expect(dns1035LabelErrors('1abc')[0]).toMatch(/^a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character/);
    expect(dns1123SubdomainErrors('example.com')).toEqual([]);
    expect(dns1123SubdomainWithUnderscoreErrors('_ldap._tcp.example.com')).toEqual([]);
    expect(dns1123SubdomainWithUnderscoreErrors('Example.com')[0]).toMatch(/lower case alphanumeric characters, '_', '-' or '\.'/);
  });

  test('IsValidPortName and IsValidLabelValue report every broken rule', () => {
    expect(portNameErrors('-WEB--')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    expect(labelValueErrors('')).toEqual([]);
    expect(labelValueErrors('a b')[0]).toMatch(/^a valid label must be an empty string or consist of alphanumeric characters/);
  });

  test('ValidateNonSpecialIP: unspecified, loopback, link-local, link-local multicast; IPv4-mapped IPv6 as IPv4', () => {
    expect(nonSpecialIPErrors('0.0.0.0')).toEqual(['may not be unspecified (0.0.0.0)']);
    expect(nonSpecialIPErrors('::1')).toEqual(['may not be in the loopback range (127.0.0.0/8, ::1/128)']);
    expect(nonSpecialIPErrors('fe80::1')).toEqual(['may not be in the link-local range (169.254.0.0/16, fe80::/10)']);
    expect(nonSpecialIPErrors('224.0.0.251')).toEqual(['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']);
    expect(specialIPRange(parseIP('::ffff:127.0.0.1')!)).toBe('loopback');
    expect(nonSpecialIPErrors('10.0.0.1')).toEqual([]);
  });
});

describe('field errors as the API server prints them', () => {
  test('each ErrorType, and the aggregate of several ("[a, b]", each once)', () => {
    expect(fieldError({ path: ['spec', 'ports', 1, 'name'], value: undefined, allowed: [], type: 'Required' })).toBe('spec.ports[1].name: Required value');
    expect(fieldError({ path: ['spec', 'x'], value: undefined, allowed: [], type: 'Forbidden', detail: 'may not be set' })).toBe('spec.x: Forbidden: may not be set');
    expect(fieldError({ path: ['spec', 'ports', 1], value: new ShownValue('{"port": 80}'), allowed: [], type: 'Duplicate' })).toBe('spec.ports[1]: Duplicate value: {"port": 80}');
    expect(fieldError({ path: ['endpoints'], value: 1001, allowed: [], type: 'TooMany', detail: '1000' })).toBe('endpoints: Too many: 1001: must have at most 1000 items');
    const a = { path: ['a'], value: 1, allowed: [], detail: 'bad' };
    expect(refusalReason([a])).toBe('a: Invalid value: 1: bad');
    expect(refusalReason([a, a, { ...a, path: ['b'] }])).toBe('[a: Invalid value: 1: bad, b: Invalid value: 1: bad]');
  });
});
