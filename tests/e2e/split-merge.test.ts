/**
 * A planner splits a plot along a line drawn on the map, then merges the two halves back by
 * picking the neighbour on the map: both tools through the UI, checked against the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotCollection } from '../../geodata/api.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import {
  button, closeAtlas, mapSettled, openAtlas, openPlotAt, pickMergeNeighbour, plotCodeOf, plotToolOutcome, plotTitle, signIn, splitAlong, vi, viPattern,
} from './driver.ts';
import { startHarness, type Harness } from './harness.ts';

const ZONE = 'ccn-vang-muoi';
const USER = { username: 'planner1', password: 'a-long-test-password-42' };
/** CN-02 spans 106.1344–106.1358 E, 22.19537–22.19673 N; the cut runs north–south through its middle. */
const CUT: [number, number][] = [
  [106.1351, 22.1952],
  [106.1351, 22.1969],
];
const WEST: [number, number] = [106.1347, 22.196];
const EAST: [number, number] = [106.1355, 22.196];

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (h) await createUser(h.db, { username: USER.username, role: 'planner', password: USER.password });
});
afterAll(() => h?.close());

const zonePlots = async () => ((await (await fetch(`${h!.url}api/zones/${ZONE}/plots`)).json()) as PlotCollection).features;

describe.skipIf(!chromiumPath())('split and merge on the map', () => {
  it('splits CN-02 along a drawn line, then merges the halves back', { timeout: 180_000 }, async () => {
    const before = await zonePlots();
    const atlas = await openAtlas(h!, `#map=17.3/22.19605/106.13510&zone=${ZONE}`, { viewport: { width: 1280, height: 900 }, waitFor: 'plots' });
    const { page } = atlas;
    await signIn(page, USER);
    await mapSettled(page);

    await openPlotAt(page, WEST, 'CN-02');

    // Split: two clicks across the plot, "finish" (the tool then says the line has 2 points), then send.
    await splitAlong(page, CUT);
    await expect.poll(() => plotToolOutcome(page), { timeout: 30_000 }).toMatch(viPattern('splitDone'));
    const halves = (await zonePlots()).filter((p) => !before.some((b) => b.id === p.id));
    expect(halves).toHaveLength(2);
    expect((await zonePlots()).some((p) => p.id === 'ccn-vang-muoi-cn-02')).toBe(false);
    const areaOf = (ps: typeof halves) => ps.reduce((a, p) => a + p.properties.areaHa, 0);
    expect(areaOf(halves)).toBeCloseTo(before.find((p) => p.id === 'ccn-vang-muoi-cn-02')!.properties.areaHa, 1);

    // Merge: the open half picks the other one on the map.
    await mapSettled(page);
    const open = plotCodeOf((await plotTitle(page).textContent())!);
    const other = halves.find((p) => p.properties.code !== open)!;
    const otherIsWest = other.geometry.coordinates[0]!.every(([lon]) => lon! <= CUT[0]![0] + 1e-9);
    const merge = await pickMergeNeighbour(page, otherIsWest ? WEST : EAST);
    await expect.poll(() => merge.getByRole('status').textContent()).toContain(vi('mergeReady', { a: open, b: other.properties.code }));
    await button(merge, 'merge').click();
    await expect.poll(() => plotToolOutcome(page), { timeout: 30_000 }).toMatch(viPattern('mergeDone'));
    const after = await zonePlots();
    expect(after).toHaveLength(before.length);
    // The merged plot keeps one half's id and has the whole area back.
    const merged = after.filter((p) => halves.some((x) => x.id === p.id));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.properties.areaHa).toBeCloseTo(areaOf(halves), 1);

    await closeAtlas(atlas);
  });
});
