/**
 * The link from an old address to the new commune (the publisher's merger table, formedFrom) and
 * the rule that a zone's geometry must not contradict its sourced old commune; geodata:check runs it.
 */
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommuneContradiction, communeBasisOf, communesFormedFrom, unitKey } from '../../geodata/admin/commune-rules.ts';
import { regionOfCommune } from '../../geodata/admin/zone-region.ts';
import { checkDataset } from '../../geodata/check.ts';
import { DEFAULT_GEODATA_DIR, loadDataset } from '../../geodata/load.ts';
import { reasonMessage } from '../../geodata/rules/reasons.ts';
import type { Dataset, ZoneFeature } from '../../geodata/schema.ts';

let bundled: Dataset;
beforeAll(async () => {
  bundled = await loadDataset(DEFAULT_GEODATA_DIR);
});
const zone = (id: string): ZoneFeature => structuredClone(bundled.zones.find((z) => z.properties.id === id)!);
/** The zone moved by [dLon, dLat] degrees, shape and area kept. */
const moved = (z: ZoneFeature, dLon: number, dLat: number): ZoneFeature => ({
  ...z,
  geometry: { type: 'Polygon', coordinates: (z.geometry as Polygon).coordinates.map((r) => r.map(([x, y]) => [x! + dLon, y! + dLat])) },
});
const codes = (old: string, province?: string, district?: string) => communesFormedFrom(old, province, district).map((c) => c.code);

describe('old commune → new communes (formedFrom)', () => {
  it('normalises case, Unicode form and the unit prefix', () => {
    expect(unitKey('  Phường  HUYỀN Tụng ')).toBe('huyền tụng');
    expect(unitKey('Thị trấn Chợ Rã')).toBe('chợ rã');
    expect(unitKey('xã Thanh Thịnh'.normalize('NFD'))).toBe('thanh thịnh');
    expect(codes('phường Huyền Tụng', 'Bắc Kạn')).toEqual(['01840']); // → phường Đức Xuân
    expect(codes('XÃ QUẢNG CHU'.normalize('NFD'), 'Bắc Kạn')).toEqual(['02086']); // → xã Chợ Mới
    expect(codes('thị trấn Chợ Rã', 'Bắc Kạn')).toEqual(['01912']);
  });

  it('reads "giữ nguyên" as the unit unchanged, and a parenthesis as the old district', () => {
    expect(codes('xã Thượng Quan', 'Bắc Kạn')).toEqual(['01957']);
    // Two old wards named Trung Thành: the table says which district each was in.
    expect(codes('phường Trung Thành', 'Thái Nguyên').sort()).toEqual(['05500', '05899']);
    expect(codes('phường Trung Thành', 'Thái Nguyên', 'thành phố Phổ Yên')).toEqual(['05899']);
    expect(codes('phường Trung Thành', 'Thái Nguyên', 'Thành phố Thái Nguyên')).toEqual(['05500']);
    expect(codes('xã Không Có', 'Bắc Kạn')).toEqual([]);
  });
});

describe('checkCommuneContradiction', () => {
  it('finds nothing where the zone lies in a commune formed from its sourced old commune', () => {
    for (const id of ['kcn-thanh-binh-1', 'kcn-thanh-binh-2', 'ccn-vang-muoi', 'ccn-huyen-tung', 'ccn-chu-huong']) expect(checkCommuneContradiction(zone(id)), id).toBeNull();
  });

  it('warns for an approximate zone drawn in another commune, naming both communes in both languages', () => {
    // Where Thanh Bình I was drawn before: in xã Chợ Mới, though xã Thanh Thịnh became xã Thanh Thịnh.
    const found = checkCommuneContradiction(moved(zone('kcn-thanh-binh-1'), -0.0125, -0.0275));
    expect(found).toMatchObject({ severity: 'warning', oldCommune: 'xã Thanh Thịnh', derived: { code: '02086', fullName: 'Xã Chợ Mới' } });
    expect(found!.formed.map((c) => c.code)).toEqual(['02107']);
    const en = reasonMessage('en', found!.reason);
    const vi = reasonMessage('vi', found!.reason);
    for (const text of [en, vi]) expect(text).toMatch(/xã Thanh Thịnh.*xã Chợ Mới/);
    expect(en).toContain('merger table');
  });

  it('is an error for surveyed geometry', () => {
    const z = moved(zone('ccn-vang-muoi'), 0.02, 0.02); // its old place, in xã Na Rì, not xã Trần Phú
    z.properties.accuracy = 'surveyed';
    expect(checkCommuneContradiction(z)).toMatchObject({ severity: 'error', reason: { code: 'communeContradiction' }, derived: { fullName: 'Xã Na Rì' } });
  });

  it('says so when the zone lies outside every commune of the province', () => {
    const found = checkCommuneContradiction(moved(zone('ccn-vang-muoi'), -0.3, -1));
    expect(found).toMatchObject({ severity: 'warning', reason: { code: 'communeContradictionOutside' }, derived: null });
  });

  it('has nothing to say about a zone whose source names no commune, or no old address at all', () => {
    expect(checkCommuneContradiction(moved(zone('kcn-cho-moi-4'), 0.3, 0.3))).toBeNull();
    const z = moved(zone('kcn-thanh-binh-1'), -0.0125, -0.0275);
    z.properties.addressOld = null;
    expect(checkCommuneContradiction(z)).toBeNull();
  });
});

