import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { createUser } from '../../server/domain/users.ts';
import { ANON, caller, type Caller } from '../support/api-client.ts';
import { openTestDb } from '../support/db.ts';

/**
 * Who may call what. Every route the app registers must be listed here, so a new route cannot
 * ship without a decision; the test then calls each one as anonymous, planner and admin.
 */
type Access = 'public' | 'planner' | 'admin';
const ACCESS: Record<string, Access> = {
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'planner',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'DELETE /api/users/:id/sign-in-lock': 'admin',
  'POST /api/enquiries': 'public',
  'GET /api/enquiries': 'planner',
  'PATCH /api/enquiries/:id': 'planner',
  'GET /api/targets': 'public',
  'GET /api/province-facts': 'public',
  'GET /api/tour': 'public',
  'PUT /api/tour': 'planner',
  'POST /api/plots/merge': 'planner',
  'PATCH /api/plots/:id': 'planner',
  'POST /api/plots/:id/split': 'planner',
  'PATCH /api/zones/:id': 'planner',
  'PATCH /api/zones/:id/infrastructure/:item': 'planner',
  'POST /api/import': 'planner',
  'GET /api/audit': 'planner',
  'GET /api/zones/:id/history': 'public',
  'GET /api/history': 'public',
  'GET /api/yearly': 'public',
  'GET /api/export': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/health': 'public',
  'GET /api/zones': 'public',
  'GET /api/zones/:id': 'public',
  'GET /api/zones/:id/plots': 'public',
  'GET /api/plots': 'public',
  'GET /api/plots/:id': 'public',
  'GET /api/stats': 'public',
  'GET /api/sources': 'public',
  'GET /api/context': 'public',
  'GET /api/basemaps': 'public',
  'GET /ogc': 'public',
  'GET /ogc/conformance': 'public',
  'GET /ogc/api': 'public',
  'GET /ogc/collections': 'public',
  'GET /ogc/collections/:cid': 'public',
  'GET /ogc/collections/:cid/schema': 'public',
  'GET /ogc/collections/:cid/items': 'public',
  'GET /ogc/collections/:cid/items/:fid': 'public',
  'GET /tiles/meta.json': 'public',
  'GET /tiles/:layer/:z/:x/:file': 'public',
  'GET /tiles/admin/:z/:x/:file': 'public',
};

const PARAMS: Record<string, string> = {
  id: 'ccn-vang-muoi', item: 'power', cid: 'zones', fid: 'ccn-vang-muoi', layer: 'zones', z: '14', x: '13084', file: '7216.mvt',
};
const concrete = (path: string) =>
  path.replace(/:(\w+)/g, (_, k: string) => (path.startsWith('/api/users') || path.startsWith('/api/enquiries') ? '1' : path.startsWith('/api/plots/:id') ? 'ccn-vang-muoi-cn-01' : PARAMS[k]!));

let db: Database;
let app: App;
let api: ReturnType<typeof caller>;
const who: Record<'anonymous' | 'planner' | 'admin', Caller> = { anonymous: ANON, planner: ANON, admin: ANON };
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  await createUser(db, { username: 'planner1', role: 'planner', password: 'correct horse battery' });
  await createUser(db, { username: 'admin1', role: 'admin', password: 'correct horse battery' });
  app = createApp({ db });
  api = caller(app);
  who.planner = await api.login('planner1', 'correct horse battery');
  who.admin = await api.login('admin1', 'correct horse battery');
});
afterAll(() => db.close());

const routes = () => {
  const seen = new Set<string>();
  for (const r of createApp({ db: {} as Database }).routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path}`);
  return [...seen];
};

describe('authorisation matrix', () => {
  it('covers every route the app registers', () => {
    expect(routes().filter((r) => !(r in ACCESS))).toEqual([]);
  });

  const allowed = (access: Access, role: keyof typeof who) =>
    access === 'public' || (access === 'planner' && role !== 'anonymous') || (access === 'admin' && role === 'admin');

  it.each(Object.entries(ACCESS).flatMap(([route, access]) => (['anonymous', 'planner', 'admin'] as const).map((role) => [route, access, role] as const)))(
    '%s (%s) as %s',
    async (route, access, role) => {
      const [method, path] = route.split(' ') as [string, string];
      // DELETE /api/session would end the shared session; it is covered in edit-api.test.ts.
      if (route === 'DELETE /api/session' && role !== 'anonymous') return;
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const res = await api.call(who[role], method, concrete(path), body);
      if (allowed(access, role)) expect([401, 403], `${route} as ${role}: ${res.status}`).not.toContain(res.status);
      else expect(res.status, `${route} as ${role}`).toBe(role === 'anonymous' ? 401 : 403);
      expect(res.status).toBeLessThan(500);
    },
  );
});
