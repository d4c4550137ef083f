import { defineRule } from './rule';
import { isIP } from '../util/ip';

/**
 * validatePodDNSConfig (pkg/apis/core/validation/validation.go): dnsPolicy None needs a
 * dnsConfig with at least one nameserver; at most 3 nameservers (the libc limit), each an IP;
 * at most 32 search domains and 2048 characters of search list (Kubernetes 1.28+).
 */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

export default defineRule({
  meta: {
    id: 'pod-dns-config-invalid',
    severity: 'error',
    description: 'A pod DNS configuration the API server rejects: dnsPolicy None without nameservers, too many nameservers or search domains, a nameserver that is not an IP.',
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
        if (!isIP(ns)) ctx.report({ messageId: 'nameserverNotIP', manifest: w.manifest, path: [...at, 'dnsConfig', 'nameservers', i], data: { value: ns } });
      });
      if (config.searches.length > MAX_SEARCHES) {
        ctx.report({ messageId: 'tooManySearches', manifest: w.manifest, path: [...at, 'dnsConfig', 'searches'], data: { count: config.searches.length } });
      }
      const length = config.searches.join(' ').length;
      if (length > MAX_SEARCH_CHARS) ctx.report({ messageId: 'searchTooLong', manifest: w.manifest, path: [...at, 'dnsConfig', 'searches'], data: { length } });
    }
  },
});
