import { defineRule } from './rule';
import type { Manifest } from '../parse/manifest';
import { configMapIndex, keysTakenAsEnv } from './config-maps';
import { addressesIn, isVerdict, REFERENCE_HINTS, ServiceReferences, type FoundAddress, type Verdict } from './service-references';

/**
 * Service names inside ConfigMap data: an application's `application.yaml` pointing at
 * `http://vists-service.ns.svc.cluster.local:8080`, a Grafana datasource at a Service that does
 * not exist. Pods read these values (as files or variables) in the ConfigMap's namespace, so
 * they resolve through that namespace's search path. Only the forms that cannot be words are
 * read — URLs `scheme://name[.ns[.svc[.<domain>]]][:port]` and `name.ns.svc[.<domain>][:port]` —
 * anywhere in the value (embedded YAML, JSON, properties files); bare words never. Keys a
 * container takes as environment variables (envFrom, configMapKeyRef) are env-service-reference's:
 * it judges them with the container's context. The judgement (did-you-mean, per-pod names,
 * ports) is service-references.ts, shared with env-service-reference.
 */
export default defineRule({
  meta: {
    id: 'configmap-service-reference',
    severity: 'warning',
    description: 'A URL or .svc name in ConfigMap data names a Service that does not exist in that namespace, or a port it does not expose.',
    category: 'cross-object',
    messages: {
      noService: {
        message: '{{address}} in data key {{key}}{{at}} refers to Service "{{service}}" in namespace {{namespace}}, which the input does not define{{suggestion}}; a pod that reads this value cannot resolve the name',
        hint: 'Fix the host name in the ConfigMap, or create the Service {{service}} in namespace {{namespace}}. A Service of another namespace is reached as <service>.<namespace>.svc.',
      },
      noPort: {
        message: '{{address}} in data key {{key}}{{at}} connects to port {{port}} of Service {{service}}, which exposes {{ports}}{{suggestion}}; connections to {{service}}:{{port}} fail',
        hint: REFERENCE_HINTS.noPort,
      },
      notHeadless: {
        message: '{{address}} in data key {{key}}{{at}} uses the per-pod name {{pod}}.{{service}}, but Service {{service}} is not headless (clusterIP: None), so no such name exists',
        hint: REFERENCE_HINTS.notHeadless,
      },
      noPod: {
        message: '{{address}} in data key {{key}}{{at}} names pod "{{pod}}" behind headless Service {{service}}, but no pod in namespace {{namespace}} gets that name{{pods}}',
        hint: REFERENCE_HINTS.noPod,
      },
    },
  },
  check(ctx) {
    const refs = new ServiceReferences(ctx);
    const configMaps = configMapIndex(ctx);
    const asEnv = keysTakenAsEnv(ctx, configMaps);
    for (const cm of configMaps.values()) {
      const taken = asEnv.get(cm);
      // forEach, not for-of: no [key, value] pair is made for each data value of the input.
      cm.data.forEach((value, key) => {
        if (taken?.has(key)) return;
        for (const found of addressesIn(value, ctx.settings.clusterDomain)) {
          const name = refs.nameOf(found.host, cm.namespace);
          if (!name) continue;
          const resolved = refs.resolve(name);
          const wrong = isVerdict(resolved) ? resolved : found.port !== undefined ? refs.checkPort(resolved, found.port) : null;
          if (!wrong) continue;
          report(wrong, cm.manifest, key, value, found);
        }
      });
    }

    function report(v: Verdict, manifest: Manifest, key: string, value: string, found: FoundAddress): void {
      const base = { manifest, path: ['data', key], related: v.related };
      const extra = { address: found.text, key, at: lineNote(manifest, key, value, found.index) };
      switch (v.messageId) {
        case 'noService': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
        case 'noPort': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
        case 'notHeadless': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
        case 'noPod': return ctx.report({ ...base, messageId: v.messageId, data: { ...v.data, ...extra } });
      }
    }
  },
});

/**
 * ` (line 14)` when the address sits on a later line than the value starts: a literal block
 * (`|`) keeps its lines, one per line after its `key: |` header. Other multi-line styles fold
 * lines, so no line is claimed for them.
 */
function lineNote(m: Manifest, key: string, value: string, index: number): string {
  const inValue = value.slice(0, index).split('\n').length - 1;
  const node = m.source.nodeAt([...m.root, 'data', key]) as { type?: string } | null;
  if (node?.type !== 'BLOCK_LITERAL') return '';
  return ` (line ${m.source.locate([...m.root, 'data', key]).line + 1 + inValue})`;
}
