/**
 * Online basemaps, end to end, against a tile service this test runs on loopback: nothing is
 * asked of it until the user picks it; then its tiles are requested and drawn under the zones,
 * and its credit is in the attribution. Once the service stops, new tiles fail, the switch says
 * so, and the map is back on the offline basemap with the zones still drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BasemapService } from '../../geodata/basemaps.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { ADMIN, BASEMAP } from '../../client/map/style/symbology.ts';
import { chromiumPath } from './browser.ts';
import { basemapButton, basemapMenu, basemapNotice, chooseBasemap, closeAtlas, mapAttribution, openAtlas, vi } from './driver.ts';
import { loopbackBasemap, startTileServer, type TileServer } from './basemap-tile-server.ts';
import { colorDistance, hexToRgb, pixelAt, startHarness, waitForIdle, waitForRendered, type Harness } from './harness.ts';

/** A colour nothing else on the map uses: where it shows, the test's tiles are drawn. */
const TILE_RGB: [number, number, number] = [255, 0, 255];

let tiles: TileServer;
let h: Harness | null;
let service: BasemapService;
beforeAll(async () => {
  tiles = await startTileServer(TILE_RGB);
  service = loopbackBasemap(tiles);
  h = await startHarness({ basemaps: [service] });
});
afterAll(async () => {
  await h?.close();
  await tiles.stop();
});

/** Share of the map canvas's pixels within a few levels of `rgb`, read inside a fresh frame. */
function shareOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    (want) =>
      new Promise<number>((resolve) => {
        const m = window.__izAtlasMap!;
        m.once('render', () => {
          const src = m.getCanvas();
          const c = document.createElement('canvas');
          c.width = src.width;
          c.height = src.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(src, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let hit = 0;
          let all = 0;
          for (let i = 0; i < d.length; i += 4 * 7) {
            all++;
            if (Math.abs(d[i]! - want[0]!) <= 6 && Math.abs(d[i + 1]! - want[1]!) <= 6 && Math.abs(d[i + 2]! - want[2]!) <= 6) hit++;
          }
          resolve(hit / all);
        });
        m.triggerRepaint();
      }),
    rgb,
  );
}

/** Where a cluster bubble is drawn at this view (lon/lat of the first one rendered). */
const aBubble = (page: Page) =>
  page.evaluate((layer) => {
    const f = window.__izAtlasMap!.queryRenderedFeatures({ layers: [layer] })[0]!;
    return (f.geometry as GeoJSON.Point).coordinates as [number, number];
  }, LAYERS.clusters);

describe.skipIf(!chromiumPath())('online basemaps', () => {
  it('draws a picked tile service under the zones with its credit, and falls back to the offline map when it stops', async () => {
    const atlas = await openAtlas(h!, '', { allowOrigins: [tiles.origin] });
    const { page } = atlas;
    await waitForIdle(page);
    // Offline by default: the configured service is offered, never asked.
    await expect.poll(() => basemapButton(page).count()).toBe(1);
    expect(tiles.requests()).toBe(0);
    expect(await shareOf(page, TILE_RGB)).toBe(0);

    // The page's Content-Security-Policy names the service's origin, no wildcard.
    const csp = (await page.request.get(h!.url)).headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(new RegExp(`img-src [^;]*${tiles.origin.replace(/[.:/]/g, '\\$&')}`));
    expect(csp).toMatch(new RegExp(`connect-src [^;]*${tiles.origin.replace(/[.:/]/g, '\\$&')}`));
    expect(csp).not.toMatch(/img-src[^;]*\*/);

    await chooseBasemap(page, service.name.vi);
    await expect.poll(() => tiles.requests(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Drawn: much of the canvas (where no zone, label or outline is) takes the tiles' colour.
    await expect.poll(() => shareOf(page, TILE_RGB), { timeout: 20_000 }).toBeGreaterThan(0.3);
    await expect.poll(() => mapAttribution(page).textContent()).toContain(service.attribution);
    // The zones stay drawn above the basemap: a bubble is not the tiles' colour.
    await waitForRendered(page, [LAYERS.clusters]);
    expect(colorDistance(await pixelAt(page, await aBubble(page)), TILE_RGB)).toBeGreaterThan(40);

    // The service goes away; new tiles (one zoom level in) cannot load.
    await tiles.stop();
    await page.evaluate(() => window.__izAtlasMap!.zoomTo(window.__izAtlasMap!.getZoom() + 1, { duration: 0 }));
    await expect.poll(() => basemapNotice(page).textContent(), { timeout: 20_000 }).toContain(vi('basemapFellBack', { name: service.name.vi }));

    // Back to the offline basemap: none of the tiles' colour, the offline background again, the
    // credit gone, the zones still drawn, and the switch marks the service as unreachable.
    await waitForIdle(page);
    await expect.poll(() => shareOf(page, TILE_RGB)).toBe(0);
    // The offline basemap's own colours: the background, the provinces' land and Thái Nguyên's fill.
    const offlineShare = (await shareOf(page, hexToRgb(BASEMAP.background))) + (await shareOf(page, hexToRgb(ADMIN.land))) + (await shareOf(page, hexToRgb(BASEMAP.province)));
    expect(offlineShare).toBeGreaterThan(0.05);
    await expect.poll(() => mapAttribution(page).textContent()).not.toContain(service.attribution);
    await waitForRendered(page, [LAYERS.zonesFill]);
    if ((await basemapButton(page).getAttribute('aria-expanded')) !== 'true') await basemapButton(page).click();
    const offline = basemapMenu(page).getByRole('radio', { name: vi('basemapOffline') });
    expect(await offline.isChecked()).toBe(true);
    expect(await basemapMenu(page).getByRole('radio', { name: service.name.vi }).locator('xpath=..').textContent()).toContain(vi('basemapUnavailable'));

    await closeAtlas(atlas);
    // Two cold loads of the map and a round of failing tiles on shared CPUs: more than the default minute.
  }, 120_000);

  it('is worked from the keyboard, and closes with Escape', async () => {
    const atlas = await openAtlas(h!, '', { allowOrigins: [tiles.origin] });
    const { page } = atlas;
    await basemapButton(page).focus();
    await page.keyboard.press('Enter');
    await basemapMenu(page).waitFor();
    expect(await basemapMenu(page).getByRole('radio').count()).toBe(2);
    await page.keyboard.press('Escape');
    await basemapMenu(page).waitFor({ state: 'detached' });
    expect(await basemapButton(page).evaluate((b) => b === document.activeElement)).toBe(true);
    await closeAtlas(atlas);
  });
});
