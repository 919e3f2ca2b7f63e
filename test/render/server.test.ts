// The preview server: loopback only, read-only, no way out of the output folder, live reload.
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../src/render/index.js';
import type { PreviewServer } from '../../src/render/index.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given (no client-side normalisation of `..`). */
function send(port: number, method: string, path: string, host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let outDir: string;
let server: PreviewServer;
let port: number;
const served: { method: string; path: string; status: number }[] = [];
const PREVIEW = '<!doctype html><html><head><title>B</title></head><body><p>Briefing</p></body></html>';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'report-serve-'));
  outDir = join(root, 'out');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'briefing.html'), PREVIEW);
  writeFileSync(join(outDir, 'briefing.pdf'), '%PDF-1.4 fake');
  writeFileSync(join(root, 'secret.txt'), 'top secret');
  symlinkSync(join(root, 'secret.txt'), join(outDir, 'link-out.txt'));
  server = await startPreviewServer({ outDir, onRequest: (info) => served.push(info) });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
});

describe('startPreviewServer', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const req = request({ host: external.address, port, path: '/' }, () => resolve(false));
        req.on('error', () => resolve(true));
        req.end();
      });
      expect(refused).toBe(true);
    }
  });

  it('serves the preview with the live-reload snippet, leaving the file on disk script-free', async () => {
    const reply = await send(port, 'GET', '/briefing.html');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('<p>Briefing</p>');
    expect(reply.body).toMatch(/<script nonce="[^"]+">.*EventSource\("\/__events"\)/);
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'nonce-/);
    expect(readFileSync(join(outDir, 'briefing.html'), 'utf8')).toBe(PREVIEW);
    const pdf = await send(port, 'GET', '/briefing.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.body).toBe('%PDF-1.4 fake');
    expect(pdf.body).not.toContain('EventSource');
  });

  it('redirects / to the newest HTML file', async () => {
    const reply = await send(port, 'GET', '/');
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/briefing.html');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/ABSOLUTE',
    '//ABSOLUTE_RAW',
    '/link-out.txt',
    '/%00briefing.html',
    '/%zz',
  ])('refuses %s', async (template) => {
    // Absolute paths to the secret are only known once the fixture exists.
    const secret = join(root, 'secret.txt');
    const path = template.replace('ABSOLUTE_RAW', secret.slice(1)).replace('ABSOLUTE', encodeURIComponent(secret));
    const reply = await send(port, 'GET', path);
    expect([400, 403, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('top secret');
  });

  it('answers only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await send(port, method, '/briefing.html');
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
    }
    const head = await send(port, 'HEAD', '/briefing.html');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const reply = await send(port, 'GET', '/briefing.html', `evil.example:${port}`);
    expect(reply.status).toBe(403);
  });

  it('sends a reload event to open pages on notifyReload', async () => {
    const event = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/__events', headers: { host: `127.0.0.1:${port}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes('retry:') && !data.includes('event:')) server.notifyReload();
          if (data.includes('event: reload')) {
            req.destroy();
            resolve(data);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(event).toContain('event: reload');
  });

  it('reports each request to onRequest', () => {
    expect(served.some((entry) => entry.method === 'POST' && entry.status === 405)).toBe(true);
    expect(served.some((entry) => entry.path === '/briefing.html' && entry.status === 200)).toBe(true);
  });

  it('refuses to preview a folder that does not exist', async () => {
    await expect(startPreviewServer({ outDir: join(root, 'missing') })).rejects.toThrow(/^--out .*missing: not a folder to preview/);
  });
});
