// The preview server: serves the output folder on 127.0.0.1 only, read-only, and tells open pages to
// reload after a re-render (Server-Sent Events on /__events). The live-reload snippet is injected into
// HTML as it is served; the file on disk stays script-free.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { ReportError } from '../errors.js';

export interface PreviewServerOptions {
  outDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Called after each response (the CLI may log it). */
  onRequest?: (info: { method: string; path: string; status: number }) => void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
  /** Tells every open preview page to reload. */
  notifyReload(): void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const EVENTS_PATH = '/__events';

function reloadSnippet(nonce: string): string {
  return `<script nonce="${nonce}">(function(){var s=new EventSource(${JSON.stringify(EVENTS_PATH)});s.addEventListener("reload",function(){location.reload()});})();</script>`;
}

/** Inserts the snippet before </body>, or at the end when there is none. */
function injectSnippet(html: string, snippet: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + snippet : html.slice(0, at) + snippet + html.slice(at);
}

/** The file a URL path names inside `root`, or null when it would leave it (by `..`, encoding or symlink). */
async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const candidate = resolve(root, ...segments);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  // Follow symlinks and check again: a link pointing outside the folder is not served.
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return candidate; // does not exist: a 404 follows
  }
  return real === root || real.startsWith(root + sep) ? real : null;
}

/** Starts the preview server on 127.0.0.1. */
export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  let root: string;
  try {
    root = await realpath(resolve(opts.outDir));
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ReportError('usage', `--out ${opts.outDir}: not a folder to preview (render a briefing first)`);
  }
  const clients = new Set<ServerResponse>();
  let port = 0;

  const finish = (req: IncomingMessage, res: ServerResponse, status: number, body?: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
    res.end(req.method === 'HEAD' ? undefined : (body ?? `${status}\n`));
    opts.onRequest?.({ method: req.method ?? '?', path: req.url ?? '', status });
  };

  /** The most recently written HTML file, which is what "/" shows. */
  const newestHtml = async (): Promise<string | null> => {
    const entries = (await readdir(root)).filter((name) => name.endsWith('.html') && !name.startsWith('.'));
    let best: { name: string; time: number } | null = null;
    for (const name of entries) {
      const time = (await stat(join(root, name))).mtimeMs;
      if (!best || time > best.time) best = { name, time };
    }
    return best?.name ?? null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(req, res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    // Refuse other Host names: a page elsewhere cannot reach us through DNS rebinding.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return finish(req, res, 403, 'forbidden host\n');
    const rawPath = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    if (!rawPath.startsWith('/')) return finish(req, res, 400, 'bad request\n');

    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      opts.onRequest?.({ method: req.method, path: rawPath, status: 200 });
      return;
    }
    if (rawPath === '/') {
      const newest = await newestHtml();
      if (!newest) return finish(req, res, 404, 'no briefing rendered yet\n');
      return finish(req, res, 302, '', { Location: `/${encodeURIComponent(newest)}` });
    }
    const file = await resolveInside(root, rawPath);
    if (!file) return finish(req, res, 403, 'forbidden\n');
    let info;
    try {
      info = await stat(file);
    } catch {
      return finish(req, res, 404, 'not found\n');
    }
    if (!info.isFile()) return finish(req, res, 404, 'not found\n');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const common = { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) {
      // Only our snippet may run: the nonce allows it, the policy forbids everything else.
      const nonce = randomBytes(12).toString('base64');
      const body = injectSnippet(await readFile(file, 'utf8'), reloadSnippet(nonce));
      res.writeHead(200, {
        ...common,
        'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'nonce-${nonce}'; connect-src 'self'`,
        'Content-Length': String(Buffer.byteLength(body)),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } else {
      res.writeHead(200, { ...common, 'Content-Length': String(info.size) });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    }
    opts.onRequest?.({ method: req.method, path: rawPath, status: 200 });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) finish(req, res, 500, 'internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ReportError(
          error.code === 'EADDRINUSE' ? 'usage' : 'environment',
          error.code === 'EADDRINUSE' ? `--port ${opts.port}: already in use; choose another port or 0 for any free one` : `preview server: ${error.message}`,
        ),
      ),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    notifyReload() {
      for (const client of clients) client.write('event: reload\ndata: 1\n\n');
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
