/** Manifests of the seed tutorials (/work/shared/seeds), taken from their ```yaml code blocks. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHARED } from '../helpers';

export const SEEDS = path.join(SHARED, 'seeds');

/** The seeds live outside the repository (../shared/seeds); where they are absent the replays are skipped, saying so. */
export const HAVE_SEEDS = fs.existsSync(SEEDS);
if (!HAVE_SEEDS) console.warn(`svclab: ${SEEDS} not found; the seed replays are skipped`);

/** `describe`, or `describe.skip` when the seed files are absent. */
export const describeSeeds: jest.Describe = HAVE_SEEDS ? describe : describe.skip;

/** The YAML code blocks of a seed file that hold whole Kubernetes objects (with apiVersion). */
export function seedYamlBlocks(file: string): string[] {
  if (!HAVE_SEEDS) return [];
  const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
  const blocks: string[] = [];
  const re = /```yaml\n([\s\S]*?)```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (/^apiVersion:/m.test(m[1])) blocks.push(m[1]);
  return blocks;
}

/** Writes files into a fresh temporary directory and returns it. */
export function tempDir(files: Record<string, string | undefined>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-e2e-'));
  // A block is undefined only when the seeds are absent, and then the tests are skipped.
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text ?? '');
  return dir;
}
