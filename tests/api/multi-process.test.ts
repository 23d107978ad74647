/**
 * Several server processes on one PostgreSQL act as one server: nothing that matters between
 * requests is kept in a process (sessions, CSRF tokens, sign-in throttling and record versions
 * live in the database). Runs only on PostgreSQL (npm run test:api:pg): PGlite is single-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { createUser } from '../../server/domain/users.ts';
import { createPgTestDatabase, testDatabaseUrl } from '../support/db.ts';
import { BUNDLED_ZONES } from '../support/bundled-zones.ts';

const PG = testDatabaseUrl();
if (!PG) console.warn('\n*** Multi-process tests not run: they need PostgreSQL (npm run test:api:pg with DATABASE_URL set).\n');

const PW = 'correct horse battery';

type Instance = { url: string; proc: ChildProcess; log: () => string };

/** `tsx server/main.ts` on a free port with the given database; resolves once it listens. */
function startServer(databaseUrl: string, dataDir: string): Promise<Instance> {
  const proc = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    proc.stdout!.on('data', () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, proc, log: () => out });
      }
    });
  });
}

let a: Instance;
let b: Instance;
let db: Awaited<ReturnType<typeof createPgTestDatabase>>;
let dataDir: string;

async function call(on: Instance, method: string, path: string, opts: { cookie?: string; csrf?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${on.url}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(opts.cookie ? { Cookie: opts.cookie } : {}),
      ...(opts.csrf ? { 'X-CSRF-Token': opts.csrf } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
}

async function login(on: Instance, username: string, password: string) {
  const res = await call(on, 'POST', '/api/session', { body: { username, password } });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe.skipIf(!PG)('two server processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    db = await createPgTestDatabase(inject('dbSnapshot'));
    const conn = await openPostgres({ url: db.url, max: 1 });
    await createUser(conn, { username: 'planner1', role: 'planner', password: PW });
    await createUser(conn, { username: 'victim', role: 'planner', password: PW });
    await conn.close();
    dataDir = mkdtempSync(join(tmpdir(), 'iz-atlas-multi-'));
    [a, b] = await Promise.all([startServer(db.url, dataDir), startServer(db.url, dataDir)]);
  }, 90_000);
  afterAll(async () => {
    for (const s of [a, b]) {
      if (s && s.proc.exitCode === null) {
        const exited = new Promise((r) => s.proc.once('exit', r));
        s.proc.kill('SIGTERM');
        await exited;
      }
    }
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs two processes that both report PostgreSQL', async () => {
    expect(a.url).not.toBe(b.url);
    for (const s of [a, b]) expect(await (await call(s, 'GET', '/api/health')).json()).toMatchObject({ database: 'postgres', zones: BUNDLED_ZONES });
  });

  it('signs in on one, edits through the other with the cookie and CSRF token, reads it back on the first', async () => {
    const session = await login(a, 'planner1', PW);
    expect(await (await call(b, 'GET', '/api/session', { cookie: session.cookie })).json()).toMatchObject({ user: { username: 'planner1' }, csrfToken: session.csrf });

    const plots = ((await (await call(a, 'GET', '/api/zones/ccn-vang-muoi/plots')).json()) as { features: PlotApiFeature[] }).features;
    const plot = plots.find((p) => p.properties.status === 'available')!;
    const read = await call(b, 'GET', `/api/plots/${plot.id}`);
    const etag = read.headers.get('etag')!;

    const noCsrf = await call(b, 'PATCH', `/api/plots/${plot.id}`, { cookie: session.cookie, body: { status: 'reserved', tenant: 'X' }, headers: { 'If-Match': etag } });
    expect(noCsrf.status).toBe(403);
    const patch = await call(b, 'PATCH', `/api/plots/${plot.id}`, { ...session, body: { status: 'leased', tenant: 'Cty TNHH Hai Tiến Trình', reason: 'multi-process test' }, headers: { 'If-Match': etag } });
    expect(patch.status).toBe(200);

    const back = await call(a, 'GET', `/api/plots/${plot.id}`);
    expect(((await back.json()) as PlotApiFeature).properties).toMatchObject({ status: 'leased', tenant: 'Cty TNHH Hai Tiến Trình' });
    expect(back.headers.get('etag')).toBe(patch.headers.get('etag'));
    // The version check spans processes too: the first process refuses the stale ETag.
    const stale = await call(a, 'PATCH', `/api/plots/${plot.id}`, { ...session, body: { sector: 'x' }, headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
    // The audit entry written by one process is read by the other.
    const audit = (await (await call(a, 'GET', `/api/audit?entity=plot:${plot.id}`, { cookie: session.cookie })).json()) as { entries: { reason: string }[] };
    expect(audit.entries[0]?.reason).toBe('multi-process test');

    // Signing out on one process ends the session on both.
    expect((await call(a, 'DELETE', '/api/session', session)).status).toBe(204);
    expect(await (await call(b, 'GET', '/api/session', { cookie: session.cookie })).json()).toMatchObject({ user: null });
  });

  it('throttles sign-in failures across processes', async () => {
    for (let i = 0; i < 5; i++) {
      const on = i % 2 ? a : b;
      expect((await call(on, 'POST', '/api/session', { body: { username: 'victim', password: `wrong guess ${i}` } })).status).toBe(401);
    }
    expect((await call(a, 'POST', '/api/session', { body: { username: 'victim', password: PW } })).status).toBe(429);
    expect((await call(b, 'POST', '/api/session', { body: { username: 'victim', password: PW } })).status).toBe(429);
  });

  it('survives PostgreSQL dropping every connection: no crash, the next requests reconnect', async () => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Each process saw its idle connections die, said so, and carried on.
    await expect.poll(() => a.log() + b.log(), { timeout: 5_000 }).toMatch(/PostgreSQL connection lost/);
    for (const s of [a, b]) {
      await expect.poll(async () => (await call(s, 'GET', '/api/health')).status, { timeout: 5_000, interval: 200, message: s.log() }).toBe(200);
      expect(s.proc.exitCode, s.log()).toBeNull();
      expect((await call(s, 'GET', '/api/zones/ccn-huyen-tung')).status).toBe(200);
    }
  });
});
