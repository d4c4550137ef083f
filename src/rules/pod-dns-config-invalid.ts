import { defineRule } from './rule';
import { dns1123SubdomainWithUnderscoreErrors, parseIPSloppy } from '../model/validation';
import { MAX_DNS_NAMESERVERS as MAX_NAMESERVERS, MAX_DNS_SEARCH_LIST_CHARS as MAX_SEARCH_CHARS, MAX_DNS_SEARCH_PATHS as MAX_SEARCHES } from '../model/validate-pod';

/**
 * validatePodDNSConfig (pkg/apis/core/validation/validation.go): dnsPolicy None needs a
 * dnsConfig with at least one nameserver; at most 3 nameservers (the libc limit), each an IP;
 * at most 32 search domains and 2048 characters of search list (Kubernetes 1.28+); each search
 * domain a lowercase DNS subdomain (with Kubernetes 1.33's RelaxedDNSSearchValidation, '_' is
 * allowed and a lone '.' too; a trailing dot is fine); every option has a name. The simulator
 * refuses the same pods (model/validate-pod.ts).
 */
/** Why a search domain is refused, in words, or undefined. */
function searchProblem(search: string): string | undefined {
  if (search === '.') return undefined;
  const name = search.replace(/\.$/, '');
  if (dns1123SubdomainWithUnderscoreErrors(name).length === 0) return undefined;
  if (name.length > 253) return `is ${name.length} characters long (at most 253)`;
  if (/[A-Z]/.test(name)) return 'has uppercase letters (search domains must be lowercase)';
  if (name === '') return 'is empty';
  if (name.includes('..') || name.startsWith('.')) return 'has an empty label (two dots in a row, or a dot at the start)';
  const bad = [...name].find((ch) => !/[-_a-z0-9.]/.test(ch));
  if (bad !== undefined) return bad === ' ' ? 'has a space' : `has the character \`${bad}\`, which is not allowed`;
  return 'has a label that does not start and end with a letter or digit';
}

export default defineRule({
  meta: {
    id: 'pod-dns-config-invalid',
    severity: 'error',
    description: 'A pod dnsConfig the API server rejects: None without nameservers, too many entries, a nameserver not an IP, a bad search domain, an unnamed option.',
    category: 'workload',
    scope: 'object',
    messages: {
      noneWithoutConfig: {
        message: 'dnsPolicy is None but the pod has no dnsConfig; the API server rejects it ("must provide `dnsConfig` when `dnsPolicy` is None"): with None the kubelet writes resolv.conf from dnsConfig only',
        hint: 'Add dnsConfig with at least one nameserver (e.g. the cluster DNS, 10.96.0.10), or use dnsPolicy ClusterFirst to get the cluster DNS automatically.',
      },
      noneWithoutNameserver: {
        message: 'dnsPolicy is None but dnsConfig lists no nameserver; the API server rejects it ("must provide at least one DNS nameserver when `dnsPolicy` is None")',
        hint: 'Add dnsConfig.nameservers (e.g. 10.96.0.10 for the cluster DNS), or use dnsPolicy ClusterFirst.',
      },
      tooManyNameservers: {
        message: 'dnsConfig lists {{count}} nameservers; the API server allows at most 3 (resolv.conf uses no more)',
        hint: 'Keep at most three nameservers.',
      },
      nameserverNotIP: {
        message: 'nameserver `{{value}}` is not an IP address; the API server rejects it (resolv.conf takes addresses, not names)',
        hint: 'Use the IP address of the DNS server.',
      },
      tooManySearches: {
        message: 'dnsConfig lists {{count}} search domains; the API server allows at most 32',
        hint: 'Keep at most 32 search domains (with ClusterFirst the kubelet adds three of its own).',
      },
      searchTooLong: {
        message: 'the search domains are {{length}} characters long together; the API server allows at most 2048',
        hint: 'Shorten or drop search domains.',
      },
      searchInvalid: {
        message: 'search domain `{{value}}` {{problem}}; the API server accepts only lowercase DNS names (letters, digits, \'-\', \'_\' and dots)',
        hint: 'Write the domain in lowercase, e.g. `{{suggestion}}`; the resolver compares names without regard to case anyway.',
      },
      optionWithoutName: {
        message: 'dnsConfig.options[{{index}}] has no name; the API server rejects it ("Option.Name must not be empty")',
        hint: 'Give the option its resolv.conf name, e.g. `{ name: ndots, value: "2" }` or `{ name: edns0 }`.',
      },
    },
  },
  check(ctx) {
    for (const w of ctx.model.workloads) {
      const spec = w.template.spec;
      const at = [...w.templatePath, 'spec'];
      const config = spec.dnsConfig;
      if (spec.dnsPolicy === 'None') {
        if (!config) {
          ctx.report({ messageId: 'noneWithoutConfig', manifest: w.manifest, path: [...at, 'dnsPolicy'] });
          continue;
        }
        if (config.nameservers.length === 0) {
          ctx.report({ messageId: 'noneWithoutNameserver', manifest: w.manifest, path: [...at, 'dnsConfig'] });
          continue;
        }
      }
      if (!config) continue;
      if (config.nameservers.length > MAX_NAMESERVERS) {
        ctx.report({ messageId: 'tooManyNameservers', manifest: w.manifest, path: [...at, 'dnsConfig', 'nameservers'], data: { count: config.nameservers.length } });
      }
      config.nameservers.forEach((ns, i) => {
        if (!parseIPSloppy(ns)) ctx.report({ messageId: 'nameserverNotIP', manifest: w.manifest, path: [...at, 'dnsConfig', 'nameservers', i], data: { value: ns } });
      });
      if (config.searches.length > MAX_SEARCHES) {
        ctx.report({ messageId: 'tooManySearches', manifest: w.manifest, path: [...at, 'dnsConfig', 'searches'], data: { count: config.searches.length } });
      }
      const length = config.searches.join(' ').length;
      if (length > MAX_SEARCH_CHARS) ctx.report({ messageId: 'searchTooLong', manifest: w.manifest, path: [...at, 'dnsConfig', 'searches'], data: { length } });
      config.searches.forEach((value, i) => {
        const problem = searchProblem(value);
        if (problem) ctx.report({ messageId: 'searchInvalid', manifest: w.manifest, path: [...at, 'dnsConfig', 'searches', i], data: { value, problem, suggestion: value.toLowerCase().replace(/[^-_a-z0-9.]/g, '-') } });
      });
      config.options.forEach((o, i) => {
        if (o.name === '') ctx.report({ messageId: 'optionWithoutName', manifest: w.manifest, path: [...at, 'dnsConfig', 'options', i], data: { index: i } });
      });
    }
  },
});
