import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** The built client. Hashed assets are cached for a year; index.html is revalidated. */
export function staticRoutes(root: string) {
  const base = normalize(root + sep);
  const read = async (rel: string) => {
    const file = normalize(join(base, rel));
    if (!file.startsWith(base)) return null; // path traversal
    try {
      return { file, body: await readFile(file) };
    } catch {
      return null;
    }
  };
  return new Hono().get('*', async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      return c.text('Bad request', 400);
    }
    if (rel === '/') rel = '/index.html';
    const hit = (await read(rel)) ?? (extname(rel) ? null : await read('/index.html'));
    if (!hit) return c.text('Not found', 404);
    const immutable = hit.file.includes(`${sep}assets${sep}`);
    return c.body(hit.body, 200, {
      'Content-Type': TYPES[extname(hit.file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
