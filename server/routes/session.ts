import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionInfo } from '../../geodata/api.ts';
import { loginBody } from '../../geodata/requests.ts';
import { clientIp, isHttps, requireRole } from '../auth/middleware.ts';
import { decoyHash, HashBusyError, verifyPassword } from '../auth/passwords.ts';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_HOURS } from '../auth/sessions.ts';
import { reserveAttempt } from '../auth/throttle.ts';
import { privateResponse } from '../http/private.ts';
import type { Database } from '../db/database.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { problem } from '../http/problem.ts';

type UserRow = { id: number; username: string; role: 'planner' | 'admin'; password_hash: string; disabled: boolean };

/** Sign-in, sign-out and "who am I". Errors never say whether a username exists. */
export function sessionRoutes(db: Database) {
  return new Hono<AppEnv>()
    // Who is signed in, and the sign-in answer with its CSRF token, differ by cookie and are never stored.
    .use(privateResponse)
    .get('/', (c) => {
      const s = c.get('session');
      return c.json<SessionInfo>({ user: s?.user ?? null, csrfToken: s?.csrfToken ?? null });
    })
    .post('/', async (c) => {
      const body = await readJson(c, loginBody);
      if ('error' in body) return body.error;
      const { username, password } = body.data;
      const ip = clientIp(c);
      // Counted before the slow hash, so simultaneous guesses cannot all pass the check.
      const attempt = await reserveAttempt(db, username, ip);
      if (attempt.wait > 0 || !('release' in attempt)) {
        c.header('Retry-After', String(attempt.wait));
        return problem(c, 429, 'signInThrottled', { params: { seconds: attempt.wait } });
      }
      let ok: boolean;
      let user: UserRow | undefined;
      try {
        [user] = await db.query<UserRow>('SELECT id, username, role, password_hash, disabled FROM users WHERE username = $1', [username.toLowerCase()]);
        ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
      } catch (err) {
        await attempt.release('not-evaluated');
        if (!(err instanceof HashBusyError)) throw err;
        c.header('Retry-After', '2');
        return problem(c, 503, 'signInBusy');
      }
      if (!user || !ok || user.disabled) {
        await attempt.release('failure');
        return problem(c, 401, 'badCredentials');
      }
      await attempt.release('success');
      // A fresh token at every sign-in: a session id planted before sign-in is never promoted.
      const old = getCookie(c, SESSION_COOKIE);
      if (old) await deleteSession(db, old);
      const { token, csrfToken } = await db.transaction((tx) => createSession(tx, user.id));
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.json<SessionInfo>({ user: { id: user.id, username: user.username, role: user.role }, csrfToken });
    })
    .delete('/', requireRole('planner', 'admin'), async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
