import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep } from '../bench/stats.ts';
import { freshDataDir, startApp, type Running } from './server-fixture.ts';

/** Set by .ci/run, which owns the PostgreSQL cluster: shell commands that stop and start it. */
const STOP = process.env.IZ_PG_STOP;
const START = process.env.IZ_PG_START;
const enabled = !!(process.env.DATABASE_URL && STOP && START);
if (!enabled) console.warn('pg-outage: not run (needs DATABASE_URL, IZ_PG_STOP and IZ_PG_START, as .ci/run sets them)');
if (process.env.CI === 'true' && process.env.DATABASE_URL && !enabled) throw new Error('pg-outage: CI with DATABASE_URL must set IZ_PG_STOP and IZ_PG_START');

const dataDir = freshDataDir();
let app: Running | null = null;
afterAll(async () => {
  // Leave the cluster running for whatever comes next; pg_ctl start fails harmlessly if it already is.
  if (enabled) {
    try {
      execSync(START!, { stdio: 'ignore' });
    } catch {
      /* already running */
    }
  }
  await app?.proc.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!enabled)('PostgreSQL goes away and comes back', () => {
  it('answers 503 while it is down, never crashes, and recovers by itself', async () => {
    app = await startApp(dataDir);
    const get = () => fetch(`${app!.origin}/api/zones`, { signal: AbortSignal.timeout(15_000) });
    expect((await get()).status).toBe(200);

    execSync(STOP!, { stdio: 'ignore' });
    const during: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await get();
      during.push(res.status);
      if (res.status === 503) expect(res.headers.get('retry-after')).toBeTruthy();
      await res.arrayBuffer();
    }
    expect(during.every((s) => s === 503)).toBe(true);
    expect(app.proc.hasExited()).toBe(false);

    execSync(START!, { stdio: 'ignore' });
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      recovered = (await get().catch(() => null))?.status === 200;
      if (!recovered) await sleep(500);
    }
    expect(recovered).toBe(true);
    expect(app.proc.hasExited()).toBe(false);
  });
});
