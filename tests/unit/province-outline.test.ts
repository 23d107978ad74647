/**
 * The province outline is the real one (geodata/admin/province.geojson, Thái Nguyên since 1 July
 * 2025): the hand-drawn outline of former Bắc Kạn is gone from the data, its builder and every
 * check that used it (geodata:check, the import); the hand-drawn roads, river and lake stay,
 * marked as schematic in their features and in the legend.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { translate } from '../../client/i18n/strings.ts';
import { envelopeOf, provinceOutline } from '../../geodata/admin/outlines.ts';
import { buildContext } from '../../geodata/build/bac-kan/context.ts';
import { DEFAULT_GEODATA_DIR, loadDataset } from '../../geodata/load.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('the hand-drawn province outline', () => {
  it('is in neither the bundled context nor its builder', async () => {
    const ds = await loadDataset(DEFAULT_GEODATA_DIR);
    for (const features of [ds.context, buildContext()]) {
      expect(features.filter((f) => f.properties.kind === 'province').map((f) => f.properties.id)).toEqual([]);
    }
  });

  it('is named by no source file, data file or test fixture', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return files(path);
        return /\.(ts|tsx|json|geojson)$/.test(name) ? [path] : [];
      });
    const naming = ['client', 'server', 'geodata', 'tests/fixtures']
      .flatMap((d) => files(join(ROOT, d)))
      .filter((f) => readFileSync(f, 'utf8').includes('province-bac-kan'));
    expect(naming).toEqual([]);
  });

  it('leaves the import and geodata:check the real outline of Thái Nguyên', async () => {
    const ds = await loadDataset(DEFAULT_GEODATA_DIR);
    const envelope = envelopeOf(ds.zones.map((z) => z.properties.addressNew.province));
    const file = JSON.parse(readFileSync(join(ROOT, 'geodata/admin/province.geojson'), 'utf8')) as FeatureCollection;
    expect(envelope.name).toBe('Thái Nguyên');
    expect(envelope.geometry).toEqual(file.features[0]!.geometry);
    expect(provinceOutline('Thái Nguyên')!.geometry).toEqual(file.features[0]!.geometry);
  });

  it('a dataset spanning several provinces is held to Vietnam, all 34 provinces', () => {
    const envelope = envelopeOf(['Thái Nguyên', 'Hà Nội']);
    expect(envelope.name).toBe('Việt Nam');
    expect(envelope.geometry.type).toBe('MultiPolygon');
  });
});

describe('the hand-drawn roads, river and lake', () => {
  it('are schematic in their features', async () => {
    const ds = await loadDataset(DEFAULT_GEODATA_DIR);
    const drawn = ds.context.filter((f) => ['road', 'river', 'lake'].includes(f.properties.kind));
    expect(drawn.map((f) => f.properties.id).sort()).toEqual(['lake-ba-be', 'river-cau', 'road-ql279', 'road-ql3', 'road-ql3b']);
    for (const f of drawn) expect(f.properties.accuracy, f.properties.id).toBe('schematic');
  });

  it('are schematic in the legend, in Vietnamese and English', () => {
    expect(translate('vi', 'legendSchematic')).toMatch(/sơ đồ vẽ tay/);
    expect(translate('en', 'legendSchematic')).toMatch(/hand-drawn schematic/);
  });
});
