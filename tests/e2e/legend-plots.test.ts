/**
 * The legend explains what the map draws. Presenting a zone and zooming in until its plots are
 * drawn (coloured by status, a schematic layout marked in words on the zone), the legend leads
 * with the plot statuses and that mark, not with the zones' occupancy colours the plots now
 * cover; zooming back out, the occupancy colours return.
 */
import { centroid } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import type { Tour } from '../../geodata/targets.ts';
import { PLOT_STATUSES, PLOT_STATUS_LABELS } from '../../geodata/vocabulary.ts';
import { translate } from '../../client/i18n/strings.ts';
import { LAYERS, PLOTS_MIN_ZOOM } from '../../client/map/style/ids.ts';
import { MODE_RAMP } from '../../client/map/style/symbology.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, jumpToAndIdle, legend, mapCanvas, openAtlas, zoomMapWithKeys } from './driver.ts';
import { harnessWithZonesForFile, waitForIdle } from './harness.ts';

const { h } = await harnessWithZonesForFile();

const zoom = (page: Page) => page.evaluate(() => window.__izAtlasMap!.getZoom());
const plotsOnScreen = (page: Page) => page.evaluate((layer) => window.__izAtlasMap!.queryRenderedFeatures({ layers: [layer] }).length, LAYERS.plotsFill);
/** The first colour band of the occupancy ramp, as the legend writes it ("0–20 %"). */
const firstBand = `${MODE_RAMP.occupancy.breaks[0]}–${MODE_RAMP.occupancy.breaks[1]} %`;

describe.skipIf(!chromiumPath())('the legend follows what the map draws', () => {
  it.each(['vi', 'en'] as const)('presenting a zone at plot zoom: plot statuses and the schematic mark (%s)', async (lang) => {
    const tour = (await (await fetch(`${h!.url}api/tour`)).json()) as Tour;
    const atlas = await openAtlas(h!, lang === 'en' ? '#lang=en' : '', { viewport: { width: 1280, height: 720 } });
    const { page } = atlas;
    const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
    await page.getByTestId('open-presentation').click();
    await page.locator('.presentation-card').waitFor();
    const box = legend(page);
    // At the province the zones' occupancy colours are what is drawn.
    expect(await box.getByText(firstBand, { exact: true }).isVisible()).toBe(true);

    // The first zone stop, then in until its plots are drawn (from the keyboard, on the map).
    const stop = tour.stops.findIndex((s) => s.target !== 'province');
    const target = (await (await fetch(`${h!.url}api/zones/${tour.stops[stop]!.target}`)).json()) as ZoneApiFeature;
    const centre = centroid(target).geometry.coordinates as [number, number];
    for (let k = 0; k < stop; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('stop-number').textContent()).toContain(String(stop + 1));
    await mapCanvas(page).focus();
    // The stop's flight may still be under way: zoom in again until it has settled at plot zoom.
    await expect
      .poll(
        async () => {
          await page.waitForFunction(() => !window.__izAtlasMap!.isMoving(), undefined, { timeout: 15_000 });
          if ((await zoom(page)) < PLOTS_MIN_ZOOM + 0.3) await zoomMapWithKeys(page, PLOTS_MIN_ZOOM + 0.5);
          await waitForIdle(page);
          // Zoomed in about the screen's middle, the zone may lie beside the screen (the caption card
          // pads the stop's frame upwards): the reader moves the map back over it, at that zoom.
          if ((await plotsOnScreen(page)) === 0) await jumpToAndIdle(page, centre, await zoom(page));
          return plotsOnScreen(page);
        },
        { timeout: 45_000 },
      )
      .toBeGreaterThan(0);

    await expect.poll(() => box.getByRole('heading').textContent()).toBe(t('legendPlotStatus'));
    for (const s of PLOT_STATUSES) expect(await box.getByText(PLOT_STATUS_LABELS[s][lang], { exact: true }).isVisible(), s).toBe(true);
    expect(await box.getByText(t('confMapSchematic'), { exact: true }).isVisible()).toBe(true);
    // The zones' colours the plots cover are folded away, not shown as if they were drawn.
    expect(await box.getByText(firstBand, { exact: true }).isVisible()).toBe(false);
    await page.screenshot({ path: `/tmp/shots/words7/legend-plot-zoom-${lang}.png` });

    // Back out past the plot zoom: the occupancy colours lead again.
    for (let i = 0; i < 8 && (await zoom(page)) >= PLOTS_MIN_ZOOM - 0.5; i++) {
      await mapCanvas(page).press('-');
      await page.waitForFunction(() => !window.__izAtlasMap!.isMoving());
    }
    await expect.poll(() => box.getByText(firstBand, { exact: true }).isVisible()).toBe(true);
    expect(await box.getByRole('heading').textContent()).toBe(t('occupancy'));
    await closeAtlas(atlas);
  });
});
