import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CapturedBody } from './api-latency.ts';
import { PROJECT_ROOT } from './processes.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Builds tests/bench/bare with Vite's defaults (no app config) so only the code differs from the app build. */
export async function buildBarePage(outDir: string, page: 'bare' | 'bare-react' = 'bare') {
  const { build } = await import('vite');
  await build({
    root: join(PROJECT_ROOT, 'tests/bench', page),
    // React's production build, as the app gets (Vitest or a shell may have set NODE_ENV otherwise).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    mode: 'production',
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
}

/**
 * Serves the built bare page and the captured /api/zones bytes from this process. It is idle while
 * Chromium loads the page, so it costs the measurement no more than a separate process would.
 */
export async function serveBarePage(dir: string, zones: CapturedBody) {
  const root = normalize(dir + sep);
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/api/zones') {
        res.writeHead(200, { ...zones.headers, 'Content-Length': zones.body.length });
        return res.end(zones.body);
      }
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root)) return res.writeHead(403).end();
      try {
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        // Text gzipped, as the app's server does, so that transfer sizes compare like with like.
        if (type.startsWith('text/') && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          let gz = gzipped.get(file);
          if (!gz) {
            gz = gzipSync(body);
            gzipped.set(file, gz);
          }
          res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': gz.length, Vary: 'Accept-Encoding' });
          return res.end(gz);
        }
        res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
