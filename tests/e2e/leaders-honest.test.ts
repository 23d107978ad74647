/**
 * Leaders' figures that can be presented as they stand (issue 16): the Resolution 16 dashboard
 * never joins two occupancy bases into one line and its province totals follow the timeline's
 * date; tour captions are filled from the live figures, so a planner's lease changes the words
 * and the number together, and the tour editor names the stop; presentation mode keeps a legend
 * and leaves the map's attribution readable.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotCollection, Stats, ZoneApiFeature } from '../../geodata/api.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { formatPct } from '../../client/i18n/strings.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { signIn, vi } from './driver.ts';
import { openOfflinePage, startHarness, waitForRendered, type Harness } from './harness.ts';
import { aggregateText } from '../../client/lib/occupancy-text.ts';

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${h!.url}${path}`)).json()) as T;
const openPage = () => openOfflinePage(h!, '', { width: 1280, height: 820 });
const planner = { username: 'honest.planner', password: 'a-long-honest-password-9' };

/** A planner's lease, sent by the signed-in page itself (its session and CSRF token), as the edit form does. */
async function leasePlot(page: Page, plotId: string, tenant: string) {
  const status = await page.evaluate(
    async ({ plotId, tenant }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const etag = (await fetch(`/api/plots/${plotId}`)).headers.get('etag')!;
      const res = await fetch(`/api/plots/${plotId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'if-match': etag },
        body: JSON.stringify({ status: 'leased', tenant, reason: 'lease signed' }),
      });
      return res.status;
    },
    { plotId, tenant },
  );
  expect(status).toBe(200);
}

/** A plot of the zone that can be leased (industrial or service land not yet leased). */
async function leasablePlot(zoneId: string) {
  const plots = await getJson<PlotCollection>(`api/zones/${zoneId}/plots`);
  return plots.features.find((p) => ['industrial', 'service'].includes(p.properties.landUse) && p.properties.status !== 'leased')!;
}

describe.skipIf(!chromiumPath())('leaders: honest figures in Chromium', () => {
  beforeAll(async () => {
    await createUser(h!.db, { ...planner, role: 'planner' });
  });

  it('a planner lease in Vằng Mười changes the tour caption\'s words and number together, and the tour editor flags that stop', async () => {
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    await signIn(page, planner);
    // Saving the tour keeps, with each stop, the figures it describes as they are now.
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('edit-tour').click();
    const editor = page.getByTestId('tour-editor');
    await editor.getByRole('button', { name: vi('save') }).click();
    await editor.getByTestId('tour-unchanged').waitFor();

    const stopOf = async () => {
      await page.getByTestId('open-presentation').click();
      const pres = page.getByTestId('presentation');
      await pres.getByTestId('stop-caption').waitFor();
      for (let n = 2; n <= 4; n++) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => pres.getByTestId('stop-number').textContent()).toContain(`${n}/`);
      }
      const caption = (await pres.getByTestId('stop-caption').textContent())!;
      const occupancy = (await pres.locator('.presentation-figures div').filter({ hasText: vi('occupancy') }).locator('dd').first().textContent())!;
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('presentation').count()).toBe(0);
      return { caption, occupancy };
    };
    const before = await stopOf();
    expect(before.caption).toContain('CCN Vằng Mười');
    expect(before.caption).toContain(vi('tcTenantsNone'));
    expect(before.caption).toContain(vi('tcOccupancyNone'));
    expect(before.occupancy).toBe(vi('noData'));

    const plot = await leasablePlot('ccn-vang-muoi');
    await leasePlot(page, plot.id, 'Cty TNHH Thử Nghiệm Tour');
    await page.reload();
    // The presentation left the map on a zone (in the address bar): zones or bubbles, whichever it shows.
    await waitForRendered(page, [LAYERS.clusters, LAYERS.zonesFill]);
    const zone = await getJson<ZoneApiFeature>('api/zones/ccn-vang-muoi');
    const pct = formatPct('vi', zone.properties.occupancy.valuePct, vi('noData'));
    expect(zone.properties.occupancy.valuePct).toBeGreaterThan(0);

    const after = await stopOf();
    // The number under the caption and the number in it are the same, and the words follow it.
    // The figure may carry its confidence after it ("12,6 % (sơ đồ minh họa — chưa khảo sát)" on a schematic layout).
    expect(after.occupancy.startsWith(pct), after.occupancy).toBe(true);
    expect(after.caption).toContain(pct);
    expect(after.caption).toContain('Cty TNHH Thử Nghiệm Tour');
    expect(after.caption).not.toContain(vi('tcTenantsNone'));
    expect(after.caption).not.toContain(vi('tcOccupancyNone'));

    // The tour editor names the stop the edit changed, and only stops that describe Vằng Mười.
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('edit-tour').click();
    const changed = page.getByTestId('tour-editor').getByTestId('tour-changed-stop');
    await expect.poll(() => changed.count()).toBeGreaterThan(0);
    expect(await changed.evaluateAll((els) => els.map((e) => e.getAttribute('data-stop')))).toEqual(['4']);
    expect(await changed.first().textContent()).toContain(vi('occupancy'));
    await page.screenshot({ path: '/tmp/leaders-tour-changed.png' });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the KCN occupancy chart never joins developed-land and all-leasable-land figures, and the province totals follow the timeline date', async () => {
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    await signIn(page, planner);
    // Thanh Bình I: 100 % of developed land in 2023 (sourced); a planner's lease today gives a figure of all leasable land.
    const plot = await leasablePlot('kcn-thanh-binh-1');
    await leasePlot(page, plot.id, 'Cty CP Thử Nghiệm Cơ Sở');
    await page.reload();
    // The presentation left the map on a zone (in the address bar): zones or bubbles, whichever it shows.
    await waitForRendered(page, [LAYERS.clusters, LAYERS.zonesFill]);
    const tb1 = await getJson<ZoneApiFeature>('api/zones/kcn-thanh-binh-1');
    expect(tb1.properties.occupancy).toMatchObject({ origin: 'edit', basis: 'industrial_land' });

    await page.getByTestId('open-dashboard').click();
    const chart = page.getByTestId('chart-occupancy-kcn');
    const series = chart.locator('g.series[data-zone="kcn-thanh-binh-1"]');
    await expect.poll(() => series.locator('.basis-run').count()).toBeGreaterThan(1);
    const runs = await series.locator('.basis-run').evaluateAll((els) =>
      els.map((e) => ({ basis: e.getAttribute('data-basis'), dates: [...e.querySelectorAll('circle')].map((c) => c.getAttribute('data-date')), lines: e.querySelectorAll('polyline').length })),
    );
    // One basis per line: the 2023 developed-land figure and today's all-leasable-land figure are never on one line.
    const developed = runs.filter((r) => r.basis === 'developed_land');
    const industrial = runs.filter((r) => r.basis === 'industrial_land');
    expect(developed.flatMap((r) => r.dates)).toContain('2023-04-30');
    expect(industrial.length).toBeGreaterThan(0);
    for (const r of runs) expect(r.dates.includes('2023-04-30') && r.basis !== 'developed_land').toBe(false);
    expect(industrial.flatMap((r) => r.dates)).not.toContain('2023-04-30');
    // Each basis is named in the chart's legend.
    const legend = chart.getByTestId('chart-bases');
    expect(await legend.textContent()).toContain(vi('ldBasisDeveloped'));
    expect(await legend.textContent()).toContain(vi('ldBasisIndustrial'));
    await chart.screenshot({ path: '/tmp/leaders-kcn-bases.png' });

    // Totals at the timeline's date: at the end of 2021 the KCN figure is the one known then (97 %, 2015, old by then, so it carries its year), not today's.
    await page.getByTestId('r16-dashboard').getByRole('button', { name: vi('close') }).first().click();
    await page.getByTestId('open-timeline').click();
    const stats = page.getByTestId('stats');
    const today = await getJson<Stats>('api/stats');
    const slider = page.getByTestId('timeline').getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => stats.getByTestId('stats-date').textContent()).toContain('31/12/2021');
    expect(await stats.getByTestId('stats-kcn').locator('strong').textContent()).toBe('97 % (2015)');
    expect(await stats.getByTestId('stats-ccn').locator('strong').textContent()).toBe(vi('noData'));
    await page.keyboard.press('End');
    await expect.poll(() => stats.getByTestId('stats-date').count()).toBe(0);
    // Back at today the card shows today's whole province again, as its headline words it.
    expect(await stats.getByTestId('stats-kcn').locator('strong').textContent()).toBe(aggregateText('vi', today.byKind.KCN.occupancy).value);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('presentation mode keeps the legend, clear of the caption card, and its buttons leave the attribution readable', async () => {
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    await page.getByTestId('open-presentation').click();
    const pres = page.getByTestId('presentation');
    await pres.getByTestId('stop-caption').waitFor();
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.isVisible()).toBe(true);
    expect(await legend.textContent()).toContain(vi('noData'));
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const card = await box('.presentation-card');
    const nav = await box('.presentation-nav');
    const attribution = await box('.maplibregl-ctrl-attrib');
    expect(overlap(await box('[data-testid="legend"]'), card)).toBe(false);
    expect(overlap(attribution, nav)).toBe(false);
    expect(overlap(attribution, card)).toBe(false);
    await page.screenshot({ path: '/tmp/leaders-presentation-legend.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
