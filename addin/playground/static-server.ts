/**
 * A small static file server for the built dist/ folder, bound to 127.0.0.1 only. Used by
 * `npm run playground`, `npm run dev` (with the office-addin-dev-certs certificate for
 * HTTPS, which Office requires) and the browser tests. Paths are resolved inside the root;
 * anything outside it, or missing, is a 404.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Key and certificate for HTTPS. */
  tls?: { key: Buffer; cert: Buffer };
}

/** Serve `root` on 127.0.0.1. */
export function serveStatic(
  root: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  const handler: http.RequestListener = (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(
      base,
      '.' + (urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath),
    );
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  };
  const server = options.tls
    ? https.createServer(options.tls, handler)
    : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
