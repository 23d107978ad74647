import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataset, checkDir, type CheckIssue } from '../../geodata/check.ts';
import { BAC_KAN_GEODATA_DIR, DEFAULT_GEODATA_DIR, loadDataset, THAI_NGUYEN_GEODATA_DIR } from '../../geodata/load.ts';
import { areaHa, summarizeLand } from '../../geodata/metrics.ts';
import type { Dataset, PlotFeature, ZoneFeature } from '../../geodata/schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

let bundled: Dataset;
beforeAll(async () => {
  bundled = await loadDataset(BAC_KAN_GEODATA_DIR);
});

/** Checks a copy of the bundled data after `mutate` has broken it. */
function issuesAfter(mutate: (ds: Dataset) => void): CheckIssue[] {
  const ds = structuredClone(bundled);
  mutate(ds);
  return checkDataset(ds);
}

const zone = (ds: Dataset, id: string): ZoneFeature => {
  const z = ds.zones.find((f) => f.properties.id === id);
  if (!z) throw new Error(`no zone ${id}`);
  return z;
};
const plot = (ds: Dataset, id: string): PlotFeature => {
  const p = ds.plots.find((f) => f.properties.id === id);
  if (!p) throw new Error(`no plot ${id}`);
  return p;
};
const ring = (f: ZoneFeature | PlotFeature) => {
  if (f.geometry.type !== 'Polygon') throw new Error('expected a Polygon');
  return f.geometry.coordinates[0]!;
};

const issue = (file: string, featureId: string, problem: RegExp) =>
  expect.arrayContaining([expect.objectContaining({ file, featureId, problem: expect.stringMatching(problem) })]);

describe('bundled data of the Bắc Kạn region', () => {
  it('passes every check', () => {
    expect(checkDataset(bundled)).toEqual([]);
  });

  it('has the thirteen zones the other modules rely on', () => {
    expect(bundled.zones.map((z) => z.properties.id).sort()).toEqual(
      [
        'kcn-thanh-binh-1',
        'kcn-thanh-binh-2',
        'kcn-cho-moi-3',
        'kcn-cho-moi-4',
        'kcn-cho-moi-5',
        'kcn-bach-thong',
        'ccn-huyen-tung',
        'ccn-vang-muoi',
        'ccn-nam-bang-lung',
        'ccn-quang-chu',
        'ccn-cam-giang',
        'ccn-thanh-thinh',
        'ccn-chu-huong',
      ].sort(),
    );
  });

  it('keeps the sourced totals in its schematic layouts', () => {
    const land = (zoneId: string) =>
      summarizeLand(
        bundled.plots.filter((p) => p.properties.zoneId === zoneId).map((p) => ({ ...p.properties, areaHa: areaHa(p.geometry) })),
      );
    expect(land('kcn-thanh-binh-1').notDevelopedHa).toBeCloseTo(13.89, 1);
    expect(land('kcn-thanh-binh-1').developedOccupancyPct).toBe(100);
    expect(land('ccn-huyen-tung').occupancyPct).toBe(100);
    for (const id of ['ccn-vang-muoi', 'ccn-nam-bang-lung', 'ccn-cam-giang']) expect(land(id).leasedHa).toBe(0);
  });

  it('offers an available leasable plot of at least 2 ha to investors', () => {
    const big = bundled.plots.filter(
      (p) =>
        p.properties.status === 'available' &&
        (p.properties.landUse === 'industrial' || p.properties.landUse === 'service') &&
        areaHa(p.geometry) >= 2,
    );
    expect(big.map((p) => p.properties.zoneId)).toEqual(expect.arrayContaining(['ccn-nam-bang-lung']));
  });
});

