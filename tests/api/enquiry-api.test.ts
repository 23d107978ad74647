import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Enquiry, PlotApiFeature, Problem } from '../../geodata/api.ts';
import { ENQUIRY_LIMITS } from '../../server/routes/enquiries.ts';
import { createApp } from '../../server/app.ts';
import { ANON, caller } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

// Each test posts from its own X-Forwarded-For address, which the server honours behind a proxy.
process.env.TRUST_PROXY = '1';

const PLOT = 'ccn-nam-bang-lung-cn-01';
const valid = { plotId: PLOT, name: 'Nguyễn Văn A', organisation: 'Cty CP Gỗ Bắc', email: 'a@example.vn', sector: 'wood', areaHa: 2.5, timeline: '2027', message: 'Cần 2,5 ha có xử lý nước thải' };

const { db, api, planner } = await signedInAppForFile();

let ipN = 0;
const post = (body: unknown, ip = `10.0.0.${++ipN}`) => api.call(ANON, 'POST', '/api/enquiries', body, { 'X-Forwarded-For': ip });
const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM enquiries'))[0]!.n);

describe('POST /api/enquiries', () => {
  it('stores a valid enquiry (201) and marks its plot as in demand, in the cached lists too', async () => {
    const listed = async (query: string) =>
      ((await (await api.call(ANON, 'GET', `/api/plots${query}`)).json()) as { features: PlotApiFeature[] }).features.find((p) => p.id === PLOT)?.properties.openEnquiries;
    const plotBefore = (await (await api.call(ANON, 'GET', `/api/plots/${PLOT}`)).json()) as PlotApiFeature;
    const [w, s, e, n] = bbox(plotBefore);
    const viewport = `?bbox=${w},${s},${e},${n}`;
    // Fill the response cache first: an enquiry is not an edit, yet the lists must follow it.
    expect(await listed('')).toBe(0);
    expect(await listed(viewport)).toBe(0);
    const res = await post(valid);
    expect(res.status).toBe(201);
    const plot = (await (await api.call(ANON, 'GET', `/api/plots/${PLOT}`)).json()) as PlotApiFeature;
    expect(plot.properties.openEnquiries).toBe(1);
    expect(await listed('')).toBe(1);
    expect(await listed(viewport)).toBe(1);
  });

  it.each([
    [{ ...valid, email: 'not-an-email' }, 'email'],
    [{ ...valid, email: '', phone: '' }, 'email'],
    [{ ...valid, name: '' }, 'name'],
    [{ ...valid, areaHa: -1 }, 'areaHa'],
    [{ ...valid, plotId: undefined }, 'plotId'],
    [{ ...valid, plotId: 'no-such-plot' }, 'plotId'],
    [{ ...valid, extra: 1 }, 'extra'],
  ])('rejects %j naming %s and stores nothing', async (body, field) => {
    const before = await count();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem)['invalid-params']!.map((p) => p.name)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('answers a filled honeypot like a real enquiry, reference included, but stores nothing', async () => {
    const real = (await (await post(valid)).json()) as { id: number; reference: string };
    const before = await count();
    const res = await post({ ...valid, website: 'http://spam.example' });
    expect(res.status).toBe(201);
    const fake = (await res.json()) as { id: number; reference: string };
    // The reference a real enquiry would get next: nothing marks the bot's answer as fake.
    expect(fake.id).toBe(real.id + 1);
    expect(fake.reference).toBe(real.reference.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(n.length, '0')));
    expect(await count()).toBe(before);
    // An unknown plot is refused as for anyone.
    expect((await post({ ...valid, plotId: 'no-such-plot', website: 'http://spam.example' })).status).toBe(400);
  });

  it('limits enquiries per address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= ENQUIRY_LIMITS.perIp; i++) statuses.push((await post(valid, '10.9.9.9')).status);
    expect(statuses.slice(0, ENQUIRY_LIMITS.perIp).every((s) => s === 201)).toBe(true);
    const last = await post(valid, '10.9.9.9');
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('caps the body size with 413', async () => {
    const res = await post({ ...valid, message: 'x'.repeat(ENQUIRY_LIMITS.maxBytes + 10) });
    expect(res.status).toBe(413);
  });
});

describe('the enquiry inbox', () => {
  it('is for planners only', async () => {
    expect((await api.call(ANON, 'GET', '/api/enquiries')).status).toBe(401);
    const res = await api.call(planner, 'GET', '/api/enquiries');
    expect(res.status).toBe(200);
    const { enquiries } = (await res.json()) as { enquiries: Enquiry[] };
    expect(enquiries[0]).toMatchObject({ plotId: PLOT, zoneId: 'ccn-nam-bang-lung', name: 'Nguyễn Văn A', status: 'new' });
  });

  it('moves an enquiry along new → contacted → site visit → closed; a closed one no longer marks the plot', async () => {
    const { enquiries } = (await (await api.call(planner, 'GET', '/api/enquiries')).json()) as { enquiries: Enquiry[] };
    for (const e of enquiries.filter((x) => x.plotId === PLOT)) {
      for (const status of ['contacted', 'site_visit', 'closed']) {
        const res = await api.call(planner, 'PATCH', `/api/enquiries/${e.id}`, { status });
        expect(res.status).toBe(200);
      }
    }
    const plot = (await (await api.call(ANON, 'GET', `/api/plots/${PLOT}`)).json()) as PlotApiFeature;
    expect(plot.properties.openEnquiries).toBe(0);
    expect((await api.call(planner, 'PATCH', '/api/enquiries/1', { status: 'sold' })).status).toBe(400);
    expect((await api.call(ANON, 'PATCH', '/api/enquiries/1', { status: 'closed' })).status).toBe(401);
  });
});

describe('the receipt an investor gets', () => {
  type Receipt = { id: number; reference: string; desk: { name: string | null; email: string | null; phone: string | null; responseDays: number | null } };

  it('gives 20 simultaneous enquiries 20 different references, each the one the inbox shows', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post({ ...valid, name: `Đồng thời ${i}` }, `10.20.0.${i + 1}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    const receipts = (await Promise.all(answers.map((r) => r.json()))) as Receipt[];
    const refs = receipts.map((r) => r.reference);
    for (const ref of refs) expect(ref).toMatch(/^YC-\d{4}-\d{4,}$/);
    expect(new Set(refs).size).toBe(20);
    const { enquiries } = (await (await api.call(planner, 'GET', '/api/enquiries')).json()) as { enquiries: Enquiry[] };
    const inbox = new Map(enquiries.map((e) => [e.id, e.reference]));
    for (const r of receipts) expect(inbox.get(r.id)).toBe(r.reference);
  });

  it('says honestly that no office is configured', async () => {
    const receipt = (await (await post(valid)).json()) as Receipt;
    expect(receipt.desk).toEqual({ name: null, email: null, phone: null, responseDays: null });
  });

  it('names the configured office and its response time', async () => {
    const desk = { name: 'Ban Quản lý các KCN tỉnh Thái Nguyên', email: 'bql@example.vn', phone: '0208 3855 555', responseDays: 5 };
    const configured = caller(createApp({ db, enquiryDesk: desk }));
    const res = await configured.call(ANON, 'POST', '/api/enquiries', valid, { 'X-Forwarded-For': '10.30.0.1' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Receipt).desk).toEqual(desk);
  });
});