describe('geodata:check on addresses from geometry', () => {
  it('reports a zone contradicting its sourced commune, and a stored commune the geometry does not support', () => {
    const ds = structuredClone(bundled);
    const i = ds.zones.findIndex((z) => z.properties.id === 'ccn-vang-muoi');
    const vm = moved(ds.zones[i]!, 0.02, 0.02);
    ds.zones[i] = vm;
    ds.plots = ds.plots.filter((p) => p.properties.zoneId !== 'ccn-vang-muoi');
    const problems = checkDataset(ds)
      .filter((x) => x.featureId === 'ccn-vang-muoi')
      .map((x) => x.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: The outline contradicts the sourced old address \(xã Trần Phú\).*mostly in xã Na Rì/),
        expect.stringMatching(/communeCode 02176 \(Trần Phú\) is not the commune holding most of its geometry: 02155 \(Na Rì\)/),
      ]),
    );
  });

  it('holds communeBasis to the merger table', () => {
    const ds = structuredClone(bundled);
    ds.zones.find((z) => z.properties.id === 'kcn-cho-moi-4')!.properties.communeBasis = 'sourced';
    expect(checkDataset(ds).map((x) => `${x.featureId}: ${x.problem}`)).toEqual(['kcn-cho-moi-4: communeBasis is sourced, but the merger table makes it geometry (old commune not given)']);
  });

  it('finds every bundled zone and plot where its stored commune says', () => {
    // Former Bắc Kạn's zones whose new commune comes from their outline (former Thái Nguyên's are
    // placed inside their sourced commune: thai-nguyen-region.test.ts checks them).
    const bacKan = bundled.zones.filter((z) => regionOfCommune(z.properties.communeCode) === 'bac-kan');
    expect(bacKan.filter((z) => z.properties.communeBasis === 'geometry').map((z) => z.properties.id)).toEqual([
      'kcn-cho-moi-3',
      'kcn-cho-moi-4',
      'kcn-cho-moi-5',
      'kcn-bach-thong',
      'ccn-nam-bang-lung',
    ]);
    for (const z of bundled.zones) expect(z.properties.communeCode, z.properties.id).toMatch(/^\d{5}$/);
    for (const p of bundled.plots) expect(p.properties.communeCode, p.properties.id).toMatch(/^\d{5}$/);
  });
});

describe('how a zone\'s commune is known (communeBasisOf)', () => {
  it('is sourced only when the merger table makes the sourced old commune that commune', () => {
    const huyenTung = { commune: 'phường Huyền Tụng', district: 'thành phố Bắc Kạn', province: 'Bắc Kạn' };
    expect(communeBasisOf('01840', huyenTung)).toBe('sourced'); // → phường Đức Xuân
    expect(communeBasisOf('02107', huyenTung)).toBe('geometry'); // a commune Huyền Tụng did not form
    expect(communeBasisOf('02107', { commune: null, district: 'huyện Chợ Mới', province: 'Bắc Kạn' })).toBe('geometry');
    expect(communeBasisOf('02107', null)).toBe('geometry');
  });
});
