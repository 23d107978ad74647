import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../geodata/api.ts';
import type { Queryable } from '../db/database.ts';

/** Sessions live in the database, so several server processes on one PostgreSQL share them. */
export const SESSION_COOKIE = 'iz_session';
export const SESSION_HOURS = 12;
/** Signed-in browsers per account; a new sign-in beyond this ends that account's oldest session. */
export const MAX_SESSIONS_PER_USER = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export type Session = { tokenHash: string; csrfToken: string; user: SessionUser };

/**
 * A new random token; only its hash is stored, so a leaked table does not leak sessions. The table
 * stays bounded: expired sessions (anyone's) are purged here, and the account keeps at most
 * MAX_SESSIONS_PER_USER, the newest. Run it in a transaction: the user row is locked so two
 * simultaneous sign-ins cannot both keep the cap's last place.
 */
export async function createSession(tx: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
  await tx.query('DELETE FROM sessions WHERE expires_at <= now()');
  await tx.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(token), userId, csrfToken, SESSION_HOURS],
  );
  // The new session is always kept, then the newest others.
  await tx.query(
    `DELETE FROM sessions WHERE user_id = $1 AND token_hash NOT IN
       (SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY token_hash = $2 DESC, created_at DESC LIMIT $3)`,
    [userId, sha256(token), MAX_SESSIONS_PER_USER],
  );
  return { token, csrfToken };
}

export async function findSession(db: Queryable, token: string): Promise<Session | null> {
  const [row] = await db.query<{ token_hash: string; csrf_token: string; id: number; username: string; role: SessionUser['role'] }>(
    `SELECT s.token_hash, s.csrf_token, u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [sha256(token)],
  );
  return row ? { tokenHash: row.token_hash, csrfToken: row.csrf_token, user: { id: row.id, username: row.username, role: row.role } } : null;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()', [sha256(token)]);
}

export async function deleteUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
