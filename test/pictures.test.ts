/**
 * README's pictures are the tool's own output: each file of docs/img/ is what `svclab graph`
 * prints now for the arguments scripts/gen-pictures.js lists (`npm run gen:pictures` rewrites
 * them), and README shows each of them (the Mermaid one inline, as GitHub draws it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PICTURES } = require('../scripts/gen-pictures.js') as { PICTURES: Record<string, string[]> };
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe.each(Object.entries(PICTURES))('docs/img/%s', (file, args) => {
  test('is what `svclab graph` draws now (npm run build && npm run gen:pictures)', async () => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'img', file), 'utf8')).toBe(r.stdout);
  });

  test('README shows it', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'img', file), 'utf8');
    // SVG as an image; Mermaid as a block GitHub draws (docs/readme/pictures.md holds it between markers that README leaves out).
    if (file.endsWith('.svg')) expect(README).toContain(`](docs/img/${file})`);
    else expect(README).toContain(`\`\`\`mermaid\n${text}\`\`\`\n`);
  });
});
