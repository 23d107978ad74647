import { describe, expect, it } from 'vitest';
import type { AuditEntry, PlotApiFeature, Problem, ZoneApiFeature, ZoneHistory } from '../../geodata/api.ts';
import { createUser } from '../../server/domain/users.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile, TEST_PASSWORD } from '../support/signed-in-app.ts';

const signedIn = await signedInAppForFile();
const { db, api } = signedIn;
// Signing out in a test below ends these sessions; it signs both in again.
let { planner, admin } = signedIn;

const auditCount = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);
const getPlot = async (id: string) => {
  const res = await api.call(ANON, 'GET', `/api/plots/${id}`);
  return { etag: res.headers.get('etag')!, plot: (await res.json()) as PlotApiFeature };
};
const getZone = async (id: string) => {
  const res = await api.call(ANON, 'GET', `/api/zones/${id}`);
  return { etag: res.headers.get('etag')!, zone: (await res.json()) as ZoneApiFeature };
};
const plotsOf = async (zone: string) =>
  ((await (await api.call(ANON, 'GET', `/api/zones/${zone}/plots`)).json()) as { features: PlotApiFeature[] }).features;
const availablePlot = async (zone: string) => (await plotsOf(zone)).find((p) => p.properties.status === 'available')!;

describe('sessions', () => {
  it('tells a viewer there is no user, and a signed-in planner who they are', async () => {
    expect(await (await api.call(ANON, 'GET', '/api/session')).json()).toEqual({ user: null, csrfToken: null });
    const me = (await (await api.call(planner, 'GET', '/api/session')).json()) as { user: { username: string; role: string }; csrfToken: string };
    expect(me.user).toMatchObject({ username: 'planner1', role: 'planner' });
    expect(me.csrfToken).toBe(planner.csrf);
  });

  it('sets an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await api.call(ANON, 'POST', '/api/session', { username: 'planner1', password: TEST_PASSWORD });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; Secure behind HTTPS
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await api.call(ANON, 'POST', '/api/session', { username: 'nobody-here', password: 'whatever-password' });
    const b = await api.call(ANON, 'POST', '/api/session', { username: 'admin1', password: 'wrong password!' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
  });

  it('never promotes a session id planted before sign-in (fixation)', async () => {
    const planted = 'iz_session=attacker-chosen-value';
    const res = await api.call({ cookie: planted, csrf: null }, 'POST', '/api/session', { username: 'planner1', password: TEST_PASSWORD });
    expect(res.headers.get('set-cookie')).not.toContain('attacker-chosen-value');
    expect(await (await api.call({ cookie: planted, csrf: null }, 'GET', '/api/session')).json()).toMatchObject({ user: null });
  });

  it('ends a session on sign-out and ignores an expired one', async () => {
    const s = await api.login('planner1', TEST_PASSWORD);
    expect((await api.call(s, 'DELETE', '/api/session')).status).toBe(204);
    expect(await (await api.call(s, 'GET', '/api/session')).json()).toMatchObject({ user: null });
    const t = await api.login('planner1', TEST_PASSWORD);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute'`);
    expect(await (await api.call(t, 'GET', '/api/session')).json()).toMatchObject({ user: null });
    planner = await api.login('planner1', TEST_PASSWORD);
    admin = await api.login('admin1', TEST_PASSWORD);
  });

  it('throttles repeated failures per user, even when the right password finally comes', async () => {
    await createUser(db, { username: 'victim', role: 'planner', password: TEST_PASSWORD });
    for (let i = 0; i < 5; i++) expect((await api.call(ANON, 'POST', '/api/session', { username: 'victim', password: `guess-number-${i}` })).status).toBe(401);
    const res = await api.call(ANON, 'POST', '/api/session', { username: 'victim', password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('authorisation', () => {
  const plotId = 'ccn-vang-muoi-cn-01';
  const writes: [string, string, unknown][] = [
    ['PATCH', `/api/plots/${plotId}`, { sector: 'x' }],
    ['POST', `/api/plots/${plotId}/split`, { line: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }],
    ['POST', '/api/plots/merge', { ids: ['a', 'b'] }],
    ['PATCH', '/api/zones/ccn-vang-muoi', { note: 'x' }],
    ['PATCH', '/api/zones/ccn-vang-muoi/infrastructure/power', { progressPct: 10, asOf: '2025', sourceNote: 'x' }],
    ['POST', '/api/users', { username: 'someone', role: 'planner', password: 'long enough password' }],
    ['PATCH', '/api/users/1', { disabled: false }],
    ['DELETE', '/api/session', undefined],
  ];
  it.each(writes)('a viewer gets 401 for %s %s', async (method, path, body) => {
    expect((await api.call(ANON, method, path, body)).status).toBe(401);
  });
  it.each(writes)('a planner without the CSRF token gets 403 for %s %s', async (method, path, body) => {
    expect((await api.call({ cookie: planner.cookie, csrf: null }, method, path, body)).status).toBe(403);
    expect((await api.call({ cookie: planner.cookie, csrf: 'forged' }, method, path, body)).status).toBe(403);
  });
  it.each([
    ['GET', '/api/users'],
    ['POST', '/api/users'],
    ['PATCH', '/api/users/1'],
  ])('a planner gets 403 for user management: %s %s', async (method, path) => {
    expect((await api.call(planner, method, path, method === 'GET' ? undefined : {})).status).toBe(403);
  });
  it('reads of the audit log need a planner', async () => {
    expect((await api.call(ANON, 'GET', '/api/audit')).status).toBe(401);
    expect((await api.call(planner, 'GET', '/api/audit')).status).toBe(200);
  });
});

describe('editing a plot', () => {
  it('needs If-Match (428) and refuses a stale one with the current record (412)', async () => {
    const plot = await availablePlot('ccn-vang-muoi');
    const before = await auditCount();
    expect((await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { sector: 'wood' })).status).toBe(428);
    const stale = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { sector: 'wood' }, { 'If-Match': '"v999"' });
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as Problem & { current: PlotApiFeature };
    expect(body.current.id).toBe(plot.id);
    expect(await auditCount()).toBe(before);
  });

  it('leases a plot: occupancy follows, ETag moves on, and one audit row says who and what', async () => {
    const plot = await availablePlot('ccn-vang-muoi');
    const { etag } = await getPlot(plot.id);
    await api.call(ANON, 'GET', '/api/zones'); // fill the list cache before the edit
    const zoneBefore = (await getZone('ccn-vang-muoi')).zone.properties.land;
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { status: 'leased', tenant: 'Cty TNHH Thử nghiệm', reason: 'signed 2026' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    const zoneAfter = (await getZone('ccn-vang-muoi')).zone.properties.land;
    expect(zoneAfter.leasedHa).toBeCloseTo(zoneBefore.leasedHa + plot.properties.areaHa, 1);
    // the list, which is cached by the data stamp, follows as well
    const listed = ((await (await api.call(ANON, 'GET', '/api/zones')).json()) as { features: ZoneApiFeature[] }).features.find((z) => z.id === 'ccn-vang-muoi')!;
    expect(listed.properties.land.leasedHa).toBeCloseTo(zoneAfter.leasedHa, 2);
    expect(zoneAfter.occupancyPct).toBeGreaterThan(0);
    // The displayed figure is now the planner's: dated and signed by the edit (the layout alone is schematic).
    expect((await getZone('ccn-vang-muoi')).zone.properties.occupancy).toMatchObject({ valuePct: zoneAfter.occupancyPct, origin: 'edit', editedBy: 'planner1' });
    const [entry] = ((await (await api.call(planner, 'GET', `/api/audit?entity=plot:${plot.id}`)).json()) as { entries: AuditEntry[] }).entries;
    expect(entry).toMatchObject({ username: 'planner1', action: 'update', zoneId: 'ccn-vang-muoi', reason: 'signed 2026' });
    expect(entry!.before).toMatchObject({ status: 'available', tenant: null });
    expect(entry!.after).toMatchObject({ status: 'leased', tenant: 'Cty TNHH Thử nghiệm' });
    // the old ETag is now stale
    expect((await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { sector: 'x' }, { 'If-Match': etag })).status).toBe(412);
  });

  it.each([
    [{ status: 'leased', tenant: null }, 'tenant'],
    [{ status: 'sold' }, 'status'],
    [{ priceVndM2Year: -5 }, 'priceVndM2Year'],
    [{ leaseStart: '2026-05-01', leaseEnd: '2025-01-01' }, 'leaseEnd'],
    [{ colour: 'red' }, 'colour'],
  ])('rejects %j naming %s, and writes nothing', async (patch, field) => {
    const plot = await availablePlot('ccn-nam-bang-lung');
    const { etag } = await getPlot(plot.id);
    const before = await auditCount();
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, patch, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await res.json()) as Problem)['invalid-params']!.map((p) => p.name)).toContain(field);
    expect(await auditCount()).toBe(before);
    expect((await getPlot(plot.id)).plot.properties.status).toBe('available');
  });

  it('edits a lease recorded without a tenant name (as some sources give it) without asking for one', async () => {
    const plot = (await plotsOf('kcn-thanh-binh-1')).find((p) => p.properties.status === 'leased' && !p.properties.tenant)!;
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { sector: 'wood' }, { 'If-Match': (await getPlot(plot.id)).etag });
    expect(res.status).toBe(200);
  });

  it('refuses a body that is not JSON, naming the body', async () => {
    const plot = await availablePlot('ccn-nam-bang-lung');
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, '{not json', { 'If-Match': (await getPlot(plot.id)).etag });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem)['invalid-params']![0]!.name).toBe('body');
  });

  it('never applies a change without its audit row: a failing audit insert rolls the change back', async () => {
    await db.exec(`CREATE FUNCTION fail_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.reason = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER audit_boom BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_boom();`);
    try {
      const plot = await availablePlot('ccn-nam-bang-lung');
      const { etag } = await getPlot(plot.id);
      const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { status: 'reserved', tenant: 'X', reason: 'boom' }, { 'If-Match': etag });
      expect(res.status).toBe(500);
      const after = await getPlot(plot.id);
      expect(after.plot.properties.status).toBe('available');
      expect(after.etag).toBe(etag);
    } finally {
      await db.exec('DROP TRIGGER audit_boom ON audit_log; DROP FUNCTION fail_boom();');
    }
  });

  it('stores hostile text as data and returns it verbatim', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const plot = await availablePlot('ccn-nam-bang-lung');
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { status: 'reserved', tenant: xss }, { 'If-Match': (await getPlot(plot.id)).etag });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await getPlot(plot.id)).plot.properties.tenant).toBe(xss);
  });
});

