/**
 * A planner uploads a VN-2000 / TM-3 Shapefile of CCN Vằng Mười's plot layout in which two plots
 * are leased: the check draws the file over the map (in the leased colour) with its report and
 * writes nothing; "Import" commits it, and the zone's occupancy is recomputed from the new plots.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { formatPct } from '../../client/i18n/strings.ts';
import { markedFigure } from '../../client/lib/confidence-text.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { PLOT_STATUS_COLORS } from '../../client/map/style/symbology.ts';
import { createUser } from '../../server/domain/users.ts';
import { runImport } from '../../server/import/index.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';
import { chromiumPath } from './browser.ts';
import { checkImport, closeAtlas, openAtlas, openDataExport, openImportFromZone, signIn, vi, zoneOccupancy } from './driver.ts';
import { colorDistance, hexToRgb, pixelAt, startHarness, waitForIdle, waitForRendered, type Harness } from './harness.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const SHAPEFILE = `${FIXTURES}vang-muoi-leased-9213.zip`;
const ZONE = 'ccn-vang-muoi';
const LEASED_PLOT = 'ccn-vang-muoi-cn-01';
const USER = { username: 'planner1', password: 'a-long-test-password-42' };

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (h) await createUser(h.db, { username: USER.username, role: 'planner', password: USER.password });
});
afterAll(() => h?.close());

const getJson = async <T,>(path: string) => (await (await fetch(h!.url + path)).json()) as T;
const occupancy = async () => (await getJson<ZoneApiFeature>(`api/zones/${ZONE}`)).properties.land.occupancyPct;

describe.skipIf(!chromiumPath())('planner imports a plot layout from a VN-2000 Shapefile', () => {
  it('checks, previews on the map, commits, sees the occupancy recomputed, and exports it back', { timeout: 240_000 }, async () => {
    const source = JSON.parse(readFileSync(`${FIXTURES}plots-vang-muoi-leased.geojson`, 'utf8')) as FeatureCollection<Polygon, { id: string }>;
    const leasedPoint = pointOnFeature(source.features.find((f) => f.properties.id === LEASED_PLOT)!).geometry.coordinates as [number, number];
    const before = await occupancy();
    expect(before).toBe(0);

    const atlas = await openAtlas(h!, `#zone=${ZONE}`, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page } = atlas;
    await signIn(page, USER);

    // From the zone's panel to the upload panel, with the zone chosen.
    const panel = await openImportFromZone(page);
    await expect.poll(() => panel.getByTestId('import-zone').inputValue(), { timeout: 30_000 }).toBe(ZONE);

    // A Shapefile without its .prj: a clear message, nothing drawn; naming the CRS gets it through.
    await checkImport(panel, `${FIXTURES}bad/no-prj.zip`);
    await expect.poll(() => panel.getByTestId('import-error').textContent(), { timeout: 30_000 }).toContain(vi('imReason_no_crs'));
    expect(await panel.getByTestId('import-commit').count()).toBe(0);
    await panel.getByTestId('import-crs-choice').selectOption('EPSG:9213');
    await panel.getByTestId('import-check').click();
    await expect.poll(() => panel.getByTestId('import-report').getByTestId('import-crs').textContent(), { timeout: 30_000 }).toContain('EPSG:9213');
    expect(await panel.getByTestId('import-error').count()).toBe(0);

    // The real file, whose .prj says its CRS.
    await checkImport(panel, SHAPEFILE, '');

    // The report: the CRS read from the .prj, eight valid plots, nothing wrong, what would change.
    const report = panel.getByTestId('import-report');
    await expect.poll(() => report.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await report.getByTestId('import-crs').textContent()).toContain('EPSG:9213');
    expect(await report.getByTestId('import-counts').textContent()).toBe(vi('imCounts', { features: 8, accepted: 8, errors: 0, warnings: 0, repaired: 0 }));
    expect(await report.getByTestId('import-changes').textContent()).toContain(vi('imWouldReplace', { zone: '', before: 8, after: 8 }).replace(/^: /, ''));

    // The preview is on the map, the leased plot in the leased colour; the database is untouched.
    await waitForRendered(page, [LAYERS.importFill]);
    await waitForIdle(page);
    const previewIds = await page.evaluate((l) => [...new Set(window.__izAtlasMap!.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties.id))], LAYERS.importFill);
    expect(previewIds.sort()).toEqual(source.features.map((f) => f.properties.id).sort());
    await expect.poll(async () => colorDistance(await pixelAt(page, leasedPoint), hexToRgb(PLOT_STATUS_COLORS.leased))).toBeLessThanOrEqual(14);
    expect(await occupancy()).toBe(0);
    const stored = await getJson<PlotCollection>(`api/zones/${ZONE}/plots`);
    expect(stored.features.find((p) => p.id === LEASED_PLOT)?.properties.status).toBe('available');

    // Commit: the preview gives way to the stored plots, now leased.
    await panel.getByTestId('import-commit').click();
    await expect.poll(() => panel.getByTestId('import-done').textContent(), { timeout: 30_000 }).toContain(vi('imDone', { n: 8, name: '' }).split(' từ ')[0]!);
    const after = await occupancy();
    expect(after).toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate((l) => window.__izAtlasMap!.queryRenderedFeatures({ layers: [l] }).length, LAYERS.importFill), { timeout: 30_000 })
      .toBe(0);
    await expect
      .poll(() =>
        page.evaluate(
          ([l, id]) => window.__izAtlasMap!.queryRenderedFeatures({ layers: [l] }).find((f) => f.properties.id === id)?.properties.status,
          [LAYERS.plotsFill, LEASED_PLOT] as const,
        ),
      { timeout: 30_000 })
      .toBe('leased');
    await waitForIdle(page);
    expect(colorDistance(await pixelAt(page, leasedPoint), hexToRgb(PLOT_STATUS_COLORS.leased))).toBeLessThanOrEqual(6);

    // The zone's panel shows the occupancy computed from the imported plots.
    await panel.getByTestId('import-done').getByRole('button', { name: /Vằng Mười/ }).click();
    // The figure carries its confidence class, as the API classes it (bare when sourced).
    const imported = (await getJson<ZoneApiFeature>(`api/zones/${ZONE}`)).properties.confidence.occupancy;
    await expect.poll(() => zoneOccupancy(page).textContent(), { timeout: 30_000 }).toBe(markedFigure('vi', formatPct('vi', after, vi('noData')), imported));

    // And back out: the zone's plots as a VN-2000 / TM-3 Shapefile, which imports cleanly again.
    const exporter = await openDataExport(page);
    expect(await exporter.getByTestId('export-scope-zone').isChecked()).toBe(true);
    await exporter.getByTestId('export-format').selectOption('shp');
    await exporter.getByTestId('export-crs').selectOption('EPSG:9213');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), exporter.getByTestId('export-download').click()]);
    const bytes = readFileSync(await download.path());
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const back = await runImport(h!.db, { bytes, fileName: download.suggestedFilename(), layer: 'plots', zone: ZONE, dryRun: true, user: { id: 0, username: 'test', role: 'planner' } });
    expect(back.report.crs.code).toBe('EPSG:9213');
    expect(back.report.counts).toMatchObject({ features: 8, accepted: 8, errors: 0 });
    const statuses = (fc: FeatureCollection) => Object.fromEntries(fc.features.map((f) => [f.properties!.id, f.properties!.status]));
    expect(statuses(back.preview)).toEqual(statuses((await getJson<PlotCollection>(`api/zones/${ZONE}/plots`)) as FeatureCollection));

    await closeAtlas(atlas);
  });

  it('reads the report of a file with every kind of problem in Vietnamese: no English sentence', { timeout: 120_000 }, async () => {
    const atlas = await openAtlas(h!, `#zone=${ZONE}`, { viewport: { width: 1280, height: 900 } });
    const { page } = atlas;
    await signIn(page, USER);
    const panel = await openImportFromZone(page);
    await expect.poll(() => panel.getByTestId('import-zone').inputValue(), { timeout: 30_000 }).toBe(ZONE);
    const file = `${FIXTURES}in/plots-every-problem.csv`;
    await checkImport(panel, file);
    // The same check run here, for the values the report quotes.
    const { report } = await runImport(h!.db, { bytes: new Uint8Array(readFileSync(file)), fileName: 'plots-every-problem.csv', layer: 'plots', zone: ZONE, dryRun: true, user: { id: 0, username: USER.username, role: 'planner' } });
    const shown = panel.getByTestId('import-report');
    await expect.poll(() => shown.getByTestId('import-issues').locator('li').count(), { timeout: 30_000 }).toBe(report.issues.length);
    await shown.getByText(vi('imNotes')).click();
    // What the file brings (ids, columns, values, the file's name) is data, not prose: cut out before the check.
    const data = [
      ...[...report.issues.map((i) => i.reason), ...report.notes.map((n) => n.reason), report.crs.reason].flatMap((r) => Object.values(r.params ?? {}).map(String)),
      ...report.issues.flatMap((i) => [i.id ?? '', i.field ?? '']),
      report.file.name ?? '', report.crs.name, report.crs.code, report.file.format.toUpperCase(), 'UTF-8',
    ];
    const text = await shown.locator('h3, h4, p, li, summary').allTextContents();
    expect(text.flatMap((line) => foreignText(withoutNames(line, data), 'vi', []))).toEqual([]);
    await closeAtlas(atlas);
  });
});
