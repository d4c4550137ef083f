import { defineRule } from './rule';
import { LISTENS_ANNOTATION, listensAnnotation } from '../model/listens';
import { workloadName } from './workload-ports';

/**
 * `svclab.io/listens` (model/listens.ts) is svclab's own annotation: the ports a pod's
 * containers listen on, which the simulator's app model and target-port-no-container-port take
 * as the truth. A value svclab cannot read is ignored (the declared containerPorts count again),
 * which would silently undo what the user meant to state: say so.
 */
export default defineRule({
  meta: {
    id: 'listens-annotation-invalid',
    severity: 'warning',
    description: 'A svclab.io/listens annotation that is not a list of ports (80,9090 or 53/UDP): svclab ignores it.',
    category: 'workload',
    scope: 'object',
    messages: {
      invalid: {
        message: 'svclab.io/listens "{{value}}" on the pod template of {{workload}} cannot be read: {{problem}}; svclab ignores the annotation and goes by the declared containerPorts',
        hint: 'Write the ports the containers listen on, separated by commas, with /UDP or /SCTP where not TCP: e.g. svclab.io/listens: "80,9090,53/UDP".',
      },
    },
  },
  check(ctx) {
    for (const w of ctx.model.workloads) {
      const annotations = w.template.metadata.annotations;
      const stated = listensAnnotation(annotations);
      if (!stated || !('invalid' in stated)) continue;
      ctx.report({
        messageId: 'invalid', manifest: w.manifest, path: [...w.templatePath, 'metadata', 'annotations', LISTENS_ANNOTATION],
        data: { value: annotations[LISTENS_ANNOTATION], workload: workloadName(w), problem: stated.invalid },
      });
    }
  },
});
