import { Hono } from 'hono';
import { userCreateBody, userPatchBody } from '../../geodata/requests.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { writeAudit } from '../domain/audit.ts';
import { createUser, getUser, keepsAnActiveAdmin, listUsers, updateUser } from '../domain/users.ts';
import { clearUserLocks } from '../auth/throttle.ts';
import { fieldErrors, readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, invalidFields, invalidParam, notFound, problem } from '../http/problem.ts';
import { serialIdSchema } from '../../geodata/ids.ts';

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
      const parsed = serialIdSchema.safeParse(c.req.param('id'));
      if (!parsed.success) return invalid(c, parsed.error, 'path', 'id');
      const id = parsed.data;
      const before = await getUser(db, id);
      if (!before) return notFound(c, 'User', c.req.param('id'));
      const body = await readJson(c, userPatchBody);
      if ('error' in body) return body.error;
      const me = c.get('session')!.user;
      if (id === me.id && (body.data.disabled || (body.data.role && body.data.role !== 'admin'))) {
        return fieldErrors(c, [{ field: body.data.disabled ? 'disabled' : 'role', reason: { code: 'selfLockout' } }]);
      }
      const after = await db.transaction(async (tx) => {
        // Checked and written under one lock, so two admins disabling each other at once cannot both win.
        const kept = await keepsAnActiveAdmin(tx, id, body.data, me.id);
        if (kept !== 'ok') return kept;
        const u = await updateUser(tx, id, body.data);
        const { password, ...rest } = body.data;
        await writeAudit(tx, { user: me, entityType: 'user', entityId: String(id), zoneId: null, action: 'update', before: { role: before.role, disabled: before.disabled }, after: { ...rest, ...(password ? { password: 'changed' } : {}) } });
        return u;
      });
      if (after === 'last-admin') {
        const param = invalidParam({ field: body.data.disabled ? 'disabled' : 'role', reason: { code: 'lastAdmin' } });
        return invalidFields(c, 'lastAdmin', [param], 409);
      }
      if (after === 'not-admin') return problem(c, 403, 'noLongerAdmin');
      return c.json(after!);
    })
    // Clears the user's sign-in locks at every address (see server/auth/throttle.ts); the attempts of an address itself stay counted.
    .delete('/:id/sign-in-lock', admin, async (c) => {
      const parsed = serialIdSchema.safeParse(c.req.param('id'));
      if (!parsed.success) return invalid(c, parsed.error, 'path', 'id');
      const id = parsed.data;
      const user = await getUser(db, id);
      if (!user) return notFound(c, 'User', c.req.param('id'));
      const cleared = await db.transaction(async (tx) => {
        const n = await clearUserLocks(tx, user.username);
        await writeAudit(tx, { user: c.get('session')!.user, entityType: 'user', entityId: String(id), zoneId: null, action: 'update', before: { failedSignIns: n }, after: { failedSignIns: 0, signInLock: 'cleared' } });
        return n;
      });
      return c.json({ cleared });
    });
}
