import { describe, expect, it } from 'vitest';
import type { Problem, ZoneApiFeature, ZoneCollection, ZoneHistory } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

/** GET /api/history: every zone's dated series in one answer, instead of one request per zone. */
const { api, planner } = await signedInAppForFile();

const get = async <T>(path: string) => {
  const res = await api.call(ANON, 'GET', path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe('GET /api/history', () => {
  it('answers with one series per zone, each the same as the zone’s own history', async () => {
    const zones = (await get<ZoneCollection>('/api/zones')).features.map((z) => z.id).sort();
    const all = (await get<{ zones: ZoneHistory[] }>('/api/history')).zones;
    expect(all.map((h) => h.zoneId)).toEqual(zones);
    for (const id of ['ccn-vang-muoi', 'ccn-huyen-tung', zones.at(-1)!]) {
      expect(all.find((h) => h.zoneId === id)).toEqual(await get<ZoneHistory>(`/api/zones/${id}/history`));
    }
    expect(all.some((h) => h.points.some((p) => p.origin === 'yearly'))).toBe(true);
  });

  it('carries a new edit, for that zone only, in the same answer', async () => {
    const zoneRes = await api.call(ANON, 'GET', '/api/zones/ccn-huyen-tung');
    const zone = (await zoneRes.json()) as ZoneApiFeature;
    const before = (await get<{ zones: ZoneHistory[] }>('/api/history')).zones;
    const edited = await api.call(planner, 'PATCH', '/api/zones/ccn-huyen-tung', { note: 'A new note', reason: 'history test' }, { 'If-Match': zoneRes.headers.get('ETag')! });
    expect(edited.status).toBe(200);
    const after = (await get<{ zones: ZoneHistory[] }>('/api/history')).zones;
    const edits = (hs: ZoneHistory[], id: string) => hs.find((h) => h.zoneId === id)!.points.filter((p) => p.origin === 'edit').length;
    expect(edits(after, zone.id)).toBe(edits(before, zone.id) + 1);
    expect(edits(after, 'ccn-vang-muoi')).toBe(edits(before, 'ccn-vang-muoi'));
  });

  it('narrows to the zones named in zones=, leaving unknown ids out', async () => {
    const some = (await get<{ zones: ZoneHistory[] }>('/api/history?zones=ccn-vang-muoi,nowhere,ccn-huyen-tung,ccn-vang-muoi')).zones;
    expect(some.map((h) => h.zoneId).sort()).toEqual(['ccn-huyen-tung', 'ccn-vang-muoi']);
  });

  it('refuses a malformed filter with 400 naming zones', async () => {
    for (const q of ['zones=', 'zones=Not%20An%20Id', 'zone=ccn-vang-muoi']) {
      const res = await api.call(ANON, 'GET', `/api/history?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(((await res.json()) as Problem)['invalid-params']!.map((p) => p.name).join(','), q).toMatch(/zone/);
    }
  });
});
