import { Hono } from 'hono';
import { userCreateBody, userPatchBody } from '../../geodata/requests.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { writeAudit } from '../domain/audit.ts';
import { createUser, getUser, listUsers, updateUser } from '../domain/users.ts';
import { fieldErrors, readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { notFound } from '../http/problem.ts';

/** User management, for admins only. Passwords never appear in responses or in the audit log. */
export function userRoutes(db: Database) {
  const admin = requireRole('admin');
  return new Hono<AppEnv>()
    .get('/', admin, async (c) => c.json({ users: await listUsers(db) }))
    .post('/', admin, async (c) => {
      const body = await readJson(c, userCreateBody);
      if ('error' in body) return body.error;
      const user = await db.transaction(async (tx) => {
        const u = await createUser(tx, body.data);
        if (u) await writeAudit(tx, { user: c.get('session')!.user, entityType: 'user', entityId: String(u.id), zoneId: null, action: 'create', before: null, after: { username: u.username, role: u.role } });
        return u;
      });
      if (!user) return fieldErrors(c, [{ field: 'username', reason: { code: 'usernameTaken' } }]);
      return c.json(user, 201);
    })
    .patch('/:id', admin, async (c) => {
      const id = Number(c.req.param('id'));
      const before = Number.isInteger(id) ? await getUser(db, id) : null;
      if (!before) return notFound(c, 'User', c.req.param('id'));
      const body = await readJson(c, userPatchBody);
      if ('error' in body) return body.error;
      const me = c.get('session')!.user;
      if (id === me.id && (body.data.disabled || (body.data.role && body.data.role !== 'admin'))) {
        return fieldErrors(c, [{ field: body.data.disabled ? 'disabled' : 'role', reason: { code: 'selfLockout' } }]);
      }
      const after = await db.transaction(async (tx) => {
        const u = await updateUser(tx, id, body.data);
        const { password, ...rest } = body.data;
        await writeAudit(tx, { user: me, entityType: 'user', entityId: String(id), zoneId: null, action: 'update', before: { role: before.role, disabled: before.disabled }, after: { ...rest, ...(password ? { password: 'changed' } : {}) } });
        return u;
      });
      return c.json(after!);
    });
}