describe('checkDataset on a broken copy', () => {
  it('detects swapped lat/lon', () => {
    const issues = issuesAfter((ds) => {
      const z = zone(ds, 'ccn-huyen-tung');
      if (z.geometry.type === 'Polygon') z.geometry.coordinates[0] = ring(z).map(([lon, lat]) => [lat!, lon!]);
    });
    expect(issues).toEqual(issue('zones.geojson', 'ccn-huyen-tung', /swapped/));
  });

  it('detects an unclosed ring', () => {
    const issues = issuesAfter((ds) => void ring(plot(ds, 'ccn-huyen-tung-cn-01')).pop());
    expect(issues).toEqual(issue('plots.geojson', 'ccn-huyen-tung-cn-01', /not closed/));
  });

  it('detects a clockwise exterior ring', () => {
    const issues = issuesAfter((ds) => void ring(zone(ds, 'kcn-thanh-binh-1')).reverse());
    expect(issues).toEqual(issue('zones.geojson', 'kcn-thanh-binh-1', /exterior ring is clockwise/));
  });

  it('detects a self-intersecting (bow-tie) polygon', () => {
    const issues = issuesAfter((ds) => {
      const p = plot(ds, 'ccn-vang-muoi-cn-02');
      const xs = ring(p).map((c) => c[0]!);
      const ys = ring(p).map((c) => c[1]!);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      p.geometry.coordinates = [[[x0, y0], [x1, y1], [x1, y0], [x0, y1], [x0, y0]]];
    });
    expect(issues).toEqual(issue('plots.geojson', 'ccn-vang-muoi-cn-02', /self-intersects/));
  });

  it('detects a plot outside its zone', () => {
    const issues = issuesAfter((ds) => {
      const p = plot(ds, 'ccn-nam-bang-lung-cn-02');
      p.geometry.coordinates = [ring(p).map(([lon, lat]) => [lon! + 0.01, lat!])];
    });
    expect(issues).toEqual(issue('plots.geojson', 'ccn-nam-bang-lung-cn-02', /not inside its zone ccn-nam-bang-lung/));
  });

  it('detects overlapping plots', () => {
    const issues = issuesAfter((ds) => {
      plot(ds, 'ccn-cam-giang-cn-02').geometry = structuredClone(plot(ds, 'ccn-cam-giang-cn-01').geometry);
    });
    expect(issues).toEqual(issue('plots.geojson', 'ccn-cam-giang-cn-02', /overlaps plot ccn-cam-giang-cn-01/));
  });

  it('detects a feature outside the province', () => {
    const issues = issuesAfter((ds) => {
      const z = zone(ds, 'kcn-cho-moi-5');
      z.geometry.coordinates = [ring(z).map(([lon, lat]): [number, number] => [lon! - 0.5, lat!])];
    });
    expect(issues).toEqual(issue('zones.geojson', 'kcn-cho-moi-5', /outside the province outline/));
  });

  it('detects a duplicate id', () => {
    const issues = issuesAfter((ds) => {
      ds.plots[1]!.properties.id = ds.plots[0]!.properties.id;
    });
    expect(issues).toEqual(issue('plots.geojson', bundled.plots[0]!.properties.id, /duplicate id/));
  });

  it('detects a plot whose land use does not allow its status (the shared rule edits and imports obey)', () => {
    const green = bundled.plots.find((f) => f.properties.landUse === 'green')!.properties.id;
    const issues = issuesAfter((ds) => {
      plot(ds, green).properties.status = 'available';
    });
    expect(issues).toEqual(issue('plots.geojson', green, /green land is available: Infrastructure and green land can only be reserved or not developed/));
  });

  it('detects an unknown sourceId, wherever it is', () => {
    const issues = issuesAfter((ds) => {
      zone(ds, 'ccn-huyen-tung').properties.tenants[0]!.sourceId = 'no-such-source';
      ds.yearly.province[0]!.sourceId = 'also-missing';
    });
    expect(issues).toEqual(issue('zones.geojson', 'ccn-huyen-tung', /unknown sourceId "no-such-source" at tenants\[0\]\.sourceId/));
    expect(issues).toEqual(issue('yearly.json', bundled.yearly.province[0]!.indicator, /unknown sourceId "also-missing"/));
  });

  it('detects an occupancy claim the plots do not support', () => {
    const issues = issuesAfter((ds) => {
      const p = plot(ds, 'ccn-huyen-tung-cn-02');
      p.properties.status = 'available';
      p.properties.tenant = null;
    });
    expect(issues).toEqual(issue('zones.geojson', 'ccn-huyen-tung', /occupancyClaim 100 % \(industrial_land\) disagrees/));
  });

  it('holds the developed-land claim of Thanh Bình I to its plots', () => {
    const issues = issuesAfter((ds) => {
      plot(ds, 'kcn-thanh-binh-1-cn-06').properties.status = 'available';
    });
    expect(issues).toEqual(issue('zones.geojson', 'kcn-thanh-binh-1', /\(developed_land\) disagrees/));
  });

  it('detects a drawn area far from the stated one, and layout flags that disagree with the plots', () => {
    const issues = issuesAfter((ds) => {
      zone(ds, 'ccn-chu-huong').properties.totalAreaHa.value = 30;
      zone(ds, 'ccn-thanh-thinh').properties.hasLayout = true;
      zone(ds, 'ccn-cam-giang').properties.hasLayout = false;
    });
    expect(issues).toEqual(issue('zones.geojson', 'ccn-chu-huong', /not within 5 % of totalAreaHa 30/));
    expect(issues).toEqual(issue('zones.geojson', 'ccn-thanh-thinh', /hasLayout is true but no plots/));
    expect(issues).toEqual(issue('plots.geojson', 'ccn-cam-giang-cn-01', /hasLayout false/));
  });
});

