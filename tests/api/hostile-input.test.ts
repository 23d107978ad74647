import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { ANON, type caller, type Caller } from '../support/api-client.ts';
import { runs } from '../support/fuzz-seed.ts';
import { gc, MB, peakRss, rss } from '../support/memory.ts';
import { signedInApp } from '../support/signed-in-app.ts';

let db: Database;
let app: App;
let api: ReturnType<typeof caller>;
let planner: Caller;
let heapBefore = 0;
let rssBefore = 0;
beforeAll(async () => {
  ({ db, app, api, planner } = await signedInApp());
  gc();
  heapBefore = process.memoryUsage().heapUsed;
  rssBefore = rss();
});
afterAll(() => db.close());

/** The property every request must have: an answer below 500, within 2 s, JSON errors as problem+json. */
async function wellBehaved(res: Response | Promise<Response>) {
  const started = Date.now();
  const r = await res;
  expect(r.status).toBeLessThan(500);
  expect(Date.now() - started).toBeLessThan(2000);
  if (r.status >= 400) expect(r.headers.get('content-type') ?? '').toMatch(/problem\+json|text\/plain/);
}

const junk = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', ' ', '%', '%%', '..', '../../etc/passwd', 'NaN', 'Infinity', '-0', '1e309', '0x10', "'; DROP TABLE plots; --", '<script>'));
const numberish = fc.oneof(fc.double().map(String), fc.integer().map(String), junk);
const RUNS = runs(150);

describe('hostile query parameters', () => {
  it('bbox, status and zone on /api/plots', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(numberish, { maxLength: 6 }), junk, junk, async (parts, status, zone) => {
        const q = new URLSearchParams({ bbox: parts.join(','), status, zone });
        await wellBehaved(Promise.resolve(app.request(`/api/plots?${q}`)));
      }),
      RUNS,
    );
  });

  it('ids in every path', async () => {
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom('/api/zones/', '/api/plots/', '/api/zones/{}/plots', '/api/zones/{}/history', '/api/users/', '/api/enquiries/'), async (id, base) => {
        const path = base.includes('{}') ? base.replace('{}', encodeURIComponent(id)) : base + encodeURIComponent(id);
        await wellBehaved(Promise.resolve(app.request(path)));
      }),
      RUNS,
    );
  });

  it('audit filters', async () => {
    await fc.assert(
      fc.asyncProperty(junk, junk, numberish, async (entity, since, limit) => {
        await wellBehaved(api.call(planner, 'GET', `/api/audit?${new URLSearchParams({ entity, since, limit })}`));
      }),
      RUNS,
    );
  });
});

describe('hostile JSON bodies', () => {
  const anyJson = fc.oneof(fc.jsonValue(), fc.object(), fc.record({ status: junk, tenant: fc.jsonValue(), priceVndM2Year: fc.jsonValue(), leaseStart: junk }));
  it.each([
    ['PATCH', '/api/plots/ccn-nam-bang-lung-cn-01', { 'If-Match': '"v1"' }],
    ['PATCH', '/api/zones/ccn-vang-muoi', { 'If-Match': '"v1"' }],
    ['PATCH', '/api/zones/ccn-vang-muoi/infrastructure/power', { 'If-Match': '"v1"' }],
    ['POST', '/api/plots/ccn-nam-bang-lung-cn-02/split', {}],
    ['POST', '/api/plots/merge', {}],
    ['POST', '/api/enquiries', {}],
    ['POST', '/api/session', {}],
    ['PUT', '/api/tour', {}],
  ] as const)('%s %s', async (method, path, headers) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson.map((v) => JSON.stringify(v)), fc.string()), async (body) => {
        await wellBehaved(api.call(planner, method, path, body, { ...headers, 'X-Forwarded-For': `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }));
      }),
      runs(60),
    );
  });

  it.each([
    ['a NUL character (which PostgreSQL cannot store)', 'Cty\u0000TNHH', '10.250.0.1'],
    ['an escape character (invisible, and it breaks XML exports)', 'Cty\u001b[31mTNHH', '10.250.0.2'],
  ])('text with %s gets 400 naming the field, not a 500', async (_what, nul, ip) => {
    const enquiry = await api.call(ANON, 'POST', '/api/enquiries', { name: nul, email: 'a@example.com', plotId: 'ccn-nam-bang-lung-cn-01', message: 'x' }, { 'X-Forwarded-For': ip });
    expect(enquiry.status).toBe(400);
    expect(JSON.stringify(await enquiry.json())).toContain('"name":"name"');
    const current = await api.call(planner, 'GET', '/api/plots/ccn-nam-bang-lung-cn-03');
    const patch = await api.call(planner, 'PATCH', '/api/plots/ccn-nam-bang-lung-cn-03', { sector: nul }, { 'If-Match': current.headers.get('etag')! });
    expect(patch.status).toBe(400);
    expect(JSON.stringify(await patch.json())).toContain('"name":"sector"');
    const tour = (await (await api.call(planner, 'GET', '/api/tour')).json()) as { stops: { caption: unknown }[] };
    const put = await api.call(planner, 'PUT', '/api/tour', { ...tour, stops: tour.stops.map((st, i) => (i === 0 ? { ...st, caption: { vi: nul, en: nul } } : st)) });
    expect(put.status).toBeLessThan(500);
  });

  it('a body over the limit gets 413', async () => {
    const res = await api.call(planner, 'PATCH', '/api/plots/ccn-nam-bang-lung-cn-01', JSON.stringify({ tenant: 'x'.repeat(200_000) }), { 'If-Match': '"v1"' });
    expect(res.status).toBe(413);
  });
});

describe('static files', () => {
  it('refuses path traversal', async () => {
    const withClient = createApp({ db, clientDir: `${process.cwd()}/client` });
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json', '/%E0%A4%A']) {
      const res = await withClient.request(p);
      const text = await res.text();
      expect(text).not.toContain('"dependencies"');
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('after every hostile request above', () => {
  /**
   * Runs last (tests in a file run in order). Bodies are capped at 64 KiB and nothing hostile is
   * kept, so what stays live after a collection is the app's caches: well under 64 MB. The peak
   * resident size may rise with the work done but not past 300 MB above where it started.
   */
  it('memory stays bounded', () => {
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const rssGrowth = peakRss() - rssBefore;
    console.log(`hostile input memory: heap +${(heapGrowth / MB).toFixed(1)} MB after gc, peak RSS +${(rssGrowth / MB).toFixed(0)} MB`);
    expect(heapGrowth).toBeLessThan(64 * MB);
    expect(rssGrowth).toBeLessThan(300 * MB);
  });
});
