/** The HTML reports of `svclab test` and `svclab lint`: self-contained, failures first, expected vs actual, code frames, escaping. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, REPO_ROOT } from '../helpers';

const NOTHING_EXTERNAL = /<(link|img|iframe)\b|\bsrc="|href="http|@import|url\(http/;

describe('svclab test --format html', () => {
  test('one self-contained page: summary, every scenario with its picture, failures first, filters by status', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-html-'));
    const out = path.join(dir, 'report.html');
    const r = await runCli(['test', 'exercises/01-selector-typo', 'scenarios/01-clusterip-by-ip-and-name', '--format', 'html', '--output', out, '--jobs', '1']);
    expect(r.code).toBe(1);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(NOTHING_EXTERNAL);
    expect(html).toContain('svclab test: <span class="failed">1 of 2 scenarios passed</span>');
    const failedAt = html.indexOf('data-status="failed" data-name="exercise-selector-typo"');
    const passedAt = html.search(/<section class="scenario" data-status="passed"/);
    expect(failedAt).toBeGreaterThan(0);
    expect(passedAt).toBeGreaterThan(failedAt);
    expect(html.match(/<svg xmlns/g)).toHaveLength(2);
    expect(html).toContain('<b>expected</b>');
    expect(html).toMatch(/<input type="checkbox" value="failed" checked>/);
    expect(html).toContain('class="hint"');
  });

  test('the same run gives the same bytes (no clock in the page)', async () => {
    const a = await runCli(['test', 'scenarios/01-clusterip-by-ip-and-name', '--format', 'html', '--jobs', '1']);
    const b = await runCli(['test', 'scenarios/01-clusterip-by-ip-and-name', '--format', 'html', '--jobs', '1']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.code).toBe(0);
  });
});

describe('svclab lint --format html', () => {
  test('findings grouped by file, each with its code frame and a caret at the column; text escaped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-html-'));
    fs.writeFileSync(path.join(dir, 'svc.yaml'), fs.readFileSync(path.join(REPO_ROOT, 'examples/seed-000/hostname-svc-clusterip.yaml'), 'utf8').replace('app: webserver', 'app: "<b>web</b>"'));
    const r = await runCli(['lint', '.', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).not.toMatch(NOTHING_EXTERNAL);
    expect(r.stdout).toContain('<section class="file" data-file="svc.yaml">');
    expect(r.stdout).toContain('&lt;b&gt;web&lt;/b&gt;');
    expect(r.stdout).not.toContain('<b>web</b>');
    expect(r.stdout).toMatch(/<span class="at">1\d \|     app: "&lt;b&gt;web&lt;\/b&gt;"<\/span>\n   \|     \^/);
  });

  test('a clean run says so', async () => {
    const r = await runCli(['lint', 'examples/seed-000', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('svclab lint: <span class="passed">no problems</span>');
  });
});
