import { simulate } from '../../src/sim/index';
import { renderGet, resolveResource, UnknownResourceError } from '../../src/views/kubectl-get';
import { renderGet as cliRenderGet, resolveResource as cliResolveResource } from '../../src/cli/get-command';
import { UsageError } from '../../src/cli/args';
import { runCli } from '../helpers';
import { SEED_HOSTNAME } from '../sim/fixtures';

describe('kubectl get output as a library function (shared by svclab get and scenario snapshots)', () => {
  test('renderGet prints what `svclab get` prints, byte for byte', async () => {
    const cluster = simulate(SEED_HOSTNAME);
    const lib = renderGet(cluster, ['services', 'endpoints'], { namespace: 'default', allNamespaces: false, output: 'wide' });
    const cli = await runCli(['get', 'svc,ep', '-o', 'wide', '-f', '-'], { stdin: SEED_HOSTNAME });
    expect(lib.stdout).toBe(cli.stdout);
    expect(lib.stdout).toContain('service/hostname-svc-clusterip');
  });

  test('get-command keeps re-exporting renderGet; its resolveResource turns an unknown word into a usage error', () => {
    expect(cliRenderGet).toBe(renderGet);
    expect(resolveResource('svc')).toBe('services');
    expect(() => resolveResource('servics')).toThrow(UnknownResourceError);
    expect(() => cliResolveResource('servics')).toThrow(UsageError);
  });

  test('NAMEs with -A are refused, as kubectl does ("a resource cannot be retrieved by name across all namespaces")', async () => {
    const r = await runCli(['get', 'svc', 'kubernetes', '-A', '-f', '-'], { stdin: SEED_HOSTNAME });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a resource cannot be retrieved by name across all namespaces');
  });
});
