import { defineRule } from './rule';
import { configMapIndex, containerEnv, containersOf, type EnvEntry } from './config-maps';
import { candidatesOf, isVerdict, REFERENCE_HINTS, ServiceReferences, SVC_WORD, type Verdict } from './service-references';

/**
 * Variable names whose plain value (no port, no scheme) is taken as a host name. Not a bare
 * `*_SERVICE`: that often holds a service *name* for tracing or logging (Datadog's DD_SERVICE),
 * not a host; `*_SERVICE_HOST` / `*_SERVICE_ADDR` are covered by HOST / ADDR.
 */
const HOST_VAR = /(^|_)(HOST|HOSTS|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|URL|URI|SEEDS)$/i;
/** `<PREFIX>_HOST` pairs with `<PREFIX>_PORT` (the seed's REDIS_HOST / REDIS_PORT). */
const PAIRED_HOST_VAR = /^(.*)_(HOST|HOSTNAME|SERVER|ADDR|ADDRESS)$/i;

/** ` (from ConfigMap app-config, key REDIS_HOST)` for a value a ConfigMap gives, else ''. */
function sourceOf(e: EnvEntry): string {
  return e.from ? ` (from ConfigMap ${e.from.configMap.name}, key ${e.from.key})` : '';
}

/**
 * A container's environment names Services: the literal `env[].value`, and the values it takes
 * from ConfigMaps through `envFrom` and `valueFrom.configMapKeyRef` (the ConfigMap's value is
 * what the container gets, config-maps.ts containerEnv). Judged by service-references.ts, which
 * configmap-service-reference shares.
 */
export default defineRule({
  meta: {
    id: 'env-service-reference',
    severity: 'warning',
    description: 'An env value (literal or from a ConfigMap) names a Service (host, host:port or URL) that does not exist in that namespace, or a port it does not expose.',
    category: 'cross-object',
    messages: {
      noService: {
        message: '{{var}}={{value}}{{source}} refers to Service "{{service}}" in namespace {{namespace}}, which the input does not define{{suggestion}}; the name will not resolve',
        hint: 'Fix the host name, or create the Service {{service}} in namespace {{namespace}}. A Service of another namespace is reached as <service>.<namespace>.',
      },
      noPort: {
        message: '{{var}}={{value}}{{source}} connects to port {{port}} of Service {{service}}, which exposes {{ports}}{{suggestion}}; connections to {{service}}:{{port}} fail',
        hint: REFERENCE_HINTS.noPort,
      },
      notHeadless: {
        message: '{{var}}={{value}}{{source}} uses the per-pod name {{pod}}.{{service}}, but Service {{service}} is not headless (clusterIP: None), so no such name exists',
        hint: REFERENCE_HINTS.notHeadless,
      },
      noPod: {
        message: '{{var}}={{value}}{{source}} names pod "{{pod}}" behind headless Service {{service}}, but no pod in namespace {{namespace}} gets that name{{pods}}',
        hint: REFERENCE_HINTS.noPod,
      },
    },
  },
  check(ctx) {
    const refs = new ServiceReferences(ctx);
    const configMaps = configMapIndex(ctx);
    for (const w of ctx.model.workloads) {
      const ns = w.ref.namespace;
      const report = (v: Verdict, at: EnvEntry): void => {
        const cm = at.from ? [{ manifest: at.from.configMap.manifest, path: ['data', at.from.key], message: `value of ${at.name} in ConfigMap ${at.from.configMap.namespace}/${at.from.configMap.name}` }] : [];
        const base = { manifest: w.manifest, path: at.path, related: [...cm, ...v.related] };
        const extra = { var: at.name, value: at.value, source: sourceOf(at) };
        switch (v.messageId) {
          case 'noService': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
          case 'noPort': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
          case 'notHeadless': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
          case 'noPod': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
        }
      };
      for (const { path } of containersOf(w)) {
        const env = containerEnv(w, path, configMaps);
        let byName: Map<string, EnvEntry> | undefined;
        for (const e of env) {
          // Only a value with `:` (a URL, host:port) or `.svc`, or a host variable's plain name, can
          // name a Service (candidatesOf's forms, filtered as below): most values are neither.
          if (!e.value.includes(':') && !HOST_VAR.test(e.name) && !SVC_WORD.test(e.value)) continue;
          for (const c of candidatesOf(e.value)) {
            if (c.form === 'plain' && !HOST_VAR.test(e.name) && !/\.svc(\.|$)/i.test(c.host)) continue;
            const name = refs.nameOf(c.host, ns);
            if (!name) continue;
            const resolved = refs.resolve(name);
            if (isVerdict(resolved)) {
              report(resolved, e);
              continue;
            }
            // The port: in the value, or in the paired <PREFIX>_PORT variable.
            let port = c.port;
            let portVar = e;
            if (port === undefined && c.form === 'plain') {
              const prefix = PAIRED_HOST_VAR.exec(e.name)?.[1];
              byName ??= new Map(env.map((x) => [x.name, x]));
              const pv = prefix !== undefined ? byName.get(`${prefix}_PORT`) : undefined;
              if (pv && /^\d{1,5}$/.test(pv.value.trim())) [port, portVar] = [Number(pv.value), pv];
            }
            if (port === undefined) continue;
            const wrong = refs.checkPort(resolved, port);
            if (wrong) report(wrong, portVar);
          }
        }
      }
    }
  },
});
