import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../geodata/api.ts';
import type { Queryable } from '../db/database.ts';

/** Sessions live in the database, so several server processes on one PostgreSQL share them. */
export const SESSION_COOKIE = 'iz_session';
export const SESSION_HOURS = 12;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export type Session = { tokenHash: string; csrfToken: string; user: SessionUser };

/** A new random token; only its hash is stored, so a leaked table does not leak sessions. */
export async function createSession(db: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(token), userId, csrfToken, SESSION_HOURS],
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
