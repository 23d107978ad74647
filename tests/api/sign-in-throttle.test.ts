import { describe, expect, it } from 'vitest';
import type { Problem } from '../../geodata/api.ts';
import { LOGIN_LIMITS } from '../../server/auth/throttle.ts';
import { createUser } from '../../server/domain/users.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile, TEST_PASSWORD } from '../support/signed-in-app.ts';

// Addresses come from X-Forwarded-For, as behind the documented proxy.
process.env.TRUST_PROXY = '1';

const t = await signedInAppForFile();

const signIn = (username: string, password: string, ip: string) => t.api.call(ANON, 'POST', '/api/session', { username, password }, { 'X-Forwarded-For': ip });
const tally = (statuses: number[]) => {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
};
const failuresOf = async (key: string) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures WHERE key = $1', [key]))[0]!.n;

describe('sign-in throttling under concurrency', () => {
  it('60 simultaneous wrong guesses for one user from one address: only the free 5 are evaluated', async () => {
    await createUser(t.db, { username: 'burst1', role: 'planner', password: TEST_PASSWORD });
    const res = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn('burst1', `wrong guess ${i}`, '10.1.0.1')));
    expect(tally(res.map((r) => r.status))).toEqual({ 401: LOGIN_LIMITS.freePerUserAddress, 429: 60 - LOGIN_LIMITS.freePerUserAddress });
    for (const r of res.filter((x) => x.status === 429)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a correct password sent while a burst of failures is being checked is refused too', async () => {
    await createUser(t.db, { username: 'burst2', role: 'planner', password: TEST_PASSWORD });
    const wrong = Array.from({ length: 10 }, (_, i) => signIn('burst2', `wrong guess ${i}`, '10.1.0.2'));
    // Wait until the free attempts are taken (counted before their passwords are hashed).
    while ((await failuresOf('pair:burst2|10.1.0.2')) < LOGIN_LIMITS.freePerUserAddress) await new Promise((r) => setImmediate(r));
    const right = await signIn('burst2', TEST_PASSWORD, '10.1.0.2');
    expect(right.status).toBe(429);
    expect(tally((await Promise.all(wrong)).map((r) => r.status))).toEqual({ 401: 5, 429: 5 });
  });

  it('200 simultaneous guesses from one address over many usernames: at most 20 are evaluated', async () => {
    const res = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn(`sprayed-${i % 40}`, `wrong guess ${i}`, '10.1.0.3')));
    const counts = tally(res.map((r) => r.status));
    expect(counts[401]).toBe(LOGIN_LIMITS.perAddress);
    expect(counts[429]).toBe(200 - LOGIN_LIMITS.perAddress);
  });

  it('bounds the passwords hashed at once: beyond the queue, 503 with Retry-After, never a 500', async () => {
    const res = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`many-${i}`, `wrong guess ${i}`, `10.2.${i}.1`)));
    const counts = tally(res.map((r) => r.status));
    expect(Object.keys(counts).sort()).toEqual(['401', '503']);
    for (const r of res.filter((x) => x.status === 503)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    // The refused attempts were never evaluated, so they are not counted against anyone.
    expect(await failuresOf('pair:many-59|10.2.59.1')).toBeLessThanOrEqual(res[59]!.status === 401 ? 1 : 0);
  });
});

describe('the lock-out policy slows an attacker without locking out the user', () => {
  it('someone guessing an admin password from one address does not stop the admin signing in from theirs', async () => {
    await createUser(t.db, { username: 'boss', role: 'admin', password: TEST_PASSWORD });
    for (let i = 0; i < 8; i++) await signIn('boss', `attacker guess ${i}`, '10.3.0.66');
    expect((await signIn('boss', TEST_PASSWORD, '10.3.0.66')).status).toBe(429);
    expect((await signIn('boss', TEST_PASSWORD, '10.3.0.7')).status).toBe(200);
  });

  it('each failure past the free five doubles the wait', async () => {
    await createUser(t.db, { username: 'slowed', role: 'planner', password: TEST_PASSWORD });
    const retryAfter = async () => Number((await signIn('slowed', 'wrong again', '10.3.0.9')).headers.get('retry-after'));
    for (let i = 0; i < LOGIN_LIMITS.freePerUserAddress; i++) expect((await signIn('slowed', `wrong ${i}`, '10.3.0.9')).status).toBe(401);
    const first = await retryAfter();
    expect(first).toBeGreaterThan(LOGIN_LIMITS.firstDelaySeconds - 3);
    expect(first).toBeLessThanOrEqual(LOGIN_LIMITS.firstDelaySeconds);
    // The wait passes (moved into the past rather than slept through); the next failure doubles it.
    const past = async (s: number) => t.db.query(`UPDATE login_failures SET at = at - make_interval(secs => $1) WHERE key = 'pair:slowed|10.3.0.9'`, [s]);
    await past(LOGIN_LIMITS.firstDelaySeconds + 1);
    expect((await signIn('slowed', 'wrong 6', '10.3.0.9')).status).toBe(401);
    const second = await retryAfter();
    expect(second).toBeGreaterThan(2 * LOGIN_LIMITS.firstDelaySeconds - 3);
    expect(second).toBeLessThanOrEqual(2 * LOGIN_LIMITS.firstDelaySeconds);
  });

  it('an admin clears a lock: the user signs in at once from the locked address, and the audit log says who cleared it', async () => {
    const user = await createUser(t.db, { username: 'locked', role: 'planner', password: TEST_PASSWORD });
    for (let i = 0; i < 6; i++) await signIn('locked', `wrong ${i}`, '10.3.0.10');
    expect((await signIn('locked', TEST_PASSWORD, '10.3.0.10')).status).toBe(429);
    expect((await t.api.call(t.planner, 'DELETE', `/api/users/${user!.id}/sign-in-lock`)).status).toBe(403);
    const cleared = await t.api.call(t.admin, 'DELETE', `/api/users/${user!.id}/sign-in-lock`);
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as { cleared: number }).cleared).toBeGreaterThanOrEqual(LOGIN_LIMITS.freePerUserAddress);
    expect((await signIn('locked', TEST_PASSWORD, '10.3.0.10')).status).toBe(200);
    const audit = (await (await t.api.call(t.admin, 'GET', `/api/audit?entity=user:${user!.id}`)).json()) as { entries: { username: string; after: unknown }[] };
    expect(audit.entries[0]).toMatchObject({ username: 'admin1', after: { signInLock: 'cleared' } });
  });

  it('an unknown user id gets 404', async () => {
    const res = await t.api.call(t.admin, 'DELETE', '/api/users/999999/sign-in-lock');
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).title).toMatch(/not found/);
  });
});
