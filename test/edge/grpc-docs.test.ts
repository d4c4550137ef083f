/**
 * docs/edge.md "gRPC through a GRPCRoute": its commands, run on examples/grpc-gateway, print
 * what the page shows (so the page cannot drift from the tool).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');

describe('docs/edge.md gRPC examples', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'edge.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## gRPC through a GRPCRoute'), doc.indexOf('## Which controllers the cluster runs'));
  const block = /```console\n([\s\S]*?)```/.exec(section)![1];
  const pairs: Array<[string, string]> = [];
  for (const line of block.trim().split('\n')) {
    if (line.startsWith('$ ')) pairs.push([line.slice(2), '']);
    else pairs[pairs.length - 1][1] += `${line}\n`;
  }
  it('has the three calls', () => expect(pairs).toHaveLength(3));
  test.each(pairs)('%s', async (command, shown) => {
    const argv = command.replace(/^svclab /, '').match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, ''));
    const r = await runCli(argv, { cwd: ROOT });
    expect(r.code).toBe(0);
    // The page shows the answer line of each call.
    expect(r.stdout.split('\n')).toContain(shown.trim());
  });
});
