import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { booleanClockwise, kinks, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { checkDataset, checkDir } from '../../geodata/check.ts';
import { areaHa, summarizeLand } from '../../geodata/metrics.ts';
import { contextFileSchema, plotsFileSchema, sourcesFileSchema, yearlyFileSchema, zonesFileSchema } from '../../geodata/schema.ts';
import { apportion, datasetFiles, generateNational } from '../../geodata/synth/generate.ts';
import { VIETNAM_OUTLINE } from '../../geodata/synth/vietnam.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const small = { zones: 20, plots: 500, seed: 1 };

describe('geodata:synth generator', () => {
  it('gives the same bytes for the same seed, and other bytes for another seed', () => {
    const a = datasetFiles(generateNational(small));
    const b = datasetFiles(generateNational(small));
    expect(a).toEqual(b);
    const c = datasetFiles(generateNational({ ...small, seed: 2 }));
    expect(c['zones.geojson']).not.toBe(a['zones.geojson']);
    expect(c['plots.geojson']).not.toBe(a['plots.geojson']);
  });

  it('makes exactly the zones and plots asked for, about a quarter of them KCN, each zone with a layout', () => {
    const ds = generateNational({ zones: 60, plots: 1234, seed: 3 });
    expect(ds.zones).toHaveLength(60);
    expect(ds.plots).toHaveLength(1234);
    const kcn = ds.zones.filter((z) => z.properties.kind === 'KCN').length;
    expect(kcn).toBe(Math.round((60 * 420) / 1620));
    expect(ds.zones.every((z) => z.properties.hasLayout)).toBe(true);
    expect(new Set(ds.plots.map((p) => p.properties.zoneId)).size).toBe(60);
  });

  it('passes the schemas and every geodata:check on a small run', () => {
    const ds = generateNational(small);
    const files = datasetFiles(ds);
    expect(() => zonesFileSchema.parse(JSON.parse(files['zones.geojson']))).not.toThrow();
    expect(() => plotsFileSchema.parse(JSON.parse(files['plots.geojson']))).not.toThrow();
    expect(() => contextFileSchema.parse(JSON.parse(files['context.geojson']))).not.toThrow();
    expect(() => sourcesFileSchema.parse(JSON.parse(files['sources.json']))).not.toThrow();
    expect(() => yearlyFileSchema.parse(JSON.parse(files['yearly.json']))).not.toThrow();
    expect(checkDataset(ds)).toEqual([]);
  });

  it('draws zones of realistic sizes and plausible status mixes', () => {
    const ds = generateNational({ zones: 120, plots: 6000, seed: 5 });
    for (const z of ds.zones) {
      const ha = areaHa(z.geometry);
      const [lo, hi] = z.properties.kind === 'KCN' ? [50, 500] : [10, 75];
      expect(ha).toBeGreaterThanOrEqual(lo * 0.99);
      expect(ha).toBeLessThanOrEqual(hi * 1.01);
      expect(z.properties.accuracy).toBe('approximate');
      const land = summarizeLand(
        ds.plots.filter((p) => p.properties.zoneId === z.properties.id).map((p) => ({ ...p.properties, areaHa: areaHa(p.geometry) })),
      );
      if (land.leasableHa === 0) continue;
      if (z.properties.status === 'operating') {
        expect(land.occupancyPct).toBeGreaterThanOrEqual(50);
        expect(land.occupancyPct).toBeLessThanOrEqual(90);
      } else if (z.properties.status === 'planned' || z.properties.status === 'revoked') {
        expect(land.leasedHa).toBe(0);
      } else {
        expect(land.occupancyPct ?? 0).toBeLessThanOrEqual(45);
      }
    }
    expect(ds.plots.every((p) => p.properties.accuracy === 'approximate')).toBe(true);
  });

  it('uses a simple, counter-clockwise outline of Vietnam', () => {
    const ring = [...VIETNAM_OUTLINE];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(booleanClockwise(ring)).toBe(false);
    expect(kinks(polygon([ring])).features).toEqual([]);
    // Roughly the country's land area (about 331,000 km²).
    expect(areaHa(polygon([ring]).geometry) / 100).toBeGreaterThan(250_000);
    expect(areaHa(polygon([ring]).geometry) / 100).toBeLessThan(420_000);
  });

  it('splits plots in proportion, exactly, at least one each', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [5, 1, 1]).reduce((a, b) => a + b)).toBe(7);
    expect(apportion(7, [5, 1, 1]).every((n) => n >= 1)).toBe(true);
    expect(apportion(2, [1, 1, 1]).reduce((a, b) => a + b)).toBe(2);
  });

  it('writes the five files from the command line, and they pass geodata:check', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iz-atlas-synth-'));
    try {
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'geodata/synth/cli.ts', '--zones', '8', '--plots', '120', '--seed', '4', '--out', dir], { cwd: ROOT });
      expect(stdout).toMatch(/8 zones .*120 plots, seed 4/);
      expect(await checkDir(dir)).toEqual([]);
      const again = datasetFiles(generateNational({ zones: 8, plots: 120, seed: 4 }));
      expect(await readFile(join(dir, 'plots.geojson'), 'utf8')).toBe(again['plots.geojson']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
