/** `svclab graph` and `svclab curl --format svg|html` through the CLI: formats, --output, --route, usage errors. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers';
import { parseRouteFlag } from '../../src/cli/graph-command';

describe('svclab graph', () => {
  test('draws examples/seed-000 as a self-contained SVG on stdout', async () => {
    const r = await runCli(['graph', '-f', 'examples/seed-000/']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(r.stdout.match(/data-kind="pod"/g)).toHaveLength(3);
    expect(r.stdout).toContain('data-id="svc:default/hostname-svc-clusterip"');
  });

  test('html, mermaid and dot; an unknown format is a usage error with the choices', async () => {
    const html = await runCli(['graph', '-f', 'examples/seed-002/', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<svg [\s\S]*<\/html>\n$/);
    expect((await runCli(['graph', '-f', 'examples/seed-002/', '--format', 'mermaid'])).stdout).toMatch(/^flowchart LR/);
    expect((await runCli(['graph', '-f', 'examples/seed-002/', '--format', 'dot'])).stdout).toMatch(/^digraph svclab/);
    const bad = await runCli(['graph', '-f', 'examples/seed-002/', '--format', 'png']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "png"; choose one of svg, html, mermaid, dot');
  });

  test('--route draws the hops of the request; --output writes the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-graph-'));
    const out = path.join(dir, 'route.svg');
    const r = await runCli(['graph', '-f', 'examples/seed-002/', '--route', 'counter-np:3000 --from pod/counter', '--output', out]);
    expect(r.code).toBe(0);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toContain('data-request="svclab curl counter-np:3000 --from pod/counter"');
    expect(svg.match(/class="hop"/g)?.length).toBeGreaterThanOrEqual(4);
  });

  test('never writes over an input file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-graph-'));
    const input = path.join(dir, 'svc.yaml');
    fs.copyFileSync(path.join('examples', 'seed-000', 'hostname-svc-clusterip.yaml'), input);
    const r = await runCli(['graph', '-f', input, '--output', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is one of the input files');
  });

  test('usage errors: -n with -A, a bad --route, no -f', async () => {
    expect((await runCli(['graph', '-f', 'examples/seed-000/', '-n', 'x', '-A'])).stderr).toContain('give -n NS or -A, not both');
    expect((await runCli(['graph', '-f', 'examples/seed-000/', '--route', '--from pod'])).stderr).toContain('--route needs a target');
    expect((await runCli(['graph'])).code).toBe(2);
    expect(() => parseRouteFlag('a b')).toThrow('one TARGET expected');
    expect(parseRouteFlag('web:80 --from=pod/x --count 3 -n ns')).toEqual({ to: 'web:80', from: 'pod/x', count: 3, namespace: 'ns' });
  });

  test('--help documents the command', async () => {
    const r = await runCli(['graph', '--help']);
    expect(r.stdout).toContain('Usage: svclab graph -f PATHS');
  });
});

describe('svclab curl --format svg|html', () => {
  test('draws the request on the picture of the source namespace', async () => {
    const r = await runCli(['curl', 'http://hostname-svc-clusterip:8080', '--from', 'pod', '-f', 'examples/seed-000/', '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data-outcome="ok"');
    const html = await runCli(['curl', 'hostname-svc-clusterip:8080', '--from', 'node/node-1', '-f', 'examples/seed-000/', '--format', 'html']);
    expect(html.code).toBe(1);
    expect(html.stdout).toContain('<h2>Route: <code>svclab curl hostname-svc-clusterip:8080 --from node/node-1</code> — <span class="failed">dns-error</span></h2>');
    const bad = await runCli(['curl', 'x:1', '-f', 'examples/seed-000/', '--format', 'png']);
    expect(bad.stderr).toContain('choose one of text, json, svg, html');
  });
});
