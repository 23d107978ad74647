import { describe, expect, it } from 'vitest';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { parseNumber } from '../../client/components/find-land/NumberInput.tsx';
import { ApiError } from '../../client/api.ts';
import { parseShortlist, SHORTLIST_MAX } from '../../client/components/find-land/shortlist.ts';
import { fromProblem, fromZod } from '../../client/lib/form-errors.ts';
import { enquiryBody } from '../../geodata/requests.ts';
import { reasonMessage } from '../../geodata/rules/reasons.ts';
import { DEFAULT_STATE, formatHash, parseBrochure, parseHash } from '../../client/lib/hash-state.ts';
import { NO_FILTERS, type LandFilters } from '../../client/lib/land-search.ts';
import { withinCircle } from '../../client/lib/within-radius.ts';
import { measureGeometry } from '../../client/map/map-tools.ts';

describe('find land in the URL', () => {
  it('round-trips the open panel and its filters', () => {
    const filters: LandFilters = { ...NO_FILTERS, minHa: 2, items: ['wastewater_treatment'], district: 'huyện Chợ Đồn', roads: ['QL3'], maxRoadKm: 5 };
    const s = { ...DEFAULT_STATE, zone: 'ccn-nam-bang-lung', find: true, filters };
    const hash = formatHash(s);
    expect(hash).toContain('find=1');
    expect(hash).toContain('f.minHa=2');
    expect(hash).toContain('f.items=wastewater_treatment');
    expect(parseHash(hash)).toEqual(s);
  });

  it('leaves the filters out of the link while the panel is closed', () => {
    expect(formatHash({ ...DEFAULT_STATE, filters: { ...NO_FILTERS, minHa: 3 } })).toBe('');
  });

  it('carries a brochure subject and refuses anything else', () => {
    expect(formatHash({ ...DEFAULT_STATE, brochure: 'plot:ccn-nam-bang-lung-cn-02' })).toBe('#brochure=plot:ccn-nam-bang-lung-cn-02');
    expect(parseHash('#brochure=zone:kcn-thanh-binh-1').brochure).toBe('zone:kcn-thanh-binh-1');
    expect(parseBrochure('user:1')).toBeNull();
    expect(parseBrochure('plot:<script>')).toBeNull();
    expect(parseHash('#brochure=plot:../x').brochure).toBeUndefined();
  });
});

describe('measuring', () => {
  it('measures a straight-line distance', () => {
    // One degree of latitude is about 110.6 km at 22° N.
    const g = measureGeometry({ mode: 'distance', vertices: [[105.8, 22], [105.8, 23]], radiusKm: 5 });
    expect(g.km).toBeGreaterThan(110);
    expect(g.km).toBeLessThan(111.5);
  });

  it('gives the area and perimeter of a drawn polygon', () => {
    const d = 0.009; // about 1 km of latitude
    const g = measureGeometry({ mode: 'area', vertices: [[105.8, 22], [105.8 + d / Math.cos((22 * Math.PI) / 180), 22], [105.8 + d / Math.cos((22 * Math.PI) / 180), 22 + d], [105.8, 22 + d]], radiusKm: 5 });
    expect(g.ha).toBeGreaterThan(95);
    expect(g.ha).toBeLessThan(105);
    expect(g.km).toBeGreaterThan(3.9);
    expect(g.km).toBeLessThan(4.1);
    expect(measureGeometry({ mode: 'area', vertices: [[105.8, 22], [105.9, 22]], radiusKm: 5 }).ha).toBeNull();
  });

  it('draws a circle of N km and lists what it touches, nearest first', () => {
    const g = measureGeometry({ mode: 'radius', vertices: [[105.8, 22]], radiusKm: 2 });
    expect(g.ha! / 100).toBeCloseTo(Math.PI * 4, 0); // km²
    const square = (id: string, lon: number): { id: string; type: 'Feature'; properties: Record<string, unknown>; geometry: GeoJSON.Polygon } => ({
      id,
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[[lon, 22], [lon + 0.002, 22], [lon + 0.002, 22.002], [lon, 22.002], [lon, 22]]] },
    });
    const zones = [square('far', 106.2), square('near', 105.801), square('edge', 105.818)] as unknown as ZoneApiFeature[];
    const plots = [square('p-near', 105.8)] as unknown as PlotApiFeature[];
    const inside = withinCircle([105.8, 22], g.circle!, zones, plots);
    expect(inside.zones.map((z) => z.feature.id)).toEqual(['near', 'edge']);
    expect(inside.plots.map((p) => p.feature.id)).toEqual(['p-near']);
  });
});

describe('shortlist storage', () => {
  it('keeps valid, distinct items, at most four', () => {
    const raw = JSON.stringify([
      { kind: 'plot', id: 'a' },
      { kind: 'plot', id: 'a' },
      { kind: 'zone', id: 'a' },
      { kind: 'user', id: 'x' },
      { kind: 'plot', id: 'BAD ID' },
      { kind: 'plot', id: 'b' },
      { kind: 'plot', id: 'c' },
      { kind: 'plot', id: 'd' },
    ]);
    expect(parseShortlist(raw)).toEqual([
      { kind: 'plot', id: 'a' },
      { kind: 'zone', id: 'a' },
      { kind: 'plot', id: 'b' },
      { kind: 'plot', id: 'c' },
    ]);
    expect(parseShortlist(raw)).toHaveLength(SHORTLIST_MAX);
    expect(parseShortlist('{not json')).toEqual([]);
    expect(parseShortlist('{"kind":"plot"}')).toEqual([]);
    expect(parseShortlist(null)).toEqual([]);
  });
});

describe('form input', () => {
  it.each([
    ['2', 2],
    ['2,5', 2.5],
    [' 0.75 ', 0.75],
    ['', null],
    ['-1', null],
    ['2 ha', null],
    ['1e3', null],
  ])('reads %j as %j', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('says the enquiry schema’s and the server’s reasons in Vietnamese, by code', () => {
    const schema = (body: object) => {
      const parsed = enquiryBody.safeParse({ zoneId: 'ccn-vang-muoi', name: 'Trần B', ...body });
      return parsed.success ? {} : fromZod(parsed.error);
    };
    const server = (param: object) => fromProblem(new ApiError(400, { type: 'about:blank', title: 'x', status: 400, 'invalid-params': [{ name: 'f', ...param } as never] })).f!;
    expect(reasonMessage('vi', schema({ email: 'not-an-address' }).email!)).toBe('Địa chỉ thư điện tử không hợp lệ');
    expect(reasonMessage('vi', schema({}).email!)).toBe('Nhập thư điện tử hoặc số điện thoại');
    expect(reasonMessage('vi', server({ reason: 'No such plot or zone', code: 'noSuchTarget' }))).toBe('Không rõ lô hay khu/cụm nào');
    expect(reasonMessage('vi', server({ reason: 'something new', code: 'aCodeFromANewerServer' }))).toBe('something new');
  });
});
