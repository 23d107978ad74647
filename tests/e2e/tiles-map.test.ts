/**
 * The map with zones and plots from vector tiles (forced with ?tiles=1; the bundled data is small
 * enough for GeoJSON by default): the same colours, ids and highlights as the GeoJSON map, and
 * no download of the full plot list.
 */
import { centroid, pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContextCollection, PlotApiFeature, PlotCollection, ZoneApiFeature, ZoneCollection } from '../../geodata/api.ts';
import { findLand, NO_FILTERS } from '../../client/lib/land-search.ts';
import { translate } from '../../client/i18n/strings.ts';
import { LAYERS, SOURCES } from '../../client/map/style/ids.ts';
import { OCCUPANCY_RAMP, rampColor } from '../../client/map/style/symbology.ts';
import { chromiumPath } from './browser.ts';
import { plotHeading, plotTitle, zonePanel } from './driver.ts';
import { colorDistance, hexToRgb, pixelAt, startHarness, waitForIdle, waitForRendered, type Harness } from './harness.ts';

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe.skipIf(!chromiumPath())('the map from vector tiles', () => {
  it('draws Huyền Tụng from tiles in its occupancy colour, plots too, without loading the plot list', async () => {
    const ht = (await (await fetch(`${h!.url}api/zones/ccn-huyen-tung`)).json()) as ZoneApiFeature;
    const [lon, lat] = centroid(ht).geometry.coordinates as [number, number];
    const page = await h!.browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
    await page.goto(`${h!.url}?tiles=1#map=14/${lat}/${lon}`);
    await waitForRendered(page, [LAYERS.zonesFill]);
    await waitForIdle(page);

    const state = await page.evaluate(
      ({ zones, plots, fill }) => {
        const m = window.__izAtlasMap!;
        return {
          zonesType: m.getSource(zones)?.type,
          plotsType: m.getSource(plots)?.type,
          ids: m.queryRenderedFeatures({ layers: [fill] }).map((f) => f.properties.id as string),
        };
      },
      { zones: SOURCES.zones, plots: SOURCES.plots, fill: LAYERS.zonesFill },
    );
    expect(state.zonesType).toBe('vector');
    expect(state.plotsType).toBe('vector');
    expect(state.ids).toContain('ccn-huyen-tung');
    const expected = hexToRgb(rampColor(OCCUPANCY_RAMP, ht.properties.land.occupancyPct));
    expect(colorDistance(await pixelAt(page, [lon, lat], -6), expected)).toBeLessThanOrEqual(6);

    // Feature-state on a vector source (named with its source layer, as client/map/feature-states.ts
    // does): selection outlines the zone without resending data.
    await page.evaluate(({ zones }) => window.__izAtlasMap!.setFeatureState({ source: zones, sourceLayer: 'zones', id: 'ccn-huyen-tung' }, { selected: true }), { zones: SOURCES.zones });
    const selected = await page.evaluate(({ zones }) => window.__izAtlasMap!.getFeatureState({ source: zones, sourceLayer: 'zones', id: 'ccn-huyen-tung' }), { zones: SOURCES.zones });
    expect(selected).toMatchObject({ selected: true });

    await page.evaluate(() => window.__izAtlasMap!.jumpTo({ zoom: 16 }));
    await waitForRendered(page, [LAYERS.plotsFill]);
    const plotIds = await page.evaluate((l) => window.__izAtlasMap!.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties.zoneId as string), LAYERS.plotsFill);
    expect(plotIds).toContain('ccn-huyen-tung');

    expect(requests.some((r) => r.startsWith('/api/plots'))).toBe(false);
    expect(requests.some((r) => r.startsWith('/tiles/meta.json'))).toBe(true);

    // A click on a plot opens its panel: the plot is fetched on its own, the list never.
    await waitForIdle(page);
    const zonePlots = ((await (await fetch(`${h!.url}api/zones/ccn-huyen-tung/plots`)).json()) as { features: PlotApiFeature[] }).features;
    const candidates = zonePlots
      .filter((p) => p.properties.landUse === 'industrial')
      .map((p) => ({ id: p.id, code: p.properties.code, at: pointOnFeature(p).geometry.coordinates as [number, number] }));
    const target = await page.evaluate((cs) => {
      const m = window.__izAtlasMap!;
      const c = m.getContainer();
      const box = c.getBoundingClientRect();
      return (
        cs
          // project() is relative to the map's container, the mouse to the page.
          .map((t) => ({ ...t, p: { x: box.left + m.project(t.at).x, y: box.top + m.project(t.at).y } }))
          // Not under the stats bar, the legend or a control.
          .find((t) => document.elementFromPoint(t.p.x, t.p.y) === m.getCanvas()) ?? null
      );
    }, candidates);
    expect(target).not.toBeNull();
    const code = target!.code;
    await page.mouse.click(target!.p.x, target!.p.y);
    await expect.poll(() => plotTitle(page).textContent(), { timeout: 30_000 }).toBe(plotHeading(code));
    expect(requests.filter((r) => r.startsWith('/api/plots'))).toEqual([`/api/plots/${target!.id}`]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the export panel offers the same plots the find-land dock lists, though the map holds no plot list', async () => {
    const get = async <T,>(path: string) => (await (await fetch(`${h!.url}${path}`)).json()) as T;
    const [zones, plots, context] = await Promise.all([get<ZoneCollection>('api/zones'), get<PlotCollection>('api/plots'), get<ContextCollection>('api/context')]);
    const filters = { ...NO_FILTERS, minHa: 1 };
    const expected = findLand(plots.features, zones.features, context, filters).length;
    expect(expected).toBeGreaterThan(0);

    const page = await h!.browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h!.url}?tiles=1#find=1&f.minHa=1`);
    await waitForRendered(page, [LAYERS.zonesFill]);
    expect(await page.evaluate((s) => window.__izAtlasMap!.getSource(s)?.type, SOURCES.plots)).toBe('vector');
    // The dock lists the matches…
    const dock = page.getByTestId('find-land');
    await expect.poll(() => dock.getByTestId('find-count').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${expected} lô`));
    // …and the export panel, opened beside it, offers exactly those plots.
    await page.getByRole('banner').getByText(translate('vi', 'ldExport'), { exact: true }).click();
    await page.getByTestId('export-data').click();
    const exporter = page.getByTestId('data-export');
    await expect.poll(() => exporter.getByText(translate('vi', 'dxFound', { n: expected })).count(), { timeout: 30_000 }).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a zone's panel lists that zone's plots, though the map holds no plot list", async () => {
    const zoneId = 'ccn-vang-muoi';
    const plots = (await (await fetch(`${h!.url}api/zones/${zoneId}/plots`)).json()) as PlotCollection;
    expect(plots.features.length).toBeGreaterThan(0);
    const page = await h!.browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h!.url}?tiles=1#zone=${zoneId}`);
    await waitForRendered(page, [LAYERS.zonesFill]);
    expect(await page.evaluate((s) => window.__izAtlasMap!.getSource(s)?.type, SOURCES.plots)).toBe('vector');
    const list = zonePanel(page).getByRole('region', { name: translate('vi', 'plotList') });
    const codes = plots.features.map((p) => plotHeading(p.properties.code)).sort();
    await expect.poll(async () => (await list.getByRole('button').allTextContents()).map((t) => t.trim()).sort(), { timeout: 30_000 }).toEqual(codes);
    expect(errors).toEqual([]);
    await page.close();
  });
});
