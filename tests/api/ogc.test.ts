import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlotCollection, Problem, ZoneCollection } from '../../geodata/api.ts';
import { INFRA_ITEMS } from '../../geodata/vocabulary.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';
import { BUNDLED_ZONES } from '../support/bundled-zones.ts';

type Link = { href: string; rel: string; type?: string };
type Feature = { type: 'Feature'; id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown>; links?: Link[] };
type Items = { type: 'FeatureCollection'; features: Feature[]; links: Link[]; numberMatched: number; numberReturned: number };

let db: Database;
let app: App;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  app = createApp({ db });
});
afterAll(() => db.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
async function json<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await get(path, headers);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
async function problemAt(path: string, status: number): Promise<Problem> {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as Problem;
}
const link = (links: Link[], rel: string, type?: string) => links.find((l) => l.rel === rel && (!type || l.type === type));
/** Follows an absolute link from the response inside the app. */
const follow = (href: string) => new URL(href).pathname + new URL(href).search;

describe('landing page and conformance', () => {
  it('links to the API definition, the conformance declaration and the collections', async () => {
    const landing = await json<{ title: string; links: Link[] }>('/ogc');
    expect(landing.title).toMatch(/iz-atlas/);
    expect(link(landing.links, 'self')?.href).toMatch(/^http:\/\/localhost\/ogc/);
    expect(link(landing.links, 'alternate', 'text/html')).toBeDefined();
    expect(link(landing.links, 'service-desc', 'application/vnd.oai.openapi+json;version=3.0')?.href).toMatch(/\/ogc\/api$/);
    expect(link(landing.links, 'service-doc', 'text/html')).toBeDefined();
    expect(link(landing.links, 'conformance')?.href).toMatch(/\/ogc\/conformance$/);
    expect(link(landing.links, 'data')?.href).toMatch(/\/ogc\/collections$/);
  });

  it('declares Core, GeoJSON, HTML and OpenAPI 3.0', async () => {
    const { conformsTo } = await json<{ conformsTo: string[] }>('/ogc/conformance');
    for (const c of ['core', 'geojson', 'html', 'oas30']) expect(conformsTo).toContain(`http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${c}`);
  });

  it('serves its OpenAPI 3.0 definition with one items path per collection and its filters', async () => {
    const res = await get('/ogc/api');
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json;version=3\.0/);
    const api = (await res.json()) as { openapi: string; paths: Record<string, { get: { parameters: { name?: string; $ref?: string }[] } }> };
    expect(api.openapi).toMatch(/^3\.0\./);
    for (const c of ['zones', 'plots', 'infrastructure', 'context']) {
      expect(api.paths).toHaveProperty([`/collections/${c}/items`]);
      expect(api.paths).toHaveProperty([`/collections/${c}/items/{featureId}`]);
    }
    const plotParams = api.paths['/collections/plots/items']!.get.parameters.map((p) => p.name ?? p.$ref);
    expect(plotParams).toEqual(expect.arrayContaining(['status', 'zone_id', 'zoneId', 'land_use', '#/components/parameters/bbox', '#/components/parameters/limit']));
    expect((await get('/ogc/api?f=html')).headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('collections', () => {
  it('lists zones, plots, infrastructure, context and communes with extents and links', async () => {
    const { collections } = await json<{ collections: { id: string; extent: { spatial: { bbox: number[][] } }; links: Link[]; itemType: string }[] }>('/ogc/collections');
    expect(collections.map((c) => c.id)).toEqual(['zones', 'plots', 'infrastructure', 'context', 'communes']);
    for (const c of collections) {
      expect(c.itemType).toBe('feature');
      const [w, s, e, n] = c.extent.spatial.bbox[0]!;
      expect(w).toBeGreaterThan(105);
      expect(e).toBeLessThan(107);
      expect(s).toBeGreaterThan(21);
      expect(n).toBeLessThan(23);
      expect(link(c.links, 'items', 'application/geo+json')?.href).toMatch(new RegExp(`/ogc/collections/${c.id}/items$`));
      expect(link(c.links, 'describedby', 'application/schema+json')).toBeDefined();
    }
  });

  it('describes one collection and 404s an unknown one', async () => {
    const zones = await json<{ id: string; links: Link[] }>('/ogc/collections/zones');
    expect(zones.id).toBe('zones');
    expect(link(zones.links, 'self')?.href).toMatch(/\/ogc\/collections\/zones\?f=json$/);
    const p = await problemAt('/ogc/collections/factories', 404);
    expect(p.detail).toContain('factories');
    await problemAt('/ogc/collections/factories/items', 404);
  });

  it('publishes a JSON Schema of each collection with typed, flat properties', async () => {
    const schema = await json<{ properties: { properties: { properties: Record<string, { type: string }> } } }>('/ogc/collections/zones/schema');
    const props = schema.properties.properties.properties;
    expect(props.occupancy_pct!.type).toBe('number');
    expect(props.plot_count!.type).toBe('integer');
    expect(props.name_vi!.type).toBe('string');
    expect(props.has_layout!.type).toBe('boolean');
  });
});

describe('items', () => {
  it('serves the zones as GeoJSON with flat attributes and the same figures as /api', async () => {
    const res = await get('/ogc/collections/zones/items');
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const items = (await res.json()) as Items;
    const api = (await json<ZoneCollection>('/api/zones')).features;
    expect(items.numberMatched).toBe(api.length);
    expect(items.numberReturned).toBe(api.length);
    expect(items.features.map((f) => f.id)).toEqual(api.map((z) => z.id));
    for (const f of items.features) {
      const z = api.find((a) => a.id === f.id)!;
      expect(f.geometry).toEqual(z.geometry);
      expect(f.properties).toMatchObject({
        name_vi: z.properties.name.vi,
        name_en: z.properties.name.en,
        status: z.properties.status,
        kind: z.properties.kind,
        occupancy_pct: z.properties.occupancy.valuePct,
        layout_occupancy_pct: z.properties.land.occupancyPct,
        progress_pct: z.properties.progress.progressPct,
        leased_ha: z.properties.land.leasedHa,
        leasable_ha: z.properties.land.leasableHa,
        total_area_ha: z.properties.totalAreaHa.value,
        accuracy: 'approximate',
        address_old_district: z.properties.addressOld?.district,
        address_new_province: 'Thái Nguyên',
      });
      for (const v of Object.values(f.properties)) expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
    }
    expect(items.features.find((f) => f.id === 'ccn-huyen-tung')!.properties.occupancy_pct).toBe(100);
  });

  it('gives every feature of a collection the same attributes, null where unknown', async () => {
    for (const c of ['zones', 'plots', 'infrastructure', 'context', 'communes']) {
      const { features } = await json<Items>(`/ogc/collections/${c}/items?limit=1000`);
      const keys = Object.keys(features[0]!.properties).join();
      for (const f of features) expect(Object.keys(f.properties).join(), `${c} ${f.id}`).toBe(keys);
    }
  });

  it('pages with limit and offset, with next and prev links and numberMatched', async () => {
    const first = await json<Items>('/ogc/collections/plots/items?limit=20');
    const all = (await json<PlotCollection>('/api/plots')).features;
    expect(first.numberMatched).toBe(all.length);
    expect(first.numberReturned).toBe(20);
    expect(link(first.links, 'prev')).toBeUndefined();
    const ids: string[] = first.features.map((f) => f.id);
    let next = link(first.links, 'next', 'application/geo+json');
    let pages = 1;
    while (next) {
      const page = await json<Items>(follow(next.href));
      expect(page.numberMatched).toBe(all.length);
      expect(link(page.links, 'prev', 'application/geo+json')).toBeDefined();
      ids.push(...page.features.map((f) => f.id));
      next = link(page.links, 'next', 'application/geo+json');
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.length / 20));
    expect(ids).toEqual(all.map((p) => p.id));
    const last = await json<Items>(`/ogc/collections/plots/items?limit=20&offset=${all.length}`);
    expect(last.numberReturned).toBe(0);
    expect(last.features).toEqual([]);
  });

  it('keeps filters in the paging links', async () => {
    const page = await json<Items>('/ogc/collections/plots/items?status=available&limit=1');
    const next = new URL(link(page.links, 'next', 'application/geo+json')!.href);
    expect(next.searchParams.get('status')).toBe('available');
    expect(next.searchParams.get('offset')).toBe('1');
  });

  it('filters by bbox: a box around Huyền Tụng gives only its plots', async () => {
    const { features } = await json<Items>('/ogc/collections/plots/items?bbox=105.80,22.15,105.87,22.20');
    expect(features.length).toBeGreaterThan(0);
    expect(new Set(features.map((f) => f.properties.zone_id))).toEqual(new Set(['ccn-huyen-tung']));
    const far = await json<Items>('/ogc/collections/zones/items?bbox=0,0,1,1');
    expect(far.numberMatched).toBe(0);
    const sixNumbers = await json<Items>('/ogc/collections/plots/items?bbox=105.80,22.15,0,105.87,22.20,100');
    expect(sixNumbers.numberMatched).toBe(features.length);
  });

  it('filters by properties: ?status=leased&zoneId=… (and zone_id), lists meaning any of', async () => {
    const api = (await json<PlotCollection>('/api/plots?status=leased&zone=kcn-thanh-binh-1')).features;
    const a = await json<Items>('/ogc/collections/plots/items?status=leased&zoneId=kcn-thanh-binh-1');
    const b = await json<Items>('/ogc/collections/plots/items?status=leased&zone_id=kcn-thanh-binh-1');
    expect(a.features.map((f) => f.id)).toEqual(api.map((p) => p.id));
    expect(b.features.map((f) => f.id)).toEqual(api.map((p) => p.id));
    const either = await json<Items>('/ogc/collections/zones/items?status=operating,revoked');
    expect(new Set(either.features.map((f) => f.properties.status))).toEqual(new Set(['operating', 'revoked']));
    const layout = await json<Items>('/ogc/collections/zones/items?has_layout=false');
    for (const f of layout.features) expect(f.properties.has_layout).toBe(false);
  });

  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['bbox=0,0,200,10', 'bbox'],
    ['bbox=0,10,1,5', 'bbox'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=1.5', 'offset'],
    ['status=sold', 'status'],
    ['colour=red', 'colour'],
    ['tenant=x', 'tenant'],
    ['f=xml', 'f'],
    ['datetime=yesterday', 'datetime'],
  ])('400s naming the parameter for %s', async (query, param) => {
    const p = await problemAt(`/ogc/collections/plots/items?${query}`, 400);
    expect(p['invalid-params']!.map((i) => i.name)).toContain(param);
  });

  it('clamps a limit above the maximum instead of refusing it, and accepts a datetime', async () => {
    expect((await json<Items>('/ogc/collections/zones/items?limit=99999')).numberReturned).toBe(BUNDLED_ZONES);
    expect((await json<Items>('/ogc/collections/zones/items?datetime=2025-01-01T00:00:00Z/..')).numberMatched).toBe(BUNDLED_ZONES);
  });
});

describe('single features', () => {
  it('serves a feature by its string id, the same as in the list', async () => {
    const res = await get('/ogc/collections/zones/items/ccn-huyen-tung');
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const f = (await res.json()) as Feature;
    expect(f.id).toBe('ccn-huyen-tung');
    expect(f.properties.occupancy_pct).toBe(100);
    expect(link(f.links!, 'collection')?.href).toMatch(/\/ogc\/collections\/zones$/);
    const listed = (await json<Items>('/ogc/collections/zones/items')).features.find((x) => x.id === 'ccn-huyen-tung')!;
    expect({ ...f, links: undefined }).toEqual({ ...listed, links: undefined });
  });

  it('404s an unknown feature with problem details', async () => {
    const p = await problemAt('/ogc/collections/plots/items/no-such-plot', 404);
    expect(p.detail).toContain('no-such-plot');
    await problemAt('/ogc/collections/infrastructure/items/ccn-huyen-tung.teleport', 404);
    await problemAt('/ogc/nothing', 404);
  });
});

describe('the infrastructure collection', () => {
  it('has one point per zone and infrastructure item, with progress, date and source', async () => {
    const zones = (await json<ZoneCollection>('/api/zones')).features;
    const items = await json<Items>('/ogc/collections/infrastructure/items?limit=1000');
    expect(items.numberMatched).toBe(zones.length * INFRA_ITEMS.length);
    for (const f of items.features) expect(f.geometry.type).toBe('Point');
    const tb = zones.find((z) => z.id === 'kcn-thanh-binh-1')!;
    const levelling = await json<Feature>('/ogc/collections/infrastructure/items/kcn-thanh-binh-1.levelling');
    const source = tb.properties.infrastructure.find((i) => i.item === 'levelling')!;
    expect(levelling.properties).toMatchObject({ zone_id: 'kcn-thanh-binh-1', item: 'levelling', progress_pct: source.progressPct, as_of: source.asOf, source_id: source.sourceId });
    expect(levelling.properties.source_title).toEqual(expect.any(String));
    const filtered = await json<Items>('/ogc/collections/infrastructure/items?zoneId=kcn-thanh-binh-1&item=power,levelling');
    expect(filtered.features.map((f) => f.id).sort()).toEqual(['kcn-thanh-binh-1.levelling', 'kcn-thanh-binh-1.power']);
  });
});

describe('the communes collection', () => {
  it('has the 92 communes and wards since 1 July 2025, each with its GSO code as id', async () => {
    const all = await json<Items>('/ogc/collections/communes/items?limit=1000');
    expect(all.numberMatched).toBe(92);
    for (const f of all.features) {
      expect(f.id).toMatch(/^\d{5}$/);
      expect(f.properties.code).toBe(f.id);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(all.features.filter((f) => f.properties.former_province === 'Bắc Kạn')).toHaveLength(37);
    const choMoi = await json<Feature>('/ogc/collections/communes/items/02086');
    expect(choMoi.properties).toMatchObject({
      code: '02086', name: 'Chợ Mới', full_name: 'Xã Chợ Mới', former_province: 'Bắc Kạn', type: 'xã',
      formed_from: 'Thị trấn Đồng Tâm, Xã Quảng Chu, Xã Như Cố', area_km2: expect.any(Number),
    });
    await problemAt('/ogc/collections/communes/items/99999', 404);
  });

  it('filters by bbox and property, and pages like the other collections', async () => {
    // Bắc Kạn town (ward 01843) and its neighbours; nothing in the south of the province.
    const near = await json<Items>('/ogc/collections/communes/items?bbox=105.82,22.12,105.84,22.13');
    expect(near.features.map((f) => f.id)).toContain('01843');
    expect(near.numberMatched).toBeLessThan(10);
    const wards = await json<Items>('/ogc/collections/communes/items?type=phường&former_province=Bắc Kạn');
    expect(wards.features.map((f) => f.properties.full_name)).toEqual(expect.arrayContaining(['Phường Đức Xuân', 'Phường Bắc Kạn']));
    for (const f of wards.features) expect(f.properties).toMatchObject({ type: 'phường', former_province: 'Bắc Kạn' });
    const first = await json<Items>('/ogc/collections/communes/items?limit=40');
    expect(first).toMatchObject({ numberMatched: 92, numberReturned: 40 });
    const next = await json<Items>(follow(link(first.links, 'next', 'application/geo+json')!.href));
    expect(next.features[0]!.id > first.features.at(-1)!.id).toBe(true);
    const p = await problemAt('/ogc/collections/communes/items?type=district', 400);
    expect(p['invalid-params']![0]!.name).toBe('type');
  });

  it('is the commune that zones and plots name in commune_code', async () => {
    const zones = await json<Items>('/ogc/collections/zones/items?limit=1000');
    const codes = new Set((await json<Items>('/ogc/collections/communes/items?limit=1000')).features.map((f) => f.id));
    for (const z of zones.features) expect(codes.has(z.properties.commune_code as string), z.id).toBe(true);
    const code = zones.features[0]!.properties.commune_code as string;
    const same = await json<Items>(`/ogc/collections/zones/items?commune_code=${code}`);
    expect(same.features.map((f) => f.id)).toEqual(zones.features.filter((f) => f.properties.commune_code === code).map((f) => f.id));
  });
});

describe('HTML', () => {
  it('answers a browser (Accept: text/html) and f=html with a page, JSON otherwise', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const path of ['/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/plots', '/ogc/collections/plots/items', '/ogc/collections/zones/items/ccn-huyen-tung']) {
      const page = await get(path, { Accept: browser });
      expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(page.headers.get('vary')).toMatch(/Accept/);
      const text = await page.text();
      expect(text).toMatch(/^<!doctype html>/);
      expect(text).not.toMatch(/<script/i);
      expect((await get(`${path}?f=html`)).headers.get('content-type')).toMatch(/^text\/html/);
      expect((await get(path, { Accept: 'application/json' })).headers.get('content-type')).toMatch(/json/);
      expect((await get(path)).headers.get('content-type')).toMatch(/json/);
    }
    const items = await (await get('/ogc/collections/zones/items?f=html')).text();
    expect(items).toContain('CCN Huyền Tụng');
    expect(items).toContain('href="/ogc/collections/zones/items/ccn-huyen-tung?f=html"');
  });

  describe('with hostile text in the data', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes"';
    let plotId: string;
    beforeAll(async () => {
      plotId = (await json<PlotCollection>('/api/zones/ccn-vang-muoi/plots')).features[0]!.id;
      await db.query(`UPDATE plots SET props = jsonb_set(props, '{tenant}', to_jsonb($1::text)) WHERE id = $2`, [hostile, plotId]);
    });

    it('escapes it on every page and returns it verbatim in JSON', async () => {
      for (const path of [`/ogc/collections/plots/items/${plotId}?f=html`, '/ogc/collections/plots/items?f=html&limit=1000']) {
        const page = await (await get(path)).text();
        expect(page).not.toContain('<img src=x');
        expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
      }
      expect((await json<Feature>(`/ogc/collections/plots/items/${plotId}`)).properties.tenant).toBe(hostile);
    });
  });
});

describe('links behind a reverse proxy', () => {
  it('uses X-Forwarded-Proto and -Host only when TRUST_PROXY=1', async () => {
    const headers = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'atlas.example.vn' };
    expect(link((await json<{ links: Link[] }>('/ogc', headers)).links, 'data')!.href).toBe('http://localhost/ogc/collections');
    process.env.TRUST_PROXY = '1';
    try {
      expect(link((await json<{ links: Link[] }>('/ogc', headers)).links, 'data')!.href).toBe('https://atlas.example.vn/ogc/collections');
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});
