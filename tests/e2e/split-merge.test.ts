/**
 * A planner splits a plot along a line drawn on the map, then merges the two halves back by
 * picking the neighbour on the map: both tools through the UI, checked against the API.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotCollection } from '../../geodata/api.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { openOfflinePage, signInThroughHeader, startHarness, waitForIdle, waitForRendered, type Harness } from './harness.ts';

const ZONE = 'ccn-vang-muoi';
const USER = { username: 'planner1', password: 'a-long-test-password-42' };
/** CN-02 spans 106.1544–106.1558 E, 22.21537–22.21673 N; the cut runs north–south through its middle. */
const CUT: [number, number][] = [
  [106.1551, 22.2152],
  [106.1551, 22.2169],
];
const WEST: [number, number] = [106.1547, 22.216];
const EAST: [number, number] = [106.1555, 22.216];

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (h) await createUser(h.db, { username: USER.username, role: 'planner', password: USER.password });
});
afterAll(() => h?.close());

const zonePlots = async () => ((await (await fetch(`${h!.url}api/zones/${ZONE}/plots`)).json()) as PlotCollection).features;

/** Clicks the map where a lon/lat is drawn (page coordinates: the map sits below the header). */
async function clickMap(page: Page, at: [number, number]) {
  const p = await page.evaluate((ll) => {
    const m = window.__izAtlasMap!;
    const box = m.getContainer().getBoundingClientRect();
    const q = m.project(ll);
    return { x: box.left + q.x, y: box.top + q.y };
  }, at);
  await page.mouse.click(p.x, p.y);
}

describe.skipIf(!chromiumPath())('split and merge on the map', () => {
  it('splits CN-02 along a drawn line, then merges the halves back', { timeout: 180_000 }, async () => {
    const before = await zonePlots();
    const { page, external, errors } = await openOfflinePage(h!, `#map=17.3/22.21605/106.15510&zone=${ZONE}`, { width: 1280, height: 900 });
    await waitForRendered(page, [LAYERS.plotsFill], 60_000);
    await signInThroughHeader(page, USER);
    await waitForIdle(page);

    await clickMap(page, WEST);
    const panel = page.getByTestId('plot-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent(), { timeout: 30_000 }).toBe('Lô CN-02');

    // Split: two clicks across the plot, "finish", then send.
    await panel.getByRole('button', { name: 'Chia lô' }).click();
    const split = panel.getByTestId('split-tool');
    await split.waitFor();
    for (const at of CUT) await clickMap(page, at);
    await split.getByRole('button', { name: 'Xong đường cắt' }).click();
    await expect.poll(() => split.getByRole('status').textContent()).toContain('Đã vẽ đường cắt (2 điểm)');
    await split.getByRole('button', { name: 'Chia lô' }).click();
    await expect.poll(() => panel.getByTestId('plot-notice').textContent(), { timeout: 30_000 }).toMatch(/^Đã chia thành /);
    const halves = (await zonePlots()).filter((p) => !before.some((b) => b.id === p.id));
    expect(halves).toHaveLength(2);
    expect((await zonePlots()).some((p) => p.id === 'ccn-vang-muoi-cn-02')).toBe(false);
    const areaOf = (ps: typeof halves) => ps.reduce((a, p) => a + p.properties.areaHa, 0);
    expect(areaOf(halves)).toBeCloseTo(before.find((p) => p.id === 'ccn-vang-muoi-cn-02')!.properties.areaHa, 1);

    // Merge: the open half picks the other one on the map.
    await waitForIdle(page);
    const open = (await panel.getByRole('heading', { level: 2 }).textContent())!.replace('Lô ', '');
    const other = halves.find((p) => p.properties.code !== open)!;
    await panel.getByRole('button', { name: 'Gộp lô' }).click();
    const merge = panel.getByTestId('merge-tool');
    await merge.waitFor();
    const otherIsWest = other.geometry.coordinates[0]!.every(([lon]) => lon! <= CUT[0]![0] + 1e-9);
    await clickMap(page, otherIsWest ? WEST : EAST);
    await expect.poll(() => merge.getByRole('status').textContent()).toContain(`Gộp ${open} với ${other.properties.code}?`);
    await merge.getByRole('button', { name: 'Gộp lô' }).click();
    await expect.poll(() => panel.getByTestId('plot-notice').textContent(), { timeout: 30_000 }).toMatch(/^Đã gộp thành /);
    const after = await zonePlots();
    expect(after).toHaveLength(before.length);
    // The merged plot keeps one half's id and has the whole area back.
    const merged = after.filter((p) => halves.some((x) => x.id === p.id));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.properties.areaHa).toBeCloseTo(areaOf(halves), 1);

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
