/**
 * On a phone (390×844): the header is one row with a menu; a tapped zone moves out from under the
 * sheet that opens over it; the legend leaves the province's southern zones in view.
 */
import { bbox, centroid } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, openAtlas, unfoldHeader, vi, zonePanel } from './driver.ts';
import { startHarness, waitForIdle, type Harness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** The screen box of every rendered piece of a zone (or of every zone), from the map's own features. */
async function renderedBox(page: Page, zoneId: string | null) {
  return page.evaluate(
    ([id, layer]) => {
      const m = window.__izAtlasMap!;
      const r = m.getContainer().getBoundingClientRect();
      const pts = m
        .queryRenderedFeatures({ layers: [layer] })
        .filter((f) => id === null || String(f.properties.id) === id)
        .flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []))
        .map((c) => m.project(c as [number, number]));
      if (!pts.length) return null;
      return { top: r.top + Math.min(...pts.map((p) => p.y)), bottom: r.top + Math.max(...pts.map((p) => p.y)), left: r.left + Math.min(...pts.map((p) => p.x)), right: r.left + Math.max(...pts.map((p) => p.x)) };
    },
    [zoneId, LAYERS.zonesFill] as const,
  );
}

describe.skipIf(!chromiumPath())('on a phone', () => {
  it('keeps the header to one row; its controls are in a menu', async () => {
    const atlas = await openAtlas(h!, '', { viewport: PHONE });
    const header = atlas.page.getByRole('banner');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(56);
    expect(await header.getByRole('button', { name: vi('findLand'), exact: true }).isVisible()).toBe(false);
    await unfoldHeader(atlas.page);
    expect(await header.getByRole('button', { name: vi('findLand'), exact: true }).isVisible()).toBe(true);
    await closeAtlas(atlas);
  });

  it('moves a tapped zone out from under the sheet that opens over it', async () => {
    const atlas = await openAtlas(h!, '', { viewport: PHONE });
    const { page } = atlas;
    const zone = (await (await fetch(`${h!.url}api/zones/kcn-thanh-binh-1`)).json()) as ZoneApiFeature;
    const [w, s, e, n] = bbox(zone);
    // The zone low on the screen, where the sheet will open.
    await page.evaluate(
      ([c, dy]) => {
        const m = window.__izAtlasMap!;
        m.jumpTo({ center: c as [number, number], zoom: 14 });
        m.panBy([0, -dy], { duration: 0 });
      },
      [centroid(zone).geometry.coordinates, 250] as const,
    );
    await waitForIdle(page);
    const before = (await renderedBox(page, zone.id))!;
    expect(before.bottom).toBeGreaterThan(PHONE.height * 0.6);
    // Tap the zone's middle.
    const at = await page.evaluate((c) => {
      const m = window.__izAtlasMap!;
      const r = m.getContainer().getBoundingClientRect();
      const q = m.project(c as [number, number]);
      return { x: r.left + q.x, y: r.top + q.y };
    }, [(w + e) / 2, (s + n) / 2]);
    await page.mouse.click(at.x, at.y);
    const sheet = zonePanel(page);
    await sheet.waitFor();
    await page.waitForFunction(() => !window.__izAtlasMap!.isMoving());
    await waitForIdle(page);
    const sheetTop = (await sheet.boundingBox())!.y;
    const after = (await renderedBox(page, zone.id))!;
    const headerBottom = (await page.getByRole('banner').boundingBox())!;
    expect(after.bottom).toBeLessThanOrEqual(sheetTop);
    expect(after.top).toBeGreaterThanOrEqual(headerBottom.y + headerBottom.height);
    await page.screenshot({ path: '/tmp/phone-zone-above-sheet.png' });
    await closeAtlas(atlas);
  });

  it('shows the southern zones clear of the legend on the first view', async () => {
    const atlas = await openAtlas(h!, '', { viewport: PHONE });
    const { page } = atlas;
    await waitForIdle(page);
    const legend = (await page.locator('.legend').boundingBox())!;
    const { features } = (await (await fetch(`${h!.url}api/zones`)).json()) as { features: ZoneApiFeature[] };
    // Where the southern edge of each zone is drawn (at this zoom a zone is a bubble on its centre).
    const bottoms = await page.evaluate(
      (pts) => {
        const m = window.__izAtlasMap!;
        const r = m.getContainer().getBoundingClientRect();
        return pts.map((p) => r.top + m.project(p as [number, number]).y);
      },
      features.map((z) => [centroid(z).geometry.coordinates[0]!, bbox(z)[1]]),
    );
    expect(bottoms.length).toBeGreaterThan(5);
    // The southernmost zone ends above the legend, with room for its bubble.
    expect(Math.max(...bottoms) + 20).toBeLessThanOrEqual(legend.y);
    await closeAtlas(atlas);
  });
});
