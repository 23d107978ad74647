import { describe, expect, it } from 'vitest';
import type { Problem } from '../../geodata/api.ts';
import { storageFailure } from '../../server/db/write-health.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const t = await signedInAppForFile();

const health = async () => (await (await t.api.call(t.planner, 'GET', '/api/health')).json()) as { status: string; problem?: string };

// The embedded database is one connection, so one SET makes every later write fail as a read-only
// database does; the real full disk is in tests/reliability/full-disk.test.ts.
describe.skipIf(!!process.env.DATABASE_URL)('a database that cannot write is visible', () => {
  it('health says ok while writes work, degraded with the cause once they do not; a write gets 503 naming the cause', async () => {
    expect(await health()).toMatchObject({ status: 'ok' });
    const plot = await t.api.call(t.planner, 'GET', '/api/plots/ccn-vang-muoi-cn-01');
    await t.db.query('SET default_transaction_read_only = on');
    try {
      expect(await health()).toMatchObject({ status: 'degraded', problem: expect.stringMatching(/read-only/) });
      const res = await t.api.call(t.planner, 'PATCH', '/api/plots/ccn-vang-muoi-cn-01', { sector: 'x' }, { 'If-Match': plot.headers.get('etag')! });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as Problem).detail).toMatch(/read-only/);
      // Reads keep working.
      expect((await t.api.call(t.planner, 'GET', '/api/zones')).status).toBe(200);
    } finally {
      await t.db.query('SET default_transaction_read_only = off');
    }
  });
});

describe('which errors mean "cannot write"', () => {
  it.each([
    [{ code: '53100', message: 'could not extend file "base/5/16385_fsm": No space left on device' }, /disk .* full/],
    [{ code: '25006', message: 'cannot execute UPDATE in a read-only transaction' }, /read-only/],
    [{ code: '58030', message: 'could not write to file "pg_wal/xlogtemp.1": Input/output error' }, /cannot write/],
  ])('%j', (err, cause) => {
    expect(storageFailure(err)).toMatch(cause);
  });
  it('other errors are not storage failures', () => {
    expect(storageFailure({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBeNull();
    expect(storageFailure(new Error('boom'))).toBeNull();
  });
});
