/**
 * The drawing tools without a pointer: a crosshair at the map's centre, the arrow keys move the
 * map under it, Space (or the panel's "add point at the map's centre") adds a point there, Enter
 * finishes. An investor measures a distance; a planner splits a plot along a line drawn that way
 * and merges the halves back, picking the second plot from the list of adjacent plots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotCollection } from '../../geodata/api.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import {
  addPointWithButton, addPointWithSpace, button, chooseMergeNeighbour, closeAtlas, mapCanvas, mapCrosshair, measuredKm, openAtlas, openMeasure,
  openPlotAsPlanner, panMapWithKeys, plotCodeOf, plotToolOutcome, plotPanel, plotTitle, pressButton, startSplitWithKeys, vi, viPattern,
} from './driver.ts';
import { startHarness, type Harness } from './harness.ts';

const ZONE = 'ccn-vang-muoi';
const USER = { username: 'planner1', password: 'a-long-test-password-42' };
/**
 * CN-02 spans 106.1344–106.1358 E, 22.19537–22.19673 N. The cut runs north–south through its
 * middle, from ~90 m south of it to ~90 m north: the arrow keys land within 50 px (~30 m at
 * zoom 18) of each point, still well outside the plot and well inside its width.
 */
const CUT: [number, number][] = [
  [106.1351, 22.1945],
  [106.1351, 22.1976],
];

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (h) await createUser(h.db, { username: USER.username, role: 'planner', password: USER.password });
});
afterAll(() => h?.close());

const zonePlots = async () => ((await (await fetch(`${h!.url}api/zones/${ZONE}/plots`)).json()) as PlotCollection).features;

describe.skipIf(!chromiumPath())('drawing tools from the keyboard', () => {
  it('measures a distance with the arrow keys, Space and the add-point button', { timeout: 120_000 }, async () => {
    const atlas = await openAtlas(h!, `#map=16/22.19605/106.13510`, { viewport: { width: 1280, height: 900 } });
    const { page } = atlas;
    const panel = await openMeasure(page);
    await pressButton(panel, 'measureDistance');
    // The crosshair marks where the next point goes, and the panel says how to draw by keyboard.
    await expect.poll(() => mapCrosshair(page).isVisible()).toBe(true);
    await expect.poll(() => panel.textContent()).toContain(vi('keyboardDrawHelp'));

    await mapCanvas(page).focus();
    await addPointWithSpace(page);
    await panMapWithKeys(page, [106.139, 22.1985]);
    await addPointWithButton(panel);
    await expect.poll(() => measuredKm(panel), { timeout: 10_000 }).toBeGreaterThan(0.2);
    await closeAtlas(atlas);
  });

  it('splits a plot along a line drawn with the keyboard, then merges the halves picked from the list', { timeout: 180_000 }, async () => {
    const before = await zonePlots();
    const atlas = await openPlotAsPlanner(h!, { zone: ZONE, plot: 'CN-02', user: USER });
    const { page } = atlas;

    // Split: to each end of the cut with the arrow keys, Space there, Enter on the map to finish.
    const split = await startSplitWithKeys(page);
    await panMapWithKeys(page, CUT[0]!);
    await addPointWithSpace(page);
    await panMapWithKeys(page, CUT[1]!);
    await addPointWithSpace(page);
    await mapCanvas(page).press('Enter');
    await expect.poll(() => split.getByRole('status').textContent()).toContain(vi('splitReady', { n: 2 }));
    await pressButton(split, 'split');
    await expect.poll(() => plotToolOutcome(page), { timeout: 30_000 }).toMatch(viPattern('splitDone'));
    const halves = (await zonePlots()).filter((p) => !before.some((b) => b.id === p.id));
    expect(halves).toHaveLength(2);
    expect((await zonePlots()).some((p) => p.id === 'ccn-vang-muoi-cn-02')).toBe(false);

    // Merge: the open half picks the other from the list of plots touching it.
    const open = plotCodeOf((await plotTitle(page).textContent())!);
    const other = halves.find((p) => p.properties.code !== open)!;
    await pressButton(plotPanel(page), 'merge');
    const merge = plotPanel(page).getByTestId('merge-tool');
    await merge.waitFor();
    await chooseMergeNeighbour(merge, other.properties.code);
    await expect.poll(() => merge.getByRole('status').textContent()).toContain(vi('mergeReady', { a: open, b: other.properties.code }));
    await button(merge, 'merge').press('Enter');
    await expect.poll(() => plotToolOutcome(page), { timeout: 30_000 }).toMatch(viPattern('mergeDone'));
    const after = await zonePlots();
    expect(after).toHaveLength(before.length);
    expect(after.filter((p) => halves.some((x) => x.id === p.id))).toHaveLength(1);

    await closeAtlas(atlas);
  });
});
