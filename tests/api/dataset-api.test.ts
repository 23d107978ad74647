import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneHistory } from '../../geodata/api.ts';
import { loadDataset } from '../../geodata/load.ts';
import type { ProvinceIndicator } from '../../geodata/schema.ts';
import { datasetFiles, generateNational } from '../../geodata/synth/generate.ts';
import type { Tour } from '../../geodata/targets.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { prepareDatabase } from '../../server/db/open.ts';
import { openPglite } from '../../server/db/pglite.ts';

/**
 * The leaders' yearly figures and tour come from the configured dataset through the API, not from
 * Bắc Kạn's files: with another GEODATA, the answers are that dataset's.
 */
const GROWTH: ProvinceIndicator = {
  indicator: 'industry_value_added_growth_pct',
  label: { vi: 'Tăng trưởng công nghiệp (thử)', en: 'Industrial growth (test)' },
  unit: '%',
  year: 2024,
  value: 42.5,
  sourceId: null,
};

async function appOver(dir: string): Promise<{ db: Database; app: App }> {
  const db = await openPglite({ memory: true });
  await prepareDatabase(db, () => loadDataset(dir));
  return { db, app: createApp({ db, geodataDir: dir }) };
}

let dir: string;
let bare: string;
let withFiles: { db: Database; app: App };
/** The same database, with a dataset folder that has no tour.json. */
let without: App;
let tour: Tour;
beforeAll(async () => {
  const ds = generateNational({ zones: 4, plots: 24, seed: 7 });
  ds.yearly = {
    province: [{ ...GROWTH, year: 2025, value: 7.5 }, GROWTH],
    zones: [{ zoneId: ds.zones[0]!.properties.id, date: '2023', status: null, occupancyPct: 12, infraProgressPct: null, sourceId: ds.sources[0]!.id }],
  };
  tour = {
    title: { vi: 'Chuyến tham quan thử', en: 'A test tour' },
    stops: [{ target: ds.zones[0]!.properties.id, caption: { vi: 'Điểm một', en: 'Stop one' }, figures: ['occupancy'] }],
  };
  dir = await mkdtemp(join(tmpdir(), 'iz-atlas-dataset-'));
  bare = await mkdtemp(join(tmpdir(), 'iz-atlas-dataset-bare-'));
  for (const [name, text] of Object.entries(datasetFiles(ds))) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'tour.json'), JSON.stringify(tour));
  for (const [name, text] of Object.entries(datasetFiles(ds))) await writeFile(join(bare, name), text);
  withFiles = await appOver(dir);
  without = createApp({ db: withFiles.db, geodataDir: bare });
}, 120_000);
afterAll(async () => {
  await withFiles?.db.close();
  await rm(dir, { recursive: true, force: true });
  await rm(bare, { recursive: true, force: true });
});

describe('another GEODATA', () => {
  it("serves that dataset's yearly province series, oldest first, not Bắc Kạn's", async () => {
    const res = await withFiles.app.request('/api/yearly');
    expect(res.status).toBe(200);
    const { province } = (await res.json()) as { province: ProvinceIndicator[] };
    expect(province.map((p) => [p.year, p.value])).toEqual([
      [2024, 42.5],
      [2025, 7.5],
    ]);
  });

  it("serves that dataset's tour, and its zones' yearly figures in the history", async () => {
    const res = await withFiles.app.request('/api/tour');
    expect(res.status).toBe(200);
    // The file's tour, each stop with the figures it described at seed (the tour editor compares with them).
    expect(await res.json()).toEqual({ ...tour, stops: tour.stops.map((s) => ({ ...s, figuresAtSave: expect.objectContaining({ occupancyPct: null }) })) });
    const { zones } = (await (await withFiles.app.request('/api/history')).json()) as { zones: ZoneHistory[] };
    expect(zones).toHaveLength(4);
    expect(zones.flatMap((h) => h.points).map((p) => [p.date, p.occupancyPct])).toEqual([['2023', 12]]);
  });

  it('has no tour and no targets when the dataset brings none: nothing of Bắc Kạn shows instead', async () => {
    expect((await without.request('/api/tour')).status).toBe(404);
    expect((await without.request('/api/targets')).status).toBe(404);
  });
});
