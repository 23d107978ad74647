import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ANON } from '../support/api-client.ts';
import { runs } from '../support/fuzz-seed.ts';
import { gc, MB, peakRss, rss } from '../support/memory.ts';
import { startHeavyThread } from '../../server/heavy/off-thread.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, app, api, planner, admin } = await signedInAppForFile();
let heapBefore = 0;
let rssBefore = 0;
beforeAll(async () => {
  // The server loads this thread at start; a request is not timed for its loading.
  await startHeavyThread();
  gc();
  heapBefore = process.memoryUsage().heapUsed;
  rssBefore = rss();
});

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

/**
 * Issue #14's classes, over every route that takes an id, a date or text: ids of every shape
 * (too long, NUL, lone surrogates, out of the serial range), calendar-impossible dates and text
 * with lone surrogates, NUL, C1 controls and bidi overrides. Each answer is below 500.
 */
describe('ids, surrogates and impossible dates, on every route', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const impossibleDate = fc.oneof(
    fc.constantFrom('2024-02-30', '2023-02-29', '2025-04-31', '0000', '9999-12-31', '2024-02-30T00:00:00Z', '2024-13-01'),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
  );
  const surrogate = fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\udc00b', 'Cty \ud800 TNHH');
  const nasty = fc.constantFrom('\u0000', 'a\u0000b', '\u0085', '\u009b31m', '\u202Egnp.exe', '\u2066x\u2069', '\u200b', '\ufeff', 'Ba\u0301c', '%00', '%ED%A0%80', '%C0%80', '%FF');
  const hostileText = fc.oneof(junk, surrogate, nasty, impossibleDate, fc.string({ unit: 'grapheme', maxLength: 20 }), fc.tuple(fc.string(), surrogate, nasty).map((p) => p.join('')));
  const hostileId = fc.oneof(
    hostileText,
    fc.constantFrom('99999999999', '2147483648', '2147483647', '-1', '0', '1e3', '1.5', 'x'.repeat(81), 'ccn-vang-muoi\u0000'),
    fc.stringMatching(/^[a-z0-9-]{78,90}$/),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  );
  /** A path segment as a client could send it: lone surrogates cannot be percent-encoded, so their CESU-8 bytes go instead. */
  const seg = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ED%A0%80';
    }
  };
  const query = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${seg(k)}=${seg(v)}`).join('&');

  const PATHS: [string, string, unknown?][] = [
    ['GET', '/api/zones/{}'], ['GET', '/api/zones/{}/plots'], ['GET', '/api/zones/{}/history'], ['GET', '/api/plots/{}'],
    ['PATCH', '/api/plots/{}', { sector: 'x' }], ['POST', '/api/plots/{}/split', { line: { type: 'LineString', coordinates: [[105.5, 22.1], [105.6, 22.2]] } }],
    ['PATCH', '/api/zones/{}', { note: 'x' }], ['PATCH', '/api/zones/{}/infrastructure/power', { progressPct: 1, asOf: '2025', sourceNote: 'x' }],
    ['PATCH', '/api/zones/ccn-vang-muoi/infrastructure/{}', { progressPct: 1, asOf: '2025', sourceNote: 'x' }],
    ['PATCH', '/api/enquiries/{}', { status: 'contacted' }], ['PATCH', '/api/users/{}', { role: 'planner' }], ['DELETE', '/api/users/{}/sign-in-lock'],
    ['GET', '/ogc/collections/{}'], ['GET', '/ogc/collections/{}/items'], ['GET', '/ogc/collections/plots/items/{}'], ['GET', '/ogc/collections/zones/items/{}'],
    ['GET', '/ogc/collections/infrastructure/items/{}'], ['GET', '/tiles/{}/1/1/1.pbf'], ['GET', '/tiles/plots/{}/1/1.pbf'],
  ];
  it('ids in every path parameter', async () => {
    await fc.assert(
      fc.asyncProperty(hostileId, fc.constantFrom(...PATHS), async (id, [method, path, body]) => {
        await wellBehaved(api.call(admin, method, path.replace('{}', seg(id)), body, { 'If-Match': '"v1"' }));
      }),
      runs(300),
    );
  });

  /** One hostile value in an otherwise valid request, so it reaches as far in as it can. */
  it('dates, ids and text in every query parameter', async () => {
    const QUERIES: [string, Record<string, string>][] = [
      ['/api/audit', { entity: 'plot:ccn-vang-muoi-cn-01', zone: 'ccn-vang-muoi', since: '2024-02-29', before: '100', limit: '5' }],
      ['/api/plots', { bbox: '105,22,106,23', status: 'leased', zone: 'ccn-vang-muoi' }],
      ['/api/export', { layer: 'plots', format: 'geojson', crs: 'EPSG:4326', zone: 'ccn-vang-muoi', status: 'leased', ids: 'ccn-vang-muoi-cn-01' }],
      ['/ogc/collections/plots/items', { zone_id: 'ccn-vang-muoi', status: 'leased', bbox: '105,22,106,23', datetime: '2024-02-29T00:00:00Z', limit: '5', offset: '0', f: 'json' }],
      ['/ogc/collections/zones/items', { kind: 'CCN', status: 'operating', datetime: '2024-01-01/..', f: 'json' }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...QUERIES), fc.nat(), fc.oneof(hostileId, impossibleDate), async ([path, valid], pick, value) => {
        const names = Object.keys(valid);
        const q = { ...valid, [names[pick % names.length]!]: value };
        await wellBehaved(api.call(planner, 'GET', `${path}?${query(q)}`));
      }),
      runs(300),
    );
  });

  it('surrogates, controls, impossible dates and ids in every body field', async () => {
    const BODIES: [string, string, Record<string, string>, Record<string, unknown>][] = [
      ['PATCH', '/api/plots/ccn-nam-bang-lung-cn-05', { 'If-Match': '"v1"' }, { status: 'reserved', tenant: 'Cty A', sector: 'x', leaseStart: '2025', leaseEnd: '2030', reason: 'r' }],
      ['PATCH', '/api/zones/ccn-vang-muoi', { 'If-Match': '"v1"' }, { status: 'operating', developer: 'Cty', note: 'n', reason: 'r' }],
      ['PATCH', '/api/zones/ccn-vang-muoi/infrastructure/power', { 'If-Match': '"v1"' }, { progressPct: 5, asOf: '2025-05', sourceNote: 'report', reason: 'r' }],
      ['POST', '/api/enquiries', {}, { plotId: 'ccn-nam-bang-lung-cn-05', name: 'An', organisation: 'Cty', email: 'an@example.com', phone: '+84 912 345 678', sector: 's', timeline: 't', message: 'm' }],
      ['POST', '/api/session', {}, { username: 'planner1', password: 'wrong password here' }],
      ['POST', '/api/users', {}, { username: 'someone', role: 'planner', password: 'a long enough password' }],
      ['PATCH', '/api/enquiries/1', {}, { status: 'contacted' }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BODIES), fc.nat(), hostileText, async ([method, path, headers, valid], pick, value) => {
        const names = Object.keys(valid);
        const body = { ...valid, [names[pick % names.length]!]: value };
        const who = path === '/api/users' ? admin : planner;
        await wellBehaved(api.call(who, method, path, body, { ...headers, 'X-Forwarded-For': `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }));
      }),
      runs(300),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(hostileId, { minLength: 1, maxLength: 2 }), hostileText, async (ids, reason) => {
        await wellBehaved(api.call(planner, 'POST', '/api/plots/merge', { ids: ['ccn-nam-bang-lung-cn-06', ...ids], reason }));
      }),
      runs(150),
    );
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
