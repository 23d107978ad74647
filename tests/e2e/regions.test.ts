/**
 * The whole new Thái Nguyên province in one atlas: the first view shows both former provinces'
 * zones with the old border between them; switching to former Thái Nguyên and searching "yen binh"
 * opens KCN Yên Bình with its stated figure, its basis and date, marked as stated (no plot layout);
 * find-land lists zones of both regions.
 */
import { describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { REGION_LABELS, WHOLE_PROVINCE_LABEL } from '../../geodata/regions.ts';
import { formatDate } from '../../client/i18n/dates.ts';
import { ADMIN_LAYER_IDS } from '../../client/map/style/admin-layers.ts';
import { CONFIDENCE_LAYERS } from '../../client/map/style/confidence-layers.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { chromiumPath } from './browser.ts';
import {
  closeAtlas, findPlotIds, findZoneIds, mapSettled, openAtlas, openFindLand, pickSearchResult, regionSwitch, renderedProps, settledProps, switchRegion, vi, zonePanel, zoneTitle,
} from './driver.ts';
import { harnessWithZonesForFile } from './harness.ts';

const { h, zones } = await harnessWithZonesForFile();
const regionOf = new Map(zones.map((z) => [z.id, z.properties.region]));
/** KCN Yên Bình (the Samsung park): the shortest KCN name of former Thái Nguyên that starts so. */
const yenBinh: ZoneApiFeature | undefined = zones
  .filter((z) => z.properties.kind === 'KCN' && z.properties.region === 'thai-nguyen' && /^KCN Yên Bình\b/.test(z.properties.name.vi))
  .sort((a, b) => a.properties.name.vi.length - b.properties.name.vi.length)[0];

describe.skipIf(!chromiumPath())('the whole province and its regions', () => {
  it('first shows the whole province, zones of both former provinces drawn and the old border between them', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 } });
    const { page } = atlas;
    await mapSettled(page);
    expect(await regionSwitch(page).locator('option:checked').textContent()).toBe(WHOLE_PROVINCE_LABEL.vi);
    await expect.poll(() => page.getByTestId('stats-region').textContent()).toContain(WHOLE_PROVINCE_LABEL.vi);
    const bubbles = await settledProps(page, [LAYERS.clusters]);
    const drawn = new Set(bubbles.flatMap((b) => String(b.zoneIds ?? b.id ?? '').split(',').filter(Boolean)));
    const regions = new Set([...drawn].map((id) => regionOf.get(id)));
    expect(regions).toEqual(new Set(['bac-kan', 'thai-nguyen']));
    // The regions are told apart on the map by the former border, which the legend names.
    expect((await renderedProps(page, [ADMIN_LAYER_IDS.formerLine])).length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('legend-boundaries').textContent()).toContain(vi('legendFormerBacKan'));
    await closeAtlas(atlas);
  });

  it.skipIf(!yenBinh)('switches to former Thái Nguyên; "yen binh" opens KCN Yên Bình with its stated figure and date', async () => {
    const zone = yenBinh!;
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 } });
    const { page } = atlas;
    await switchRegion(page, REGION_LABELS['thai-nguyen'].vi);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('region=thai-nguyen');
    await expect.poll(() => page.getByTestId('stats-region').textContent()).toContain(REGION_LABELS['thai-nguyen'].vi);
    // Only former Thái Nguyên's zones are drawn now (the bubbles are redrawn from the narrowed list).
    const drawnRegions = async () => new Set((await renderedProps(page, [LAYERS.clusters])).flatMap((b) => String(b.zoneIds ?? '').split(',').filter(Boolean)).map((id) => regionOf.get(id)));
    await expect.poll(drawnRegions, { timeout: 20_000 }).toEqual(new Set(['thai-nguyen']));

    await pickSearchResult(page, 'yen binh', new RegExp(`^${zone.properties.name.vi}$`));
    await expect.poll(() => zoneTitle(page).textContent()).toBe(zone.properties.name.vi);
    const panel = zonePanel(page);
    expect(await panel.getByTestId('zone-region').textContent()).toBe(REGION_LABELS['thai-nguyen'].vi);
    const occ = zone.properties.occupancy;
    expect(zone.properties.figureSource).toBe('stated');
    expect(occ.valuePct).not.toBeNull();
    const figure = panel.getByTestId('zone-occupancy');
    expect(await figure.getAttribute('data-figure-source')).toBe('stated');
    expect(await figure.textContent()).toContain(String(occ.valuePct));
    const detail = (await panel.getByTestId('zone-occupancy-detail').textContent()) ?? '';
    expect(detail).toContain(vi('figureStated'));
    expect(detail).toContain(formatDate('vi', occ.asOf!));
    // Its total area is sourced and dated too.
    expect(await panel.textContent()).toContain(formatDate('vi', zone.properties.totalAreaHa.asOf!));
    // On the map, the zone carries the stated-figure mark the legend explains.
    await mapSettled(page);
    const marked = await settledProps(page, [CONFIDENCE_LAYERS.statedFigure]);
    expect(marked.map((p) => p.id)).toContain(zone.id);
    expect(await page.getByTestId('legend-stated').textContent()).toContain(vi('legendStated'));
    await closeAtlas(atlas);
  });

  it('find-land lists zones from both regions', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 } });
    const { page } = atlas;
    const dock = await openFindLand(page);
    await expect.poll(async () => (await findPlotIds(dock)).length).toBeGreaterThan(0);
    const plots = ((await (await fetch(`${h!.url}api/plots`)).json()) as { features: { id: string; properties: { zoneId: string } }[] }).features;
    const zoneOfPlot = new Map(plots.map((p) => [p.id, p.properties.zoneId]));
    const listed = [...(await findPlotIds(dock)).map((id) => zoneOfPlot.get(id)!), ...(await findZoneIds(dock))];
    expect(new Set(listed.map((id) => regionOf.get(id)))).toEqual(new Set(['bac-kan', 'thai-nguyen']));
    await closeAtlas(atlas);
  });
});
