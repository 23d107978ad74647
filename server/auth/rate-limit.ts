import type { Queryable } from '../db/database.ts';

/**
 * A sliding-window limit kept in the database, so every server process counts the same events.
 * Returns the seconds to wait, or 0 and records the event when under the limit.
 */
export async function takeRateSlot(db: Queryable, key: string, limit: number, windowSeconds: number): Promise<number> {
  const [row] = await db.query<{ n: number; oldest: string | null }>(
    `SELECT count(*)::int AS n, min(at)::text AS oldest FROM rate_events WHERE key = $1 AND at > now() - make_interval(secs => $2)`,
    [key, windowSeconds],
  );
  if (row && row.n >= limit && row.oldest) {
    return Math.max(1, Math.ceil((new Date(row.oldest).getTime() + windowSeconds * 1000 - Date.now()) / 1000));
  }
  await db.query('INSERT INTO rate_events (key) VALUES ($1)', [key]);
  await db.query(`DELETE FROM rate_events WHERE at < now() - make_interval(secs => $1)`, [windowSeconds * 2]);
  return 0;
}
