import { defineRule } from './rule';
import { rawSpec, rawString } from './service-helpers';
import { obj } from '../model/guards';

/** MaxClientIPServiceAffinitySeconds in pkg/apis/core/types.go: one day. */
const MAX_TIMEOUT = 86400;

/**
 * validateClientIPAffinityConfig (pkg/apis/core/validation/validation.go): with sessionAffinity
 * ClientIP, sessionAffinityConfig.clientIP.timeoutSeconds must be > 0 and <= 86400 (the limit
 * itself is valid; the API message "less than 86400" is loose). When it is left out,
 * SetDefaults_Service fills in 10800.
 */
export default defineRule({
  meta: {
    id: 'session-affinity-invalid',
    severity: 'error',
    description: 'sessionAffinityConfig.clientIP.timeoutSeconds is outside 1..86400 seconds.',
    category: 'service',
    scope: 'object',
    messages: {
      timeout: {
        message: 'sessionAffinityConfig.clientIP.timeoutSeconds is {{value}}, but it must be between 1 and 86400 seconds (one day)',
        hint: 'Use a value from 1 to 86400, or leave timeoutSeconds out for the default of 10800 (3 hours).',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const spec = rawSpec(svc);
      if (rawString(spec, 'sessionAffinity') !== 'ClientIP') continue;
      const timeout = obj(obj(spec.sessionAffinityConfig).clientIP).timeoutSeconds;
      if (typeof timeout !== 'number') continue; // absent: defaulted; wrong type: the schema's finding
      if (Number.isInteger(timeout) && timeout > 0 && timeout <= MAX_TIMEOUT) continue;
      ctx.report({ messageId: 'timeout', manifest: svc.manifest, path: ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'], data: { value: timeout } });
    }
  },
});