describe('checkDataset: every figure true to a dated source', () => {
  it('detects a source with neither a date nor an "undated" reason', () => {
    const issues = issuesAfter((ds) => {
      delete ds.sources.find((s) => s.id === 'bqlkcn-109')!.undated;
    });
    expect(issues).toEqual(issue('sources.json', 'bqlkcn-109', /no date and no "undated" reason/));
  });

  it('detects a number without a source and an unknown without a reason', () => {
    const issues = issuesAfter((ds) => {
      const row = ds.yearly.province.find((r) => r.value !== null)!;
      row.sourceId = null;
      const unknown = ds.yearly.province.find((r) => r.value === null)!;
      delete unknown.note;
      delete zone(ds, 'ccn-quang-chu').properties.industrialLandHa.note;
    });
    expect(issues).toEqual(issue('yearly.json', expect.any(String) as unknown as string, /without a source/));
    expect(issues).toEqual(issue('yearly.json', expect.any(String) as unknown as string, /null without a reason/));
    expect(issues).toEqual(issue('zones.geojson', 'ccn-quang-chu', /industrialLandHa is null without a reason/));
  });

  it('detects a figure, a status event and a snapshot dated after their source', () => {
    const issues = issuesAfter((ds) => {
      const tb1 = zone(ds, 'kcn-thanh-binh-1').properties;
      tb1.occupancyClaim!.asOf = '2023-12-31';
      tb1.statusHistory[1]!.sourceId = 'lforum-2023';
      tb1.statusHistory[1]!.date = '2024';
      const snap = ds.yearly.zones.find((s) => s.zoneId === 'ccn-huyen-tung' && s.sourceId === 'congdoan-936096')!;
      snap.date = '2025-12-31';
    });
    expect(issues).toEqual(issue('zones.geojson', 'kcn-thanh-binh-1', /occupancyClaim is dated 2023-12-31, after its source "lforum-2023" \(2023-04-30\)/));
    expect(issues).toEqual(issue('zones.geojson', 'kcn-thanh-binh-1', /status event "operating" is dated 2024, after its source "lforum-2023"/));
    expect(issues).toEqual(issue('yearly.json', 'ccn-huyen-tung', /snapshot 2025-12-31 postdates its source "congdoan-936096" \(2025-05\)/));
  });

  it('detects "basically complete" recorded as a percentage', () => {
    const issues = issuesAfter((ds) => {
      zone(ds, 'ccn-huyen-tung').properties.infrastructure[0]!.progressPct = 100;
    });
    expect(issues).toEqual(issue('zones.geojson', 'ccn-huyen-tung', /"basically complete" yet carries 100 %/));
  });

  it('detects a schematic layout that could feed a headline figure (its source not marked schematic)', () => {
    const issues = issuesAfter((ds) => {
      delete ds.sources.find((s) => s.id === 'iz-atlas-schematic-layout')!.schematic;
    });
    expect(issues).toEqual(issue('plots.geojson', 'kcn-thanh-binh-1-cn-01', /not marked schematic: its invented hectares would become the zone's headline/));
  });

  it('detects a zone outside the former province its record names', () => {
    const issues = issuesAfter((ds) => {
      const z = zone(ds, 'kcn-cho-moi-5');
      z.geometry.coordinates = [ring(z).map(([lon, lat]): [number, number] => [lon!, lat! - 0.3])];
    });
    expect(issues).toEqual(issue('zones.geojson', 'kcn-cho-moi-5', /lies outside Tỉnh Bắc Kạn \(cũ\), the former province its record names/));
  });

  it('detects a zone whose old address names another former province than its commune\'s region', () => {
    const issues = issuesAfter((ds) => {
      zone(ds, 'kcn-thanh-binh-1').properties.addressOld = { commune: 'xã Thanh Thịnh', district: 'huyện Chợ Mới', province: 'Thái Nguyên' };
    });
    expect(issues).toEqual(issue('zones.geojson', 'kcn-thanh-binh-1', /lies in a commune of former Bắc Kạn, but its old address names the province Thái Nguyên/));
  });
});

describe('bundled data of the Thái Nguyên region, and of the whole province', () => {
  it('the region passes every check on its own', async () => {
    expect(await checkDir(THAI_NGUYEN_GEODATA_DIR)).toEqual([]);
  }, 60_000);

  it('a problem in one region names its directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iz-atlas-province-'));
    try {
      await cp(BAC_KAN_GEODATA_DIR, join(dir, 'bac-kan'), { recursive: true });
      await cp(THAI_NGUYEN_GEODATA_DIR, join(dir, 'thai-nguyen'), { recursive: true });
      await mkdir(join(dir, 'province'));
      await cp(join(DEFAULT_GEODATA_DIR, 'dataset.json'), join(dir, 'province', 'dataset.json'));
      const file = join(dir, 'thai-nguyen', 'zones.geojson');
      const fc = JSON.parse(await readFile(file, 'utf8'));
      fc.features[0].properties.kind = 'park';
      await writeFile(file, JSON.stringify(fc));
      expect(await checkDir(join(dir, 'province'))).toEqual(issue('thai-nguyen/zones.geojson', 'kcn-yen-binh', /^schema: feature 0: properties\.kind/));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('loading and the CLI on a broken directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iz-atlas-geodata-'));
    await cp(BAC_KAN_GEODATA_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const edit = async (file: string, change: (json: any) => void) => {
    const json = JSON.parse(await readFile(join(dir, file), 'utf8'));
    change(json);
    await writeFile(join(dir, file), JSON.stringify(json));
  };
  const cli = (target: string) =>
    run('npx', ['tsx', 'geodata/check-cli.ts', target], { cwd: ROOT }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  it('exits 0 with a summary on the bundled data: the whole province, the 13 zones of the Bắc Kạn region and those of the Thái Nguyên region', async () => {
    const thaiNguyen = (await loadDataset(THAI_NGUYEN_GEODATA_DIR)).zones.length;
    const { code, stdout } = await cli(DEFAULT_GEODATA_DIR);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`${13 + thaiNguyen} zones, \\d+ plots, \\d+ context features, \\d+ sources`));
  }, 60_000);

  it('exits 1 and names the file and feature of a check failure', async () => {
    await edit('zones.geojson', (fc) => {
      const z = fc.features.find((f: any) => f.properties.id === 'ccn-vang-muoi');
      z.properties.totalAreaHa.sourceId = 'missing-source';
    });
    const { code, stdout } = await cli(dir);
    expect(code).toBe(1);
    expect(stdout).toContain('zones.geojson: ccn-vang-muoi: unknown sourceId "missing-source" at totalAreaHa.sourceId');
  }, 60_000);

  it('reports schema errors with file, feature index, id and path', async () => {
    await edit('plots.geojson', (fc) => {
      fc.features[2].properties.landUse = 'factory';
    });
    const id = bundled.plots[2]!.properties.id;
    await expect(loadDataset(dir)).rejects.toThrow(`plots.geojson: feature 2 (${id}): properties.landUse`);
    expect(await checkDir(dir)).toEqual(issue('plots.geojson', id, /^schema: feature 2: properties\.landUse/));

    const { code, stdout } = await cli(dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`plots.geojson: ${id}: schema: feature 2: properties.landUse`);
  }, 60_000);
});
