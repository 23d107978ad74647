/**
 * The region of former Thái Nguyên: its committed files are what the generator writes, every
 * outline stands inside the commune its sources give, sized to the sourced area, and the figures a
 * reader would quote are the sources' (dated, cited), with unknowns left unknown.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { communeOverlaps } from '../../geodata/admin/derive-commune.ts';
import { serializeDataset } from '../../geodata/build/bac-kan-dataset.ts';
import { buildThaiNguyen, MARKER_HA } from '../../geodata/build/thai-nguyen-dataset.ts';
import { caveatMessage } from '../../geodata/caveat-messages.ts';
import { sourceCaveats, zoneCaveats } from '../../geodata/caveats.ts';
import { checkDataset } from '../../geodata/check.ts';
import { datasetOccupancy } from '../../geodata/dataset-occupancy.ts';
import { BAC_KAN_GEODATA_DIR, DEFAULT_GEODATA_DIR, GEODATA_FILES, loadDataset, THAI_NGUYEN_GEODATA_DIR } from '../../geodata/load.ts';
import { areaHa } from '../../geodata/metrics.ts';
import type { Dataset } from '../../geodata/schema.ts';

let region: Dataset;
let province: Dataset;
beforeAll(async () => {
  region = await loadDataset(THAI_NGUYEN_GEODATA_DIR);
  province = await loadDataset(DEFAULT_GEODATA_DIR);
});
const zone = (id: string) => region.zones.find((z) => z.properties.id === id)!.properties;

describe('the committed region is what the generator writes', () => {
  it('regenerates geodata/thai-nguyen/ byte for byte', { timeout: 120_000 }, async () => {
    const files = serializeDataset(buildThaiNguyen(BAC_KAN_GEODATA_DIR));
    expect(Object.keys(files).sort()).toEqual(Object.values(GEODATA_FILES).sort());
    for (const [file, text] of Object.entries(files)) {
      expect(text === (await readFile(join(THAI_NGUYEN_GEODATA_DIR, file), 'utf8')), `${file} differs from the generator's output`).toBe(true);
    }
  });
});

describe('one dataset for the whole province', () => {
  it('holds the zones of both regions, and passes every check merged', () => {
    const bacKan = province.zones.filter((z) => z.properties.addressOld?.province === 'Bắc Kạn');
    expect(bacKan).toHaveLength(13);
    expect(province.zones).toHaveLength(13 + region.zones.length);
    expect(checkDataset(province)).toEqual([]);
  });

  it('has no plots in the region: no layout was found, none is invented', () => {
    expect(region.plots).toEqual([]);
    for (const z of region.zones) expect(z.properties.hasLayout, z.properties.id).toBe(false);
  });
});

describe('outlines placed, not surveyed', () => {
  it('lie wholly inside one commune of former Thái Nguyên, sized to the sourced area (or a fixed marker), with the placement uncertainty recorded', () => {
    for (const z of region.zones) {
      const p = z.properties;
      const overlaps = communeOverlaps(z.geometry);
      expect(overlaps.map((o) => o.commune.code), p.id).toEqual([p.communeCode]);
      expect(overlaps[0]!.commune.formerProvince, p.id).toBe('Thái Nguyên');
      expect(p.accuracy).toBe('approximate');
      expect(p.placementUncertaintyKm, p.id).toBeGreaterThan(0);
      const target = p.totalAreaHa.value ?? MARKER_HA;
      expect(Math.abs(areaHa(z.geometry) / target - 1), p.id).toBeLessThan(0.005);
      expect(p.geometrySourceId, p.id).toBe(p.totalAreaHa.value === null ? 'iz-atlas-marker' : 'iz-atlas-commune-placement');
    }
  });

  it('Sông Công II starts from its sourced point (±2 km); Yên Bình is in phường Vạn Xuân, its old phường Đồng Tiến by the merger table', () => {
    expect(zone('kcn-song-cong-2')).toMatchObject({ communeCode: '05528', communeBasis: 'sourced', placementUncertaintyKm: 2 });
    expect(zone('kcn-yen-binh')).toMatchObject({ communeCode: '05890', communeBasis: 'sourced', addressNew: { commune: 'phường Vạn Xuân', province: 'Thái Nguyên' } });
  });
});

describe('sourced figures, each with its source and date', () => {
  it('Yên Bình, Điềm Thụy and Sông Công II: 100 % occupied, from machine-translated articles, said so', () => {
    const occ = datasetOccupancy(region);
    const sourceOf = (id: string | null) => region.sources.find((s) => s.id === id)!;
    for (const [id, asOf] of [['kcn-yen-binh', '2025-08'], ['kcn-diem-thuy', '2024-12'], ['kcn-song-cong-2', '2024-12']] as const) {
      const o = occ.zones.get(id)!;
      expect(o, id).toMatchObject({ valuePct: 100, origin: 'source', asOf });
      expect(sourceOf(o.sourceId).readAs, id).toEqual(['machine_translation']);
    }
    expect(zone('kcn-yen-binh').totalAreaHa).toMatchObject({ value: 400, sourceId: 'kinhtetieudung-a2880', asOf: '2023-04-03' });
  });

  it('every source has a title in Vietnamese and English', () => {
    for (const s of region.sources) expect(s.label, s.id).toEqual({ vi: expect.any(String), en: expect.any(String) });
  });
});

describe('caveats a reader sees', () => {
  it('a marker says its size is not the zone\'s, and every placed outline how far the site may be', () => {
    const codes = (id: string) => zoneCaveats(zone(id), { schematicLayout: false }).map((c) => c.code);
    expect(codes('ccn-son-cam-3')).toEqual(['approximateGeometry', 'placementUncertainty', 'outlineNotSized']);
    expect(codes('kcn-nam-pho-yen')).toEqual(['siteNotLocated', 'placementUncertainty']);
    const km = zoneCaveats(zone('kcn-song-cong-2'), { schematicLayout: false }).find((c) => c.code === 'placementUncertainty')!;
    expect(caveatMessage('en', km)).toBe('The real site may be up to 2 km from the drawn outline: no source locates it more precisely.');
    expect(caveatMessage('vi', km)).toMatch(/^Vị trí thật có thể cách ranh giới vẽ tới 2 km/);
  });

  it('a machine-translated or property-agency source says so, in both languages', () => {
    const source = (id: string) => region.sources.find((s) => s.id === id)!;
    expect(sourceCaveats(source('laodong-es-1530478')).map((c) => caveatMessage('en', c))).toEqual([
      'Source read through a machine translation (a foreign-language copy of a Vietnamese article).',
    ]);
    expect(sourceCaveats(source('vki-tn-list')).map((c) => caveatMessage('vi', c))).toEqual(['Nguồn là trang môi giới bất động sản.']);
    expect(sourceCaveats(source('kinhtetieudung-a2880'))).toEqual([]);
  });
});
