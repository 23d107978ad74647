import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';

// A real listener: the Host header only exists on the wire.
let db: Database;
let server: ServerType;
let port: number;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  server = serve({ fetch: createApp({ db }).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await db.close();
});
afterEach(() => {
  delete process.env.PUBLIC_URL;
  delete process.env.TRUST_PROXY;
});

/** GET with any Host header (fetch would not let us forge it). */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Accept: 'application/json', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const hrefs = (body: string) => [...body.matchAll(/"href":"([^"]+)"/g)].map((m) => m[1]!);

describe('OGC absolute links never reflect the client Host header', () => {
  it.each(['/ogc', '/ogc/collections', '/ogc/collections/plots/items?limit=2'])('%s with Host: evil.example gives links on the bound address', async (path) => {
    const res = await get(path, { Host: 'evil.example' });
    expect(res.status).toBe(200);
    const links = hrefs(res.body);
    expect(links.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('evil.example');
    for (const h of links) expect(h.startsWith(`http://127.0.0.1:${port}/ogc`)).toBe(true);
  });

  it('PUBLIC_URL, with a path prefix, is what links say', async () => {
    process.env.PUBLIC_URL = 'https://atlas.example.vn/gis/';
    const res = await get('/ogc/collections/zones/items?limit=1', { Host: 'evil.example' });
    expect(res.body).not.toContain('evil.example');
    const links = hrefs(res.body);
    expect(links).toContain('https://atlas.example.vn/gis/ogc/collections/zones/items?offset=1&limit=1&f=json');
    for (const h of links) expect(h.startsWith('https://atlas.example.vn/gis/ogc')).toBe(true);
  });

  it('forwarded headers count only with TRUST_PROXY=1', async () => {
    const headers = { Host: 'evil.example', 'X-Forwarded-Host': 'atlas.example.vn', 'X-Forwarded-Proto': 'https' };
    expect(hrefs((await get('/ogc', headers)).body).every((h) => h.startsWith(`http://127.0.0.1:${port}/`))).toBe(true);
    process.env.TRUST_PROXY = '1';
    const trusted = hrefs((await get('/ogc', headers)).body);
    expect(trusted.every((h) => h.startsWith('https://atlas.example.vn/'))).toBe(true);
  });

  it('a malformed PUBLIC_URL stops the start with a message naming it', () => {
    expect(() => readConfig({ PUBLIC_URL: 'atlas.example.vn' })).toThrow(/PUBLIC_URL/);
    expect(readConfig({ PUBLIC_URL: 'https://atlas.example.vn' }).port).toBe(8787);
  });
});
