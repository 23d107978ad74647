import type { Database, Queryable } from '../db/database.ts';

/**
 * Sign-in throttling, kept in the database so every server process counts the same attempts.
 *
 * - Per username and address: 5 failures are free; after that each attempt waits
 *   15 s × 2^(failures − 5), at most 15 minutes, counted from the last failure within an hour.
 *   Someone guessing from one address slows down fast; the real user at another address is never
 *   locked out by them.
 * - Per address, any usernames: 20 failures per 15 minutes (password spraying), then that address
 *   waits until the oldest leaves the window.
 * - No limit per username alone: it would hand anyone a way to lock out a named planner or admin.
 *   Guessing from many addresses is bounded by the two limits above and by the hash's cost.
 *
 * An attempt is reserved (counted as a failure) before the password is hashed, under a lock per
 * address, so simultaneous attempts cannot all pass the check; a correct password removes its own
 * reservation and the failures of its username at its address. An admin clears a user's locks
 * with DELETE /api/users/:id/sign-in-lock or `npm run user -- unlock`.
 */
export const LOGIN_LIMITS = {
  freePerUserAddress: 5,
  firstDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  userAddressMemoryMinutes: 60,
  perAddress: 20,
  addressWindowMinutes: 15,
};

const pairPrefix = (username: string) => `pair:${username.toLowerCase()}|`;
const keysOf = (username: string, ip: string) => ({ pair: `${pairPrefix(username)}${ip}`, ip: `ip:${ip}` });

/** Seconds to wait, after the last one, once a username has had `failures` failures at one address. */
export function pairDelaySeconds(failures: number): number {
  if (failures < LOGIN_LIMITS.freePerUserAddress) return 0;
  const exp = failures - LOGIN_LIMITS.freePerUserAddress;
  return Math.min(LOGIN_LIMITS.maxDelaySeconds, LOGIN_LIMITS.firstDelaySeconds * 2 ** Math.min(exp, 30));
}

/** How a reserved attempt ended: signed in, refused, or never evaluated (the server was too busy to hash). */
export type Outcome = 'success' | 'failure' | 'not-evaluated';
export type Reservation = { wait: 0; release: (outcome: Outcome) => Promise<void> } | { wait: number };

/**
 * Counts the attempt before it is evaluated: returns the seconds to wait when over a limit, else a
 * reservation. Released as a failure it stays counted; as a success it is forgotten with the
 * username's failures at this address; not evaluated, it is forgotten alone.
 */
export async function reserveAttempt(db: Database, username: string, ip: string): Promise<Reservation> {
  const keys = keysOf(username, ip);
  const result = await db.transaction(async (tx): Promise<{ wait: number } | { at: string }> => {
    // One lock per address: every attempt from it (whatever the username) is checked and counted in turn.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sign-in ${ip}`]);
    const [row] = await tx.query<{ pair_n: number; pair_last: string | null; ip_n: number; ip_oldest: string | null; now: string }>(
      `SELECT (SELECT count(*)::int FROM login_failures WHERE key = $1 AND at > now() - make_interval(mins => $3)) AS pair_n,
              (SELECT max(at)::text FROM login_failures WHERE key = $1 AND at > now() - make_interval(mins => $3)) AS pair_last,
              (SELECT count(*)::int FROM login_failures WHERE key = $2 AND at > now() - make_interval(mins => $4)) AS ip_n,
              (SELECT min(at)::text FROM login_failures WHERE key = $2 AND at > now() - make_interval(mins => $4)) AS ip_oldest,
              now()::text AS now`,
      [keys.pair, keys.ip, LOGIN_LIMITS.userAddressMemoryMinutes, LOGIN_LIMITS.addressWindowMinutes],
    );
    const now = Date.parse(row!.now);
    let wait = 0;
    const delay = pairDelaySeconds(row!.pair_n);
    if (delay > 0 && row!.pair_last) wait = Math.max(wait, (Date.parse(row!.pair_last) + delay * 1000 - now) / 1000);
    if (row!.ip_n >= LOGIN_LIMITS.perAddress && row!.ip_oldest) {
      wait = Math.max(wait, (Date.parse(row!.ip_oldest) + LOGIN_LIMITS.addressWindowMinutes * 60_000 - now) / 1000);
    }
    if (wait > 0) return { wait: Math.max(1, Math.ceil(wait)) };
    // clock_timestamp(), read once for both rows: the reservation is told apart from others by its instant.
    const [at] = await tx.query<{ at: string }>(
      `WITH t AS (SELECT clock_timestamp() AS at)
       INSERT INTO login_failures (key, at) SELECT k, t.at FROM unnest($1::text[]) AS k, t RETURNING at::text`,
      [[keys.pair, keys.ip]],
    );
    await tx.query(`DELETE FROM login_failures WHERE at < now() - make_interval(mins => $1)`, [2 * Math.max(LOGIN_LIMITS.userAddressMemoryMinutes, LOGIN_LIMITS.addressWindowMinutes)]);
    return { at: at!.at };
  });
  if ('wait' in result) return result;
  return {
    wait: 0,
    release: async (outcome) => {
      if (outcome === 'failure') return;
      const forgetPair = outcome === 'success';
      await db.query(`DELETE FROM login_failures WHERE key = ANY($1) AND (at = $2::timestamptz OR ($3 AND key = $4))`, [[keys.ip, keys.pair], result.at, forgetPair, keys.pair]);
    },
  };
}

/** Forgets a username's failures at every address: an admin's "unlock". Returns how many were cleared. */
export async function clearUserLocks(db: Queryable, username: string): Promise<number> {
  const rows = await db.query<{ key: string }>('DELETE FROM login_failures WHERE starts_with(key, $1) RETURNING key', [pairPrefix(username)]);
  return rows.length;
}
