/**
 * The fixture server: serves e2e/fixtures/pages/<host>/<path> over HTTPS for whatever host name the
 * browser asked for, so pages load under the social sites' real names (Chromium maps every host
 * here with --host-resolver-rules). A `<file>.headers.json` beside a page adds response headers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const PAGES_DIR = resolve(import.meta.dirname, '..', 'fixtures', 'pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A throwaway self-signed certificate, made at test time. */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'metoo-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=metoo-fixtures',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where a request's page lives, or null when it would leave the fixtures folder. */
export function fixtureFile(host: string, pathname: string, pagesDir = PAGES_DIR): string | null {
  const cleanHost = host.replace(/:\d+$/, '').replace(/^www\./, '');
  let path = decodeURIComponent(pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(pagesDir, cleanHost, path));
  if (!file.startsWith(pagesDir)) return null;
  if (existsSync(file)) return file;
  // Sites' deep links (/hashtag/MeToo) fall back to the host's index page.
  const index = join(pagesDir, cleanHost, 'index.html');
  return extname(path) === '' && existsSync(index) ? index : null;
}

/** A request that reached the fixture server: every host name in the browser resolves here. */
export interface SeenRequest {
  url: string;
  origin: string;
  referer: string;
  mode: string;
  dest: string;
}

export function startFixtureServer(
  port = 0,
  pagesDir = PAGES_DIR,
): Promise<{ server: Server; port: number; requests: SeenRequest[] }> {
  const requests: SeenRequest[] = [];
  const server = createServer(makeCertificate(), (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`);
    const header = (name: string) => String(request.headers[name] ?? '');
    requests.push({
      url: url.href,
      origin: header('origin'),
      referer: header('referer'),
      mode: header('sec-fetch-mode'),
      dest: header('sec-fetch-dest'),
    });
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    const file = fixtureFile(url.host, url.pathname, pagesDir);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    const extra = `${file}.headers.json`;
    if (existsSync(extra)) Object.assign(headers, JSON.parse(readFileSync(extra, 'utf8')));
    response.writeHead(200, headers);
    response.end(readFileSync(file));
  });
  return new Promise((resolveServer) => {
    server.listen(port, '127.0.0.1', () => {
      resolveServer({ server, port: (server.address() as AddressInfo).port, requests });
    });
  });
}
