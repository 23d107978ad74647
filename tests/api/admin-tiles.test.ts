/**
 * GET /tiles/admin/{z}/{x}/{y}.mvt: the administrative boundaries as the map reads them, decoded
 * from real HTTP answers of the app.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_LAYERS, COMMUNES_MIN_ZOOM } from '../../geodata/admin-tiles.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';
import { decode, tileAt } from '../support/vector-tiles.ts';

let db: Database;
let app: App;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  app = createApp({ db });
});
afterAll(() => db.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const props = (tile: VectorTile, layer: string) => {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties) : [];
};
const BAC_KAN_TOWN = [105.84, 22.15];

describe('GET /tiles/admin/{z}/{x}/{y}.mvt', () => {
  it('holds the province, former Bắc Kạn, the neighbours and the communes with their names over Bắc Kạn town (z10)', async () => {
    const [z, x, y] = tileAt(BAC_KAN_TOWN, 10);
    const res = await get(`/tiles/admin/${z}/${x}/${y}.mvt`, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const tile = await decode(res);
    expect(props(tile, ADMIN_LAYERS.province).map((p) => p.name)).toEqual(['Thái Nguyên']);
    expect(props(tile, ADMIN_LAYERS.former)).toHaveLength(1);
    expect(props(tile, ADMIN_LAYERS.communes).map((p) => p.name)).toEqual(expect.arrayContaining(['Bắc Kạn', 'Đức Xuân']));
    const labels = props(tile, ADMIN_LAYERS.communeLabels);
    expect(labels.map((p) => p.nameVi)).toContain('Đức Xuân');
    // One label point per commune: no name twice in a tile.
    expect(new Set(labels.map((p) => p.code)).size).toBe(labels.length);
  });

  it('sends no commune below zoom 8, and names all 34 provinces and both archipelagos in the national tiles', async () => {
    const [z, x, y] = tileAt(BAC_KAN_TOWN, COMMUNES_MIN_ZOOM - 1);
    const low = await decode(await get(`/tiles/admin/${z}/${x}/${y}.mvt`));
    expect(low.layers[ADMIN_LAYERS.communes]).toBeUndefined();
    expect(low.layers[ADMIN_LAYERS.provinces]).toBeDefined();

    const seen = new Map<string, Record<string, unknown>>();
    for (let tx = 0; tx < 8; tx++) {
      for (let ty = 0; ty < 8; ty++) {
        const res = await get(`/tiles/admin/3/${tx}/${ty}.mvt`);
        expect(res.status).toBe(200);
        if (!(await res.clone().arrayBuffer()).byteLength) continue;
        for (const p of props(await decode(res), ADMIN_LAYERS.provinceLabels)) seen.set(`${p.kind}:${p.code}`, p);
      }
    }
    const provinces = [...seen.values()].filter((p) => p.kind === 'province');
    expect(provinces).toHaveLength(34);
    const archipelagos = [...seen.values()].filter((p) => p.kind === 'archipelago').map((p) => p.nameVi);
    expect(archipelagos.sort()).toEqual(['Quần đảo Hoàng Sa (Việt Nam)', 'Quần đảo Trường Sa (Việt Nam)']);
    expect([...seen.values()].filter((p) => p.kind === 'island').length).toBeGreaterThan(10);
  });

  it('revalidates with its ETag, and refuses what is not a tile', async () => {
    const [z, x, y] = tileAt(BAC_KAN_TOWN, 9);
    const first = await get(`/tiles/admin/${z}/${x}/${y}.mvt`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await get(`/tiles/admin/${z}/${x}/${y}.mvt`, { 'If-None-Match': etag })).status).toBe(304);
    const bad = await get('/tiles/admin/3/99/0.mvt');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await get('/tiles/admin/3/0/0.png')).status).toBe(404);
  });
});
