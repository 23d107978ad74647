import type { Queryable } from '../db/database.ts';

/** Failed sign-ins allowed per window, per username and per client address. Kept in the database so every server process sees them. */
export const LOGIN_LIMITS = { perUser: 5, perIp: 20, windowMinutes: 15 };

export const throttleKeys = (username: string, ip: string) => [`user:${username.toLowerCase()}`, `ip:${ip}`];

/** Seconds until another attempt is allowed, or 0 when none of the keys is over its limit. */
export async function throttledFor(db: Queryable, username: string, ip: string): Promise<number> {
  const [userKey, ipKey] = throttleKeys(username, ip);
  const rows = await db.query<{ key: string; n: number; oldest: string }>(
    `SELECT key, count(*)::int AS n, min(at)::text AS oldest FROM login_failures
      WHERE key = ANY($1) AND at > now() - make_interval(mins => $2) GROUP BY key`,
    [[userKey, ipKey], LOGIN_LIMITS.windowMinutes],
  );
  let wait = 0;
  for (const r of rows) {
    const limit = r.key === userKey ? LOGIN_LIMITS.perUser : LOGIN_LIMITS.perIp;
    if (r.n >= limit) {
      const freeAt = new Date(r.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60_000;
      wait = Math.max(wait, Math.ceil((freeAt - Date.now()) / 1000));
    }
  }
  return Math.max(wait, 0);
}

export async function recordFailure(db: Queryable, username: string, ip: string): Promise<void> {
  for (const key of throttleKeys(username, ip)) await db.query('INSERT INTO login_failures (key) VALUES ($1)', [key]);
  await db.query(`DELETE FROM login_failures WHERE at < now() - make_interval(mins => $1)`, [LOGIN_LIMITS.windowMinutes * 2]);
}

export async function clearFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [throttleKeys(username, '')[0]]);
}
