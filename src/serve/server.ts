/**
 * The playground server: loopback only, this project's page and JSON, nothing else.
 * - Binds 127.0.0.1 (a free port unless one is given) and answers only requests whose Host
 *   header names that address or localhost with its port (a DNS-rebinding page cannot talk to
 *   it); POSTs must come from the page's own origin.
 * - GET / (the page), GET /api/state, GET /api/file?path=, GET /api/events (server-sent events:
 *   `change`, with the new state, after a file of the folder changes), POST /api/route, POST /api/dns, and
 *   POST /api/save, the only write: the text of one of the folder's listed files, when the
 *   learner presses Save.
 * - Request bodies are JSON read as data (never evaluated), at most 1 MiB.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { routeFor } from '../cli/graph-command';
import { picture, renderPicture } from '../views/graph/index';
import { computeState, type Snapshot } from './state';
import { playgroundPage } from './page';
import type { DnsType } from '../sim/types';

export const MAX_BODY = 1 << 20;
const DNS_TYPES: readonly DnsType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'TXT'];

export interface PlaygroundOptions {
  dir: string;
  /** 0 (default): a free port. */
  port?: number;
  seed?: number;
  /** Called with each file change (tests use it); chokidar watches the folder. */
  log?: (line: string) => void;
}

export interface Playground {
  url: string;
  port: number;
  /** Recomputes now (as after a change) and tells the pages. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  res.end(body);
}

const json = (res: http.ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request body over 1 MiB'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
        resolve(v as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'the body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

const text = (v: unknown, name: string, max = 10_000): string => {
  if (typeof v !== 'string' || v.length > max) throw new HttpError(400, `${name} must be a string`);
  return v;
};

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const dir = path.resolve(options.dir);
  let version = 1;
  let snapshot: Snapshot = await computeState(dir, version, { seed: options.seed });
  const clients = new Set<http.ServerResponse>();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const refresh = async () => {
    version++;
    snapshot = await computeState(dir, version, { seed: options.seed });
    // The new state rides in the event itself: the page re-draws without another request.
    const data = JSON.stringify(snapshot.state);
    for (const c of clients) c.write(`event: change\ndata: ${data}\n\n`);
  };

  const fileOf = (name: string): string => {
    if (!snapshot.state.files.includes(name)) throw new HttpError(404, `not a file of this folder: ${name}`);
    return path.join(dir, ...name.split('/'));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!allowedHosts().has(req.headers.host ?? '')) throw new HttpError(403, 'unexpected Host header: this server only answers http://127.0.0.1 and http://localhost on its own port');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) throw new HttpError(403, 'cross-origin request refused');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'send JSON');
    }
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', playgroundPage(path.basename(dir)));
      case 'GET /api/state':
        return json(res, snapshot.state);
      case 'GET /api/file':
        return json(res, { path: url.searchParams.get('path'), text: fs.readFileSync(fileOf(url.searchParams.get('path') ?? ''), 'utf8') });
      case 'GET /api/events':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(`event: hello\ndata: ${version}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      case 'POST /api/route': {
        const body = await readBody(req);
        const cluster = snapshot.cluster;
        if (!cluster) throw new HttpError(409, snapshot.state.problem ?? 'nothing simulated');
        const count = typeof body.count === 'number' && Number.isInteger(body.count) && body.count >= 1 && body.count <= 1000 ? body.count : 1;
        let result;
        try {
          result = routeFor(cluster, { to: text(body.target, 'target', 500), from: text(body.from ?? 'pod', 'from', 500), count }, snapshot.namespace, snapshot.seed);
        } catch (err) {
          throw new HttpError(400, err instanceof Error ? err.message : String(err));
        }
        const p = picture(cluster, { namespace: snapshot.namespace, findings: snapshot.findings, route: result });
        return json(res, { svg: renderPicture('svg', p), route: p.route, summary: result.summary, outcomes: result.results.map((r) => ({ outcome: r.outcome, reason: r.reason, body: r.body })) });
      }
      case 'POST /api/dns': {
        const body = await readBody(req);
        const cluster = snapshot.cluster;
        if (!cluster) throw new HttpError(409, snapshot.state.problem ?? 'nothing simulated');
        const type = typeof body.type === 'string' && (DNS_TYPES as readonly string[]).includes(body.type) ? (body.type as DnsType) : 'A';
        return json(res, cluster.resolve({ name: text(body.name, 'name', 500), type, from: text(body.from ?? 'pod', 'from', 500), namespace: snapshot.namespace }));
      }
      case 'POST /api/save': {
        const body = await readBody(req);
        const file = fileOf(text(body.path, 'path', 1000));
        fs.writeFileSync(file, text(body.text, 'text', MAX_BODY));
        return json(res, { saved: body.path });
      }
      default:
        throw new HttpError(404, `no such page: ${route}`);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (!res.headersSent) json(res, { error: err instanceof Error ? err.message : String(err) }, status);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  const { watch } = await import('chokidar');
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(dir, { ignoreInitial: true, ignored: (p: string) => /(^|[/\\])(node_modules|\.git)([/\\]|$)|\.tmp$|~$|\.swp$/.test(p) });
  watcher.on('all', (_event: string, file: string) => {
    options.log?.(`changed: ${path.relative(dir, file)}`);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch((err: unknown) => options.log?.(`refresh failed: ${String(err)}`)), 5);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    refresh,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      for (const c of clients) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