describe('editing a zone', () => {
  it('changes status with a dated history event, and infrastructure progress with its source note', async () => {
    let { etag } = await getZone('ccn-cam-giang');
    const res = await api.call(planner, 'PATCH', '/api/zones/ccn-cam-giang', { status: 'under_construction', reason: 'levelling began' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    const zone = (await res.json()) as ZoneApiFeature;
    expect(zone.properties.status).toBe('under_construction');
    expect(zone.properties.statusHistory.at(-1)).toMatchObject({ status: 'under_construction', sourceId: 'iz-atlas-edits' });
    etag = res.headers.get('etag')!;
    const infra = await api.call(planner, 'PATCH', '/api/zones/ccn-cam-giang/infrastructure/levelling', { progressPct: 40, asOf: '2026-11', sourceNote: 'site visit report' }, { 'If-Match': etag });
    expect(infra.status).toBe(200);
    const z2 = (await infra.json()) as ZoneApiFeature;
    expect(z2.properties.infrastructure.find((i) => i.item === 'levelling')).toMatchObject({ progressPct: 40, asOf: '2026-11', note: 'site visit report' });
    expect(z2.properties.progress.progressPct).not.toBeNull();
    const stale = await api.call(planner, 'PATCH', '/api/zones/ccn-cam-giang/infrastructure/power', { progressPct: 5, asOf: '2026', sourceNote: 'x' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
  });

  it('rejects a progress outside 0–100 and a missing source note, naming them', async () => {
    const { etag } = await getZone('ccn-vang-muoi');
    const res = await api.call(planner, 'PATCH', '/api/zones/ccn-vang-muoi/infrastructure/power', { progressPct: 140, asOf: '2026' }, { 'If-Match': etag });
    const names = ((await res.json()) as Problem)['invalid-params']!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['progressPct', 'sourceNote']));
  });

  it('records the edits in the zone history series', async () => {
    const h = (await (await api.call(ANON, 'GET', '/api/zones/ccn-vang-muoi/history')).json()) as ZoneHistory;
    expect(h.points.some((p) => p.origin === 'yearly')).toBe(true);
    const edit = h.points.filter((p) => p.origin === 'edit').at(-1)!;
    expect(edit.occupancyPct).toBeGreaterThan(0);
  });
});

describe('split and merge', () => {
  it('splits a plot along a line into two that cover it, then merges them back', async () => {
    const plot = await availablePlot('ccn-nam-bang-lung');
    const ring = plot.geometry.coordinates[0]!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
    const line = { type: 'LineString', coordinates: [[midLon, Math.min(...lats) - 0.001], [midLon, Math.max(...lats) + 0.001]] };
    const res = await api.call(planner, 'POST', `/api/plots/${plot.id}/split`, { line, reason: 'two tenants' });
    expect(res.status).toBe(201);
    const parts = ((await res.json()) as { features: PlotApiFeature[] }).features;
    expect(parts).toHaveLength(2);
    expect(parts[0]!.properties.areaHa + parts[1]!.properties.areaHa).toBeCloseTo(plot.properties.areaHa, 1);
    expect((await api.call(ANON, 'GET', `/api/plots/${plot.id}`)).status).toBe(404);

    const merged = await api.call(planner, 'POST', '/api/plots/merge', { ids: parts.map((p) => p.id) });
    expect(merged.status).toBe(201);
    expect(((await merged.json()) as PlotApiFeature).properties.areaHa).toBeCloseTo(plot.properties.areaHa, 1);
  });

  it('refuses a line that misses the plot, and plots that are not adjacent', async () => {
    const [a, b] = (await plotsOf('ccn-nam-bang-lung')).filter((p) => p.properties.status === 'available');
    const miss = await api.call(planner, 'POST', `/api/plots/${a!.id}/split`, { line: { type: 'LineString', coordinates: [[100, 10], [100.1, 10.1]] } });
    expect(miss.status).toBe(400);
    expect(((await miss.json()) as Problem)['invalid-params']![0]!.name).toBe('line');
    const far = await api.call(planner, 'POST', '/api/plots/merge', { ids: [a!.id, 'ccn-vang-muoi-cn-01'] });
    expect(far.status).toBe(400);
    expect(b).toBeDefined();
  });
});

describe('users', () => {
  it('lets an admin create a planner, with a long enough password', async () => {
    const short = await api.call(admin, 'POST', '/api/users', { username: 'newbie', role: 'planner', password: 'short' });
    expect(((await short.json()) as Problem)['invalid-params']![0]!.name).toBe('password');
    const res = await api.call(admin, 'POST', '/api/users', { username: 'newbie', role: 'planner', password: 'a long enough password' });
    expect(res.status).toBe(201);
    expect(await res.json()).not.toHaveProperty('password_hash');
    await api.login('newbie', 'a long enough password');
  });
});

describe('the audit log', () => {
  it('cannot be changed, even by SQL', async () => {
    await expect(db.query(`UPDATE audit_log SET username = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
