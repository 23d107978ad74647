/**
 * Every panel and tool with the keyboard alone: reached with Tab, each stop visibly outlined,
 * worked with Enter, Space and the arrow keys; what a control opens takes the focus, Escape
 * closes it, and the focus goes back where it came from. The leaders' charts, timeline,
 * before/after view, presentation and tour editor, the export menu, the legend, the basemap
 * switch and the brochure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BasemapService } from '../../geodata/basemaps.ts';
import { createUser } from '../../server/domain/users.ts';
import { loopbackBasemap, startTileServer, type TileServer } from './basemap-tile-server.ts';
import { chromiumPath } from './browser.ts';
import {
  basemapButton, basemapMenu, brochureSheet, chartBar, chartLegendZones, closeAtlas, compareMap, dashboard, dashboardSelection, exportItem, exportMenuButton,
  exportMenuOpen, focusBehindBrochure, focusInBrochure, focusShown, hasFocus, headerButton, legend, legendToggle, mapCanvas, openAtlas, presentation, presentationStop, pressKey,
  signIn, tabTo, timelineBar, timelineDate, timelineSlider, tourEditor, vi,
} from './driver.ts';
import { startHarness, type Harness } from './harness.ts';

const PLANNER = { username: 'planner.keys', password: 'a-long-test-password-42' };
const DESKTOP = { width: 1440, height: 900 };

let tiles: TileServer;
let service: BasemapService;
let h: Harness | null;
beforeAll(async () => {
  // The basemap switch offers a service on loopback, so choosing it with the arrow keys stays offline.
  tiles = await startTileServer([255, 0, 255]);
  service = loopbackBasemap(tiles);
  h = await startHarness({ basemaps: [service] });
  if (h) await createUser(h.db, { username: PLANNER.username, role: 'planner', password: PLANNER.password });
});
afterAll(async () => {
  await h?.close();
  await tiles.stop();
});

const open = (hash = '', opts: { acceptDownloads?: boolean } = {}) =>
  openAtlas(h!, hash, { viewport: DESKTOP, allowOrigins: [tiles.origin], ...opts });

describe.skipIf(!chromiumPath())('panels and tools with the keyboard alone', () => {
  it('the export menu: Enter unfolds it, Escape folds it back onto its button, and an export chosen with Enter leaves the focus there', { timeout: 120_000 }, async () => {
    const atlas = await open('', { acceptDownloads: true });
    const { page } = atlas;
    expect(await tabTo(page, exportMenuButton(page))).toEqual([]);
    await pressKey(page, 'Enter');
    await expect.poll(() => exportMenuOpen(page)).toBe(true);
    expect(await tabTo(page, exportItem(page, '1x'))).toEqual([]);
    await pressKey(page, 'Escape');
    await expect.poll(() => exportMenuOpen(page)).toBe(false);
    expect(await hasFocus(exportMenuButton(page))).toBe(true);

    await pressKey(page, 'Enter');
    await tabTo(page, exportItem(page, '1x'));
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), pressKey(page, 'Enter')]);
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    expect(await exportMenuOpen(page)).toBe(false);
    expect(await hasFocus(exportMenuButton(page))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    await closeAtlas(atlas);
  });

  it('the dashboard: opened with Enter it takes the focus; its charts select a zone with Enter and Space; Escape closes it onto its button', { timeout: 120_000 }, async () => {
    const atlas = await open();
    const { page } = atlas;
    expect(await tabTo(page, headerButton(page, 'ldR16'))).toEqual([]);
    await pressKey(page, 'Enter');
    await dashboard(page).waitFor();
    await expect.poll(() => dashboard(page).evaluate((d) => d.contains(document.activeElement))).toBe(true);

    // A zone's row in the progress chart: outlined when focused, Enter selects the zone.
    const row = chartBar(page, 'progress', 'ccn-huyen-tung');
    expect(await tabTo(page, row)).toEqual([]);
    await pressKey(page, 'Enter');
    await expect.poll(() => dashboardSelection(page).textContent()).toContain('CCN Huyền Tụng');
    // A zone of the occupancy chart's legend: Space selects it.
    const zone = chartLegendZones(page, 'occupancy-kcn').first();
    const name = (await zone.textContent())!.trim();
    expect(await tabTo(page, zone, { back: true })).toEqual([]);
    await pressKey(page, 'Space');
    await expect.poll(() => dashboardSelection(page).textContent()).toContain(name);
    expect(await zone.getAttribute('aria-pressed')).toBe('true');

    await pressKey(page, 'Escape');
    await expect.poll(() => dashboard(page).count()).toBe(0);
    await expect.poll(() => hasFocus(headerButton(page, 'ldR16'))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    await closeAtlas(atlas);
  });

  it('the timeline and before/after: the slider takes the focus and the arrow keys move the date; Space plays and pauses; Escape closes before/after, then the bar', { timeout: 120_000 }, async () => {
    const atlas = await open();
    const { page } = atlas;
    expect(await tabTo(page, headerButton(page, 'ldTimeline'))).toEqual([]);
    await pressKey(page, 'Enter');
    await timelineBar(page).waitFor();
    await expect.poll(() => hasFocus(timelineSlider(page))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    expect(await timelineDate(page).textContent()).toBe(vi('ldTodayCurrent'));
    await pressKey(page, 'Home');
    await expect.poll(() => timelineDate(page).textContent()).toContain('2021');
    await pressKey(page, 'ArrowRight');
    await expect.poll(() => timelineDate(page).textContent()).not.toContain('2021');

    const play = timelineBar(page).getByTestId('timeline-play');
    expect(await tabTo(page, play, { back: true })).toEqual([]);
    await pressKey(page, 'Space');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    await pressKey(page, 'Space');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');

    const compare = timelineBar(page).getByTestId('timeline-compare');
    expect(await tabTo(page, compare)).toEqual([]);
    await pressKey(page, 'Enter');
    await compareMap(page).waitFor();
    await pressKey(page, 'Escape');
    await expect.poll(() => compareMap(page).count()).toBe(0);
    expect(await timelineBar(page).isVisible()).toBe(true);
    expect(await hasFocus(compare)).toBe(true);
    await pressKey(page, 'Escape');
    await expect.poll(() => timelineBar(page).count()).toBe(0);
    await expect.poll(() => hasFocus(headerButton(page, 'ldTimeline'))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    await closeAtlas(atlas);
  });

  it('the presentation: it takes the focus, the arrow keys step the tour, Space on Exit leaves it, back on its button', { timeout: 120_000 }, async () => {
    const atlas = await open();
    const { page } = atlas;
    expect(await tabTo(page, headerButton(page, 'ldPresent'))).toEqual([]);
    await pressKey(page, 'Enter');
    await presentation(page).waitFor();
    await expect.poll(() => presentation(page).evaluate((p) => p.contains(document.activeElement))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    const first = await presentationStop(page).textContent();
    await pressKey(page, 'ArrowRight');
    await expect.poll(() => presentationStop(page).textContent()).not.toBe(first);

    const exit = presentation(page).getByRole('button', { name: vi('ldExitPresentation') });
    expect(await tabTo(page, exit)).toEqual([]);
    const at = await presentationStop(page).textContent();
    await pressKey(page, 'Space');
    await expect.poll(() => presentation(page).count()).toBe(0);
    expect(at).toBeTruthy();
    await expect.poll(() => hasFocus(headerButton(page, 'ldPresent'))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    await closeAtlas(atlas);
  });

  it('the tour editor: Enter opens it with the focus in its text, Escape closes it onto its button, a second Escape the dashboard', { timeout: 120_000 }, async () => {
    const atlas = await open();
    const { page } = atlas;
    await signIn(page, PLANNER);
    await tabTo(page, headerButton(page, 'ldR16'));
    await pressKey(page, 'Enter');
    await dashboard(page).waitFor();
    const edit = page.getByTestId('edit-tour');
    expect(await tabTo(page, edit)).toEqual([]);
    await pressKey(page, 'Enter');
    await tourEditor(page).waitFor();
    await expect.poll(() => hasFocus(tourEditor(page).getByRole('textbox'))).toBe(true);
    await pressKey(page, 'Escape');
    await expect.poll(() => tourEditor(page).count()).toBe(0);
    expect(await dashboard(page).isVisible()).toBe(true);
    await expect.poll(() => hasFocus(edit)).toBe(true);
    await pressKey(page, 'Escape');
    await expect.poll(() => dashboard(page).count()).toBe(0);
    await closeAtlas(atlas);
  });

  it('the legend folds and unfolds with Enter and Space; the basemap switch opens with Enter, the arrow keys choose, Escape closes it onto its button', { timeout: 120_000 }, async () => {
    const atlas = await open();
    const { page } = atlas;
    const toggle = legendToggle(page);
    expect(await tabTo(page, toggle)).toEqual([]);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await pressKey(page, 'Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await legend(page).getByRole('listitem').first().isVisible()).toBe(false);
    await pressKey(page, 'Space');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');

    expect(await tabTo(page, basemapButton(page))).toEqual([]);
    await pressKey(page, 'Enter');
    await basemapMenu(page).waitFor();
    const offline = basemapMenu(page).getByRole('radio', { name: vi('basemapOffline') });
    expect(await tabTo(page, offline)).toEqual([]);
    await pressKey(page, 'ArrowDown');
    await expect.poll(() => basemapMenu(page).getByRole('radio', { name: service.name.vi }).isChecked()).toBe(true);
    await pressKey(page, 'Escape');
    await expect.poll(() => basemapMenu(page).count()).toBe(0);
    expect(await hasFocus(basemapButton(page))).toBe(true);
    expect(await focusShown(page)).toBe(true);
    await closeAtlas(atlas);
  });

  it('the brochure holds the focus (the app behind it is out of reach), and Escape goes back to the map with the focus on it', { timeout: 120_000 }, async () => {
    const atlas = await open('#brochure=plot:ccn-vang-muoi-cn-02');
    const { page } = atlas;
    await brochureSheet(page).waitFor();
    // Opened, the focus is on its first button; Tab goes round its own controls, never into the app behind.
    await expect.poll(() => focusInBrochure(page)).toBe(true);
    const seen: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      await pressKey(page, 'Tab');
      seen.push(await focusBehindBrochure(page));
    }
    expect(seen).toEqual([false, false, false, false]);
    expect(await tabTo(page, page.getByRole('button', { name: vi('print') }))).toEqual([]);
    await pressKey(page, 'Escape');
    await expect.poll(() => brochureSheet(page).count()).toBe(0);
    await expect.poll(() => hasFocus(mapCanvas(page))).toBe(true);
    await closeAtlas(atlas);
  });
});
