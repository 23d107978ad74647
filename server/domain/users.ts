import type { UserRecord } from '../../geodata/api.ts';
import type { Role } from '../../geodata/requests.ts';
import { hashPassword } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Queryable } from '../db/database.ts';

type Row = { id: number; username: string; role: Role; disabled: boolean; created_at: string };
const toRecord = (r: Row): UserRecord => ({ id: r.id, username: r.username, role: r.role, disabled: r.disabled, createdAt: r.created_at });
const COLUMNS = `id, username, role, disabled, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  return (await db.query<Row>(`SELECT ${COLUMNS} FROM users ORDER BY username`)).map(toRecord);
}

export async function getUser(db: Queryable, id: number): Promise<UserRecord | null> {
  const [r] = await db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return r ? toRecord(r) : null;
}

/** Null when the username is taken. */
export async function createUser(db: Queryable, u: { username: string; role: Role; password: string }): Promise<UserRecord | null> {
  const hash = await hashPassword(u.password);
  const [r] = await db.query<Row>(
    `INSERT INTO users (username, role, password_hash) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
    [u.username, u.role, hash],
  );
  return r ? toRecord(r) : null;
}

export async function updateUser(db: Queryable, id: number, patch: { role?: Role; disabled?: boolean; password?: string }): Promise<UserRecord | null> {
  const hash = patch.password ? await hashPassword(patch.password) : null;
  const [r] = await db.query<Row>(
    `UPDATE users SET role = coalesce($2, role), disabled = coalesce($3, disabled), password_hash = coalesce($4, password_hash)
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, patch.role ?? null, patch.disabled ?? null, hash],
  );
  // A changed role, password or a disabled account ends the user's sessions everywhere.
  if (r && (patch.role !== undefined || patch.disabled !== undefined || patch.password !== undefined)) await deleteUserSessions(db, id);
  return r ? toRecord(r) : null;
}

/**
 * "At least one active admin" under concurrency: takes a lock every admin change waits on, then
 * checks, with the database as it is after any change that went first, that the acting admin is
 * still one and that the patch leaves an active admin. Call it in the transaction that writes.
 */
export async function keepsAnActiveAdmin(tx: Queryable, targetId: number, patch: { role?: Role; disabled?: boolean }, actorId?: number): Promise<'ok' | 'last-admin' | 'not-admin'> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('iz-atlas: active admins'))`);
  const admins = (await tx.query<{ id: number }>(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled`)).map((r) => r.id);
  if (actorId !== undefined && !admins.includes(actorId)) return 'not-admin';
  const demotes = patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin');
  if (demotes && admins.includes(targetId) && admins.length <= 1) return 'last-admin';
  return 'ok';
}
