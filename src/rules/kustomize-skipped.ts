import { defineRule } from './rule';

const BUILD_HINT = 'For findings on exactly what kustomize builds, lint its output: `kustomize build {{dir}} | svclab lint -` (or `kubectl kustomize {{dir}} | svclab lint -`).';

/**
 * Reported by the kustomize stage (src/kustomize/), never on a Kubernetes object: what svclab
 * did not build or did not lint in a kustomization. It is `info`, so that a kustomization
 * svclab cannot build in full never fails a CI gate on svclab's account; and the objects of a
 * kustomization built without a field that changes them have their errors reported as
 * warnings (a Service that a Helm chart or a replacement would have supplied is not a false
 * error).
 */
export default defineRule({
  meta: {
    id: 'kustomize-skipped',
    severity: 'info',
    description: 'A kustomization uses a field svclab does not build, a remote resource, or leaves a file of its folder out.',
    category: 'input',
    messages: {
      unsupported: {
        message: '`{{field}}` is not built by svclab: the objects of {{dir}} are linted without it, so their errors are reported as warnings',
        hint: BUILD_HINT,
      },
      noEffect: {
        message: '`{{field}}` is not built by svclab; it does not change what svclab checks ({{why}})',
        hint: BUILD_HINT,
      },
      remote: {
        message: '{{resource}} is a remote resource: svclab does not fetch it, so the objects it holds are missing from the checks of {{dir}} and its errors are reported as warnings',
        hint: BUILD_HINT,
      },
      unlisted: {
        message: '{{file}} is in the folder of {{kustomization}} but the kustomization does not use it: `kustomize build` leaves it out, and so does svclab',
        hint: 'List it under `resources:` (or `patches:`) if it belongs to the build, or move it out of the folder; `svclab lint {{file}}` lints it on its own.',
      },
      stdin: {
        message: 'a Kustomization read from standard input cannot be built: the files it names are relative to its folder',
        hint: 'Lint the folder instead (`svclab lint DIR`), or what kustomize builds: `kustomize build DIR | svclab lint -`.',
      },
    },
  },
});
