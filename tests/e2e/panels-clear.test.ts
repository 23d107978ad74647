/**
 * On a desktop (1440×900) a panel that opens over the map never hides what it is about (issue 16:
 * every overlay pads the camera): a zone opened from a link is moved out from under its panel, and
 * the Resolution 16 dashboard leaves every zone in view beside it.
 */
import { bbox } from '@turf/turf';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, mapSettled, openAtlas, zonePanel } from './driver.ts';
import { harnessWithZonesForFile } from './harness.ts';

const DESKTOP = { width: 1440, height: 900 };
const { h, zones } = await harnessWithZonesForFile();

type Box = { left: number; top: number; right: number; bottom: number };

/** Where each zone's extent is drawn on the page, once the camera has stopped. */
async function zoneBoxes(page: Page, list: ZoneApiFeature[]): Promise<Record<string, Box>> {
  await page.waitForFunction(() => !window.__izAtlasMap!.isMoving());
  await mapSettled(page);
  const extents = Object.fromEntries(list.map((z) => [z.id, bbox(z)]));
  return page.evaluate((ext) => {
    const m = window.__izAtlasMap!;
    const r = m.getContainer().getBoundingClientRect();
    return Object.fromEntries(
      Object.entries(ext).map(([id, [w, s, e, n]]) => {
        const a = m.project([w!, n!]);
        const b = m.project([e!, s!]);
        return [id, { left: r.left + a.x, top: r.top + a.y, right: r.left + b.x, bottom: r.top + b.y }];
      }),
    );
  }, extents);
}

async function boxOf(el: Locator): Promise<Box> {
  const b = (await el.boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, b: Box) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;

describe.skipIf(!chromiumPath())('panels over the map, on a desktop', () => {
  it('moves a zone opened from a link out from under its panel', async () => {
    // CCN Vằng Mười lies at the eastern edge of the province, where the panel opens.
    const atlas = await openAtlas(h!, '#zone=ccn-vang-muoi', { viewport: DESKTOP, waitFor: 'none' });
    const { page } = atlas;
    const panel = zonePanel(page);
    await panel.waitFor();
    const zone = zones.find((z) => z.id === 'ccn-vang-muoi')!;
    const map = await boxOf(page.getByTestId('map'));
    // Polled: the camera may still be on its way when the panel appears.
    const hiddenZone = async () => {
      const seen = (await zoneBoxes(page, [zone]))[zone.id]!;
      return overlaps(seen, await boxOf(panel)) || !inside(seen, map);
    };
    await expect.poll(hiddenZone, { timeout: 20_000 }).toBe(false);
    await page.screenshot({ path: '/tmp/panels-clear-zone-link.png' });
    await closeAtlas(atlas);
  });

  it('leaves every zone in view beside the Resolution 16 dashboard', async () => {
    const atlas = await openAtlas(h!, '', { viewport: DESKTOP, waitFor: 'none' });
    const { page } = atlas;
    await mapSettled(page);
    await page.getByTestId('open-dashboard').click();
    const dashboard = page.getByTestId('r16-dashboard');
    await dashboard.waitFor();
    const covered = await boxOf(dashboard);
    const map = await boxOf(page.getByTestId('map'));
    const hidden = async () => Object.entries(await zoneBoxes(page, zones)).filter(([, b]) => overlaps(b, covered) || !inside(b, map)).map(([id]) => id);
    await expect.poll(hidden, { timeout: 20_000 }).toEqual([]);
    await page.screenshot({ path: '/tmp/panels-clear-dashboard.png' });
    await closeAtlas(atlas);
  });
});
