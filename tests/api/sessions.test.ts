import { describe, expect, it } from 'vitest';
import { MAX_SESSIONS_PER_USER } from '../../server/auth/sessions.ts';
import { ANON, type Caller } from '../support/api-client.ts';
import { signedInAppForFile, TEST_PASSWORD } from '../support/signed-in-app.ts';

const t = await signedInAppForFile();

const sessionsOf = async (username: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1', [username]))[0]!.n;
const whoAmI = async (who: Caller) => ((await (await t.api.call(who, 'GET', '/api/session')).json()) as { user: { username: string } | null }).user?.username ?? null;

describe('sessions', () => {
  it(`are capped per user: the ${MAX_SESSIONS_PER_USER + 5}th sign-in ends the oldest, the newest keep working`, async () => {
    const callers: Caller[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 5; i++) callers.push(await t.api.login('planner1', TEST_PASSWORD));
    expect(await sessionsOf('planner1')).toBe(MAX_SESSIONS_PER_USER);
    expect(await whoAmI(callers[0]!)).toBeNull();
    expect(await whoAmI(callers.at(-1)!)).toBe('planner1');
    expect(await whoAmI(callers.at(-MAX_SESSIONS_PER_USER)!)).toBe('planner1');
    // Another user's sessions are not touched.
    expect(await whoAmI(t.admin)).toBe('admin1');
    t.planner = callers.at(-1)!;
  });

  it('expire: a session past its end is refused, and expired rows are purged by the next sign-in', async () => {
    const old = await t.api.login('admin1', TEST_PASSWORD);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE username = 'admin1')`);
    expect(await whoAmI(old)).toBeNull();
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE expires_at < now()'))[0]!.n).toBeGreaterThan(0);
    await t.api.login('planner1', TEST_PASSWORD);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE expires_at < now()'))[0]!.n).toBe(0);
    t.admin = await t.api.login('admin1', TEST_PASSWORD);
  });
});

describe('responses behind a session are never stored by a shared cache', () => {
  it.each([
    ['GET', '/api/enquiries', 'planner'],
    ['GET', '/api/audit', 'planner'],
    ['GET', '/api/users', 'admin'],
    ['GET', '/api/session', 'planner'],
  ] as const)('%s %s (signed in, and the 401/403 or anonymous answer too)', async (method, path, role) => {
    const who = role === 'admin' ? t.admin : t.planner;
    const signedIn = await t.api.call(who, method, path);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.headers.get('vary')).toMatch(/\bCookie\b/);
    const anon = await t.api.call(ANON, method, path);
    expect(anon.headers.get('cache-control')).toBe('private, no-store');
    expect(anon.headers.get('vary')).toMatch(/\bCookie\b/);
  });

  it('the sign-in answer (it carries the CSRF token) is not stored either', async () => {
    const res = await t.api.call(ANON, 'POST', '/api/session', { username: 'planner1', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('public reads stay revalidated, not private', async () => {
    const res = await t.api.call(t.planner, 'GET', '/api/zones');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});
