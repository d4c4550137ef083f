/// <reference lib="dom" />
/**
 * `svclab serve` in headless Chromium: the page draws the folder's cluster, the request bar
 * draws the hops of a request and tallies the answers, an edit of a file re-draws the page
 * (timed on a 50-object folder: the bar is 200 ms from the save to the new picture),
 * Save is the only thing that writes, and other Host headers are refused (DNS rebinding).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers';
import { copyDir, launch, serve, type Served } from './browser';

let browser: Browser;
const servers: Served[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await browser?.close();
});

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-serve-'));
const drawnIds = (page: Page, kind: string) => page.$$eval(`#picture svg [data-kind="${kind}"]`, (els) => els.map((e) => e.getAttribute('data-id')).sort());
const hashes = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));

async function open(dir: string): Promise<{ page: Page; server: Served }> {
  const server = await serve(dir);
  servers.push(server);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('#picture svg');
  return { page, server };
}

test('examples/seed-000: the picture, a request drawn hop by hop, an edit re-drawn, nothing written without Save', async () => {
  const dir = copyDir(path.join(REPO_ROOT, 'examples', 'seed-000'), path.join(tmpDir(), 'seed-000'));
  const before = hashes(dir);
  const { page } = await open(dir);
  expect(await drawnIds(page, 'pod')).toHaveLength(3);
  expect(await drawnIds(page, 'service')).toEqual(['svc:default/hostname-svc-clusterip']);
  expect(await page.textContent('#findings')).toContain('no lint findings');

  // The request bar: from the debug pod to the Service by name; five hops drawn, answers tallied.
  await page.selectOption('#from', 'pod');
  await page.fill('#target', 'http://hostname-svc-clusterip:8080');
  await page.fill('#count', '5');
  await page.click('#request button[type=submit]');
  await page.waitForSelector('#picture svg .route');
  expect(await page.$$eval('#picture svg .route .hop', (els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['source', 'dns', 'service', 'node', 'pod']);
  expect(await page.textContent('#answers')).toContain('5 connections: 5 ok, 0 refused, 0 dropped, 0 dns-error');

  // The DNS bar: the Service name from the debug pod, through its search list.
  await page.selectOption('#dnsfrom', 'pod');
  await page.fill('#name', 'hostname-svc-clusterip');
  await page.click('#dns button[type=submit]');
  await page.waitForSelector('#dnsanswers li');
  expect(await page.textContent('#dnsanswers')).toContain('hostname-svc-clusterip.default.svc.cluster.local. A 10.96.150.4');

  // Nothing the page did wrote a file.
  expect(hashes(dir)).toEqual(before);

  // An edit on disk (an editor saving): the page re-draws with four pods.
  const version = Number(await page.getAttribute('body', 'data-version'));
  fs.writeFileSync(path.join(dir, 'deploy-hostname.yaml'), fs.readFileSync(path.join(dir, 'deploy-hostname.yaml'), 'utf8').replace('replicas: 3', 'replicas: 4'));
  await page.waitForFunction((v) => Number(document.body.dataset.version) > v, version);
  expect(await drawnIds(page, 'pod')).toHaveLength(4);

  // Save in the page writes the edited text, and only then.
  await page.selectOption('#files', 'hostname-svc-clusterip.yaml');
  await page.waitForFunction(() => (document.getElementById('editor') as HTMLTextAreaElement).value.includes('hostname-svc-clusterip'));
  const text = await page.inputValue('#editor');
  await page.fill('#editor', text.replace('app: webserver', 'app: webservr'));
  expect(fs.readFileSync(path.join(dir, 'hostname-svc-clusterip.yaml'), 'utf8')).toBe(text);
  const v2 = Number(await page.getAttribute('body', 'data-version'));
  await page.click('#save');
  await page.waitForFunction((v) => Number(document.body.dataset.version) > v, v2);
  expect(fs.readFileSync(path.join(dir, 'hostname-svc-clusterip.yaml'), 'utf8')).toContain('app: webservr');
  expect(await page.textContent('#findings')).toContain('service-selector-no-match');
  await page.close();
});

test('an exercise: the task, failing checks, one more hint per click, and the checks turn green as the learner fixes the file', async () => {
  const dir = copyDir(path.join(REPO_ROOT, 'exercises', '01-selector-typo'), path.join(tmpDir(), 'exercise'));
  const { page } = await open(dir);
  expect(await page.isVisible('#scenario')).toBe(true);
  expect(await page.textContent('#sc-task')).toContain('hostname-svc-clusterip');
  const failing = await page.$$eval('#checks li.failed', (els) => els.length);
  const checks = await page.$$eval('#checks li', (els) => els.length);
  expect(failing).toBeGreaterThan(0);
  expect(await page.$$eval('#hints li', (els) => els.length)).toBe(0);
  await page.click('#hint');
  await page.waitForSelector('#hints li');
  expect(await page.$$eval('#hints li', (els) => els.length)).toBe(1);
  // The learner fixes the Service (here: the solution's text, as an editor would save it).
  const version = Number(await page.getAttribute('body', 'data-version'));
  for (const f of fs.readdirSync(path.join(dir, '.solution'))) fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(dir, '.solution', f), 'utf8'));
  await page.waitForFunction((v) => Number(document.body.dataset.version) > v, version);
  await page.waitForFunction(() => document.querySelectorAll('#checks li.failed').length === 0);
  // Every check passes, the pins that held before (the pods keep their labels) included.
  expect(await page.$$eval('#checks li.passed', (els) => els.length)).toBe(checks);
  await page.close();
});

/** 25 Deployments (2 replicas) and 25 Services: 50 objects, 50 pods. */
function fiftyObjects(dir: string): void {
  for (let i = 0; i < 25; i++) {
    fs.writeFileSync(
      path.join(dir, `app-${String(i).padStart(2, '0')}.yaml`),
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${i} }
spec:
  replicas: 2
  selector: { matchLabels: { app: app-${i} } }
  template:
    metadata: { labels: { app: app-${i} } }
    spec:
      containers: [ { name: web, image: example/web, ports: [ { containerPort: 8080 } ] } ]
---
apiVersion: v1
kind: Service
metadata: { name: app-${i} }
spec:
  selector: { app: app-${i} }
  ports: [ { port: 80, targetPort: 8080 } ]
`,
    );
  }
}

test('a 50-object folder re-draws within 200 ms of a save (median of 9 saves, after 2 to warm up)', async () => {
  const dir = tmpDir();
  fiftyObjects(dir);
  const { page } = await open(dir);
  expect(await drawnIds(page, 'service')).toHaveLength(25);
  const times: number[] = [];
  for (let round = 0; round < 11; round++) {
    const version = Number(await page.getAttribute('body', 'data-version'));
    const file = path.join(dir, 'app-07.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/port: 80\b|port: 81\b/, round % 2 ? 'port: 80' : 'port: 81');
    const started = Date.now();
    fs.writeFileSync(file, text);
    await page.waitForFunction((v) => Number(document.body.dataset.version) > v, version, { polling: 'raf' });
    if (round >= 2) times.push(Date.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  process.stdout.write(`playground re-draw after a save, 50 objects: median ${median} ms (${times.join(', ')})\n`);
  expect(median).toBeLessThan(200);
  await page.close();
});

test('other Host headers and cross-origin writes are refused; only listed files can be saved', async () => {
  const dir = copyDir(path.join(REPO_ROOT, 'examples', 'seed-002'), path.join(tmpDir(), 'seed-002'));
  const server = await serve(dir);
  servers.push(server);
  const port = Number(new URL(server.url).port);
  const request = (headers: Record<string, string>, method = 'GET', urlPath = '/api/state', body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  expect((await request({ host: `127.0.0.1:${port}` })).status).toBe(200);
  expect((await request({ host: `localhost:${port}` })).status).toBe(200);
  const rebound = await request({ host: `attacker.example:${port}` });
  expect(rebound.status).toBe(403);
  expect(rebound.body).toContain('unexpected Host header');
  const json = { host: `127.0.0.1:${port}`, 'content-type': 'application/json' };
  expect((await request({ ...json, origin: 'http://attacker.example' }, 'POST', '/api/save', JSON.stringify({ path: 'counter-np.yaml', text: 'x' }))).status).toBe(403);
  const outside = await request(json, 'POST', '/api/save', JSON.stringify({ path: '../../etc/passwd', text: 'x' }));
  expect(outside.status).toBe(404);
  expect((await request(json, 'GET', '/api/file?path=..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  expect(fs.readFileSync(path.join(dir, 'counter-np.yaml'), 'utf8')).toContain('nodePort: 31000');
});
