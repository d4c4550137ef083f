/// <reference lib="dom" />
/**
 * The HTML report and the picture in headless Chromium: every Service and pod of a scenario is
 * drawn, the status filters work, and the picture of examples/seed-000 looks like the committed
 * reference (within a tolerance for font rendering). UPDATE_SCREENSHOTS=1 rewrites the reference.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { analyze } from '../../src/pipeline';
import { loadScenario } from '../../src/scenario/load';
import { analyzeOptions } from '../../src/scenario/analysis';
import { REPO_ROOT } from '../helpers';
import { launch, pixelDifference } from './browser';

const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const SCENARIOS = ['scenarios/01-clusterip-by-ip-and-name', 'scenarios/04-counter-and-redis', 'scenarios/10-externalname', 'scenarios/17-mistake-named-port-missing'];
const REFERENCE = path.join(__dirname, '__screenshots__', 'seed-000-graph.png');
/** Share of pixels that may differ from the reference (fonts and anti-aliasing differ between machines). */
const TOLERANCE = 0.03;

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-browser-'));
});
afterAll(async () => {
  await browser?.close();
});

/** The Services and pods the scenario's cluster holds in its namespace (built-in Services apart). */
function expectedIds(dir: string): string[] {
  const loaded = loadScenario(path.join(REPO_ROOT, dir), REPO_ROOT);
  if (!loaded.ok) throw new Error(`${dir} does not load`);
  const opts = analyzeOptions(loaded.scenario, loaded.scenario.spec.seed ?? 1);
  const { cluster } = analyze(loaded.scenario.manifests, opts);
  if (!cluster) throw new Error(`${dir} does not simulate`);
  return [
    ...cluster.pods.filter((p) => p.namespace === opts.namespace).map((p) => `pod:${p.namespace}/${p.name}`),
    ...cluster.services.filter((s) => s.namespace === opts.namespace && !s.builtIn).map((s) => `svc:${s.namespace}/${s.name}`),
  ].sort();
}

test('the suite report shows every Service and pod of each scenario, and filters by status', async () => {
  const out = path.join(tmp, 'report.html');
  const r = spawnSync(process.execPath, [CLI, 'test', ...SCENARIOS, '--format', 'html', '--output', out, '--jobs', '1'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const page = await browser.newPage();
  await page.goto(`file://${out}`);
  for (const dir of SCENARIOS) {
    const loaded = loadScenario(path.join(REPO_ROOT, dir), REPO_ROOT);
    const name = loaded.ok ? loaded.scenario.name : dir;
    const drawn = await page.$$eval(`section[data-name="${name}"] svg [data-kind="pod"], section[data-name="${name}"] svg [data-kind="service"]`, (els) => els.map((e) => e.getAttribute('data-id') ?? '').sort());
    expect(drawn).toEqual(expectedIds(dir));
    // Drawn and visible: each box has a size on the page.
    const sizes = await page.$$eval(`section[data-name="${name}"] svg [data-kind="pod"] > rect`, (els) => els.map((e) => e.getBoundingClientRect().width));
    expect(sizes.every((w) => w > 50)).toBe(true);
  }
  const before = await page.$$eval('section.scenario', (els) => els.filter((e) => !(e as HTMLElement).hidden).length);
  expect(before).toBe(SCENARIOS.length);
  await page.uncheck('.filters input[value="passed"]');
  const shown = await page.$$eval('section.scenario', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-status')));
  expect(shown.every((s) => s !== 'passed')).toBe(true);
  await page.close();
});

test('the picture of examples/seed-000 matches the committed reference screenshot', async () => {
  const out = path.join(tmp, 'seed-000.html');
  const r = spawnSync(process.execPath, [CLI, 'graph', '-f', 'examples/seed-000/', '--format', 'html', '--output', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`file://${out}`);
  const shot = await page.locator('.picture svg').screenshot();
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(path.dirname(REFERENCE), { recursive: true });
    fs.writeFileSync(REFERENCE, shot);
  }
  if (!fs.existsSync(REFERENCE)) throw new Error(`no reference screenshot at ${REFERENCE}: run UPDATE_SCREENSHOTS=1 npx jest test/browser/report.test.ts and commit it`);
  const diff = await pixelDifference(page, shot, fs.readFileSync(REFERENCE));
  expect(diff).toBeLessThan(TOLERANCE);
  // The comparison is not blind: a picture of another cluster differs by more than the tolerance.
  const other = spawnSync(process.execPath, [CLI, 'graph', '-f', 'examples/seed-002/', '--format', 'html', '--output', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(other.status).toBe(0);
  await page.goto(`file://${out}`);
  const otherShot = await page.locator('.picture svg').screenshot();
  expect(await pixelDifference(page, otherShot, fs.readFileSync(REFERENCE))).toBeGreaterThan(TOLERANCE);
  await page.close();
});
