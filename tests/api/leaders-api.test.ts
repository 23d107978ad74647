import { describe, expect, it } from 'vitest';
import type { OccupancyAggregate } from '../../geodata/metrics.ts';
import type { Problem } from '../../geodata/api.ts';
import type { TargetsFile, Tour } from '../../geodata/targets.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner } = await signedInAppForFile();

describe('GET /api/targets', () => {
  it('states what the review states: 3 of 5 met, industrial growth and cluster occupancy not met', async () => {
    const t = (await (await api.call(ANON, 'GET', '/api/targets')).json()) as TargetsFile & { current: { ccnOccupancyPct: number | null; ccn: OccupancyAggregate } };
    expect(t.review).toMatchObject({ met: 3, total: 5 });
    expect(t.targets.filter((x) => x.status === 'met')).toHaveLength(3);
    expect(t.targets.find((x) => x.id === 'industrial-grdp-growth')).toMatchObject({ status: 'not_met', value: 13 });
    const ccn = t.targets.find((x) => x.id === 'ccn-occupancy')!;
    expect(ccn.status).toBe('not_met');
    expect(ccn.value).toBeNull(); // no source gives the target value: shown as "no data"
    // Corrected from "below 50 %", which the invented 17.9 % of schematic plots satisfied: only Huyền Tụng
    // has a sourced rate, four clusters that could hold tenants have none, so there is no province figure.
    expect(t.current.ccnOccupancyPct).toBeNull();
    expect(t.current.ccn).toMatchObject({ gap: 'incomplete', countedHa: 16, missingHa: 152.4 });
  });
});

describe('the tour', () => {
  it('bundled, carries the figures each stop described when the data was seeded, so the editor can tell what an edit changed', async () => {
    const tour = (await (await api.call(ANON, 'GET', '/api/tour')).json()) as Tour;
    expect(tour.stops.every((s) => s.figuresAtSave !== undefined)).toBe(true);
    expect(tour.stops[0]!.figuresAtSave).toEqual({ kcnOccupancyPct: 100, ccnOccupancyPct: null });
    const vangMuoi = tour.stops.find((s) => s.target === 'ccn-vang-muoi')!;
    expect(vangMuoi.figuresAtSave).toMatchObject({ name: 'CCN Vằng Mười', occupancyPct: null, tenants: '' });
  });

  it('starts from the bundled file and can be rewritten by a planner, not by a viewer', async () => {
    const got = await api.call(ANON, 'GET', '/api/tour');
    const tour = (await got.json()) as Tour;
    const etag = got.headers.get('etag')!;
    expect(tour.stops[0]!.target).toBe('province');
    const edited: Tour = { ...tour, stops: tour.stops.slice(0, 2) };
    expect((await api.call(ANON, 'PUT', '/api/tour', edited, { 'If-Match': etag })).status).toBe(401);
    expect((await api.call(planner, 'PUT', '/api/tour', edited, { 'If-Match': etag })).status).toBe(200);
    expect(((await (await api.call(ANON, 'GET', '/api/tour')).json()) as Tour).stops).toHaveLength(2);
  });

  it('is versioned like every editable record: 428 without If-Match, 412 with a stale or bogus one, each save a new ETag', async () => {
    const got = await api.call(ANON, 'GET', '/api/tour');
    const etag = got.headers.get('etag')!;
    expect(etag).toMatch(/^"v\d+"$/);
    const tour = (await got.json()) as Tour;
    const retitled = (en: string): Tour => ({ ...tour, title: { ...tour.title, en } });
    expect((await api.call(planner, 'PUT', '/api/tour', retitled('no If-Match'))).status).toBe(428);
    for (const bogus of ['"v999"', '"bogus"', '*']) {
      const res = await api.call(planner, 'PUT', '/api/tour', retitled(`bogus ${bogus}`), { 'If-Match': bogus });
      expect(res.status, bogus).toBe(412);
      expect(((await res.json()) as { current: Tour }).current.title.en).toBe(tour.title.en);
    }
    const saved = await api.call(planner, 'PUT', '/api/tour', retitled('first save'), { 'If-Match': etag });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).not.toBe(etag);
    expect((await api.call(ANON, 'GET', '/api/tour')).headers.get('etag')).toBe(saved.headers.get('etag'));
    // The ETag the first save replaced is stale now: a second planner who loaded before it is refused.
    const late = await api.call(planner, 'PUT', '/api/tour', retitled('overwrites unseen'), { 'If-Match': etag });
    expect(late.status).toBe(412);
    expect(((await late.json()) as { current: Tour }).current.title.en).toBe('first save');
  });

  it('two planners saving the same version at the same moment: exactly one wins', async () => {
    const got = await api.call(ANON, 'GET', '/api/tour');
    const etag = got.headers.get('etag')!;
    const tour = (await got.json()) as Tour;
    const res = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api.call(planner, 'PUT', '/api/tour', { ...tour, title: { ...tour.title, en: `racer ${i}` } }, { 'If-Match': etag })),
    );
    expect(res.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = res.findIndex((r) => r.status === 200);
    expect(((await (await api.call(ANON, 'GET', '/api/tour')).json()) as Tour).title.en).toBe(`racer ${winner}`);
    const audits = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'tour' AND after->'title'->>'en' LIKE 'racer %'`);
    expect(audits[0]!.n).toBe(1);
  });

  it('refuses a stop that is not a zone, naming it', async () => {
    const res = await api.call(planner, 'PUT', '/api/tour', { title: { vi: 'x', en: 'x' }, stops: [{ target: 'atlantis', caption: { vi: 'a', en: 'a' }, figures: [] }] });
    expect(res.status).toBe(400);
    const param = ((await res.json()) as Problem)['invalid-params']![0]!;
    expect(param.name).toBe('stops.0.target');
    expect(param.code).toBe('tourTarget');
  });
});
