import { describe, expect, it } from 'vitest';
import type { Enquiry, PlotApiFeature, Problem } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { app, api, planner, admin } = await signedInAppForFile();

const PLOT = 'ccn-nam-bang-lung-cn-03';
let ip = 0;
const fromSomewhere = () => ({ 'X-Forwarded-For': `10.77.${Math.floor(++ip / 200)}.${ip % 200}` });

/** A 400 problem naming `field` among its invalid-params. */
async function refuses(res: Response | Promise<Response>, field: string) {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  expect(((JSON.parse(text) as Problem)['invalid-params'] ?? []).map((p) => p.name)).toContain(field);
}
const patchPlot = async (body: unknown, id = PLOT) => {
  const cur = await api.call(planner, 'GET', `/api/plots/${id}`);
  return api.call(planner, 'PATCH', `/api/plots/${id}`, body, { 'If-Match': cur.headers.get('etag')! });
};

describe('hostile input gets 400 naming it, never a 500', () => {
  it('NUL in OGC feature ids and filters', async () => {
    await refuses(app.request('/ogc/collections/zones/items/ccn%00x'), 'path');
    await refuses(app.request('/ogc/collections/plots/items?zone_id=ccn-vang-muoi%00'), 'zone_id');
    await refuses(app.request('/ogc/collections/plots/items?status=leased%00'), 'status');
    await refuses(app.request('/api/plots?zone=a%00'), 'zone');
    await refuses(app.request('/tiles/plots/1/2/3.pbf?x=%00'), 'x');
  });

  it('a lone surrogate in enquiry and plot text', async () => {
    await refuses(api.call(ANON, 'POST', '/api/enquiries', { name: 'An \ud800', email: 'a@example.com', plotId: PLOT }, fromSomewhere()), 'name');
    await refuses(api.call(ANON, 'POST', '/api/enquiries', { name: 'An', email: 'a@example.com', plotId: PLOT, message: 'x\udc00y' }, fromSomewhere()), 'message');
    await refuses(patchPlot({ tenant: '\udfffCty' }), 'tenant');
    await refuses(patchPlot({ sector: 'x', reason: 'a\ud83d' }), 'reason');
  });

  it('calendar-impossible dates on the audit', async () => {
    await refuses(api.call(planner, 'GET', '/api/audit?since=2024-02-30'), 'since');
    await refuses(api.call(planner, 'GET', '/api/audit?since=2023-02-29T00:00:00Z'), 'since');
    expect((await api.call(planner, 'GET', '/api/audit?since=2024-02-29')).status).toBe(200);
  });

  it('out-of-range numeric ids on enquiries and users', async () => {
    for (const id of ['99999999999', '2147483648', '0', '-1', '1e3', '1.5', '00001x']) {
      await refuses(api.call(planner, 'PATCH', `/api/enquiries/${id}`, { status: 'contacted' }), 'id');
      await refuses(api.call(admin, 'PATCH', `/api/users/${id}`, { role: 'planner' }), 'id');
    }
    expect((await api.call(planner, 'PATCH', '/api/enquiries/2147483647', { status: 'contacted' })).status).toBe(404);
  });

  it('NUL in merge ids', async () => {
    await refuses(api.call(planner, 'POST', '/api/plots/merge', { ids: [PLOT, 'ccn-nam-bang-lung-cn-04\u0000'] }), 'ids.1');
  });
});

describe('text and dates are checked on the way in', () => {
  it('calendar dates: 2024-02-31, 0000 and 9999-12-31 are refused; 2024-02-29 is a date', async () => {
    for (const d of ['2024-02-31', '2023-02-29', '0000', '9999-12-31', '2025-04-31']) await refuses(patchPlot({ leaseStart: d }), 'leaseStart');
    const ok = await patchPlot({ status: 'reserved', tenant: 'Cty A', leaseStart: '2024-02-29' });
    expect(ok.status).toBe(200);
  });

  it('the whole record after a change: a lease may not end before it starts across two PATCHes', async () => {
    const first = await patchPlot({ status: 'reserved', tenant: 'Cty A', leaseStart: '2025-01-01', leaseEnd: '2030-12-31' });
    expect(first.status).toBe(200);
    await refuses(patchPlot({ leaseStart: '2031-06-01' }), 'leaseStart');
    await refuses(patchPlot({ leaseEnd: '2024-01-01' }), 'leaseEnd');
    const plot = (await (await api.call(ANON, 'GET', `/api/plots/${PLOT}`)).json()) as PlotApiFeature;
    expect([plot.properties.leaseStart, plot.properties.leaseEnd]).toEqual(['2025-01-01', '2030-12-31']);
  });

  it('"blank" is one notion: a zero-width space is no source note, no name and no tenant', async () => {
    const zone = await api.call(planner, 'GET', '/api/zones/ccn-vang-muoi');
    await refuses(
      api.call(planner, 'PATCH', '/api/zones/ccn-vang-muoi/infrastructure/power', { progressPct: 50, asOf: '2025-05', sourceNote: '\u200b' }, { 'If-Match': zone.headers.get('etag')! }),
      'sourceNote',
    );
    await refuses(api.call(ANON, 'POST', '/api/enquiries', { name: '\u200b \ufeff\u2060', email: 'a@example.com', plotId: PLOT }, fromSomewhere()), 'name');
    const cleared = await patchPlot({ status: 'reserved', tenant: '\u200b' });
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as PlotApiFeature).properties.tenant).toBeNull();
  });

  it('text is stored in NFC: a name typed in NFD comes back as the NFC one', async () => {
    const nfd = 'Công ty Bắc Kạn'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const res = await patchPlot({ status: 'reserved', tenant: nfd });
    expect(res.status).toBe(200);
    expect(((await res.json()) as PlotApiFeature).properties.tenant).toBe('Công ty Bắc Kạn'.normalize('NFC'));
    const sent = await api.call(ANON, 'POST', '/api/enquiries', { name: nfd, email: 'nfd@example.com', plotId: PLOT }, fromSomewhere());
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as { id: number };
    const inbox = ((await (await api.call(planner, 'GET', '/api/enquiries')).json()) as { enquiries: Enquiry[] }).enquiries;
    expect(inbox.find((e) => e.id === id)!.name).toBe(nfd.normalize('NFC'));
  });

  it('bidirectional overrides and C1 controls are refused in typed text', async () => {
    for (const bad of ['Cty \u202Egnp.exe', 'Cty \u2066x\u2069', 'Cty \u0085 x', 'Cty \u009b31m']) {
      await refuses(patchPlot({ tenant: bad }), 'tenant');
      await refuses(api.call(ANON, 'POST', '/api/enquiries', { name: bad, email: 'a@example.com', plotId: PLOT }, fromSomewhere()), 'name');
    }
  });
});
