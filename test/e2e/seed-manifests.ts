/** Manifests of the seed tutorials (../shared/seeds), taken from their ```yaml code blocks. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithShared, sharedPath } from '../helpers';

export const SEEDS = sharedPath('seeds');

/**
 * `describe` for a replay of one seed file, given the file's YAML blocks. The seeds live
 * outside the repository (../shared/seeds); where the file is absent the replay is skipped,
 * or fails under CI.
 */
export function describeSeeds(name: string, seedFile: string, fn: (blocks: string[]) => void): void {
  describeWithShared(name, `seeds/${seedFile}`, () => fn(seedYamlBlocks(seedFile)));
}

/** The YAML code blocks of a seed file that hold whole Kubernetes objects (with apiVersion). */
export function seedYamlBlocks(file: string): string[] {
  const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
  const blocks: string[] = [];
  const re = /```yaml\n([\s\S]*?)```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (/^apiVersion:/m.test(m[1])) blocks.push(m[1]);
  return blocks;
}

/** Writes files into a fresh temporary directory and returns it. */
export function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-e2e-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
