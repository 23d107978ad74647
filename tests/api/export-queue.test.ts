import { describe, expect, it } from 'vitest';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner } = await signedInAppForFile();

const shp = (extra = '') => api.call(ANON, 'GET', `/api/export?layer=plots&format=shp&crs=EPSG:9213${extra}`);

describe('exports do not pile up on the thread that answers the map', () => {
  it('gives the same bytes again from the cache until the data change', async () => {
    const first = await shp();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-export-cache')).toBe('miss');
    const bytes = new Uint8Array(await first.arrayBuffer());
    const again = await shp();
    expect(again.headers.get('x-export-cache')).toBe('hit');
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
    const cur = await api.call(planner, 'GET', '/api/plots/ccn-nam-bang-lung-cn-03');
    expect((await api.call(planner, 'PATCH', '/api/plots/ccn-nam-bang-lung-cn-03', { sector: 'changed' }, { 'If-Match': cur.headers.get('etag')! })).status).toBe(200);
    const after = await shp();
    expect(after.headers.get('x-export-cache')).toBe('miss');
    expect(new Uint8Array(await after.arrayBuffer())).not.toEqual(bytes);
  });

  it('answers 503 with Retry-After when too many different exports are queued, never 500', async () => {
    const ids = (await db.query<{ id: string }>('SELECT id FROM plots ORDER BY id LIMIT 16')).map((r) => r.id);
    const res = await Promise.all(ids.map((id) => shp(`&ids=${id}`)));
    const statuses = res.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    const busy = res.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    }
    // Once the queue drains, the same requests go through.
    expect((await shp(`&ids=${ids[15]}`)).status).toBe(200);
  });
});
