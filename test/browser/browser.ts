/// <reference lib="dom" />
/**
 * Helpers of the browser tests: headless Chromium through playwright-core (Debian's `chromium`
 * package at /usr/bin/chromium, or CHROMIUM_PATH), `svclab serve` as a real process of dist/,
 * and an image comparison done in the browser (canvas pixels), so no image library is needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`the browser tests need Chromium at ${CHROMIUM}: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROMIUM_PATH at one`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'] });
}

export interface Served {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `svclab serve DIR` (dist/) and resolves with the URL it prints. */
export function serve(dir: string, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli', 'main.js'), 'serve', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`svclab serve printed no URL in 20 s:\n${out}${err}`)), 20000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`svclab serve exited (${code}):\n${out}${err}`));
    });
  });
}

/**
 * Compares two PNG images in the page: the share of pixels whose colour differs by more than
 * `threshold` in some channel. Different sizes count as entirely different.
 */
export async function pixelDifference(page: Page, a: Buffer, b: Buffer, threshold = 48): Promise<number> {
  return page.evaluate(
    async ({ a64, b64, threshold }) => {
      const load = (src: string) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = () => reject(new Error('cannot decode image'));
          img.src = src;
        });
      const [x, y] = await Promise.all([load(`data:image/png;base64,${a64}`), load(`data:image/png;base64,${b64}`)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      const pixels = (img: HTMLImageElement) => {
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d');
        if (!ctx) throw new Error('no 2d canvas');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const p = pixels(x);
      const q = pixels(y);
      let differ = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i] - q[i]) > threshold || Math.abs(p[i + 1] - q[i + 1]) > threshold || Math.abs(p[i + 2] - q[i + 2]) > threshold) differ++;
      }
      return differ / (p.length / 4);
    },
    { a64: a.toString('base64'), b64: b.toString('base64'), threshold },
  );
}

/** A copy of a folder in a temporary directory (the tests edit it). */
export function copyDir(from: string, to: string): string {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) {
    const src = path.join(from, f);
    if (fs.statSync(src).isDirectory()) copyDir(src, path.join(to, f));
    else fs.copyFileSync(src, path.join(to, f));
  }
  return to;
}
