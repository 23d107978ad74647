/**
 * Figures that say how sure they are, and words from the vocabulary (issue 16): the zone panel's
 * figure carries its class itself ("~60 %", as on the map), the planner's edit forms pick sectors
 * from the vocabulary, which the OGC API then gives in Vietnamese and English, and the bundled
 * tour, never saved, still tells the tour editor which stop an edit has changed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotApiFeature, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { chooseSector, editPlot, editZone, plotHeading, save, signIn, tickZoneSector, vi, zonePanel } from './driver.ts';
import { openOfflinePage, startHarness, waitForRendered, type Harness } from './harness.ts';

const PLANNER = { username: 'figures.planner', password: 'a-long-figures-password-3' };
const ZONE = 'ccn-vang-muoi';
const T = { timeout: 30_000 };

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (h) await createUser(h.db, { username: PLANNER.username, role: 'planner', password: PLANNER.password });
});
afterAll(() => h?.close());

const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${h!.url}${path}`)).json()) as T;

/** A request sent by the signed-in page itself (its session and CSRF token), as the app's forms do; If-Match from `versionOf` (the zone, for an item). */
async function patchAsPage(page: Page, path: string, body: unknown, versionOf = path) {
  const status = await page.evaluate(
    async ({ path, body, versionOf }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const etag = (await fetch(versionOf)).headers.get('etag')!;
      const res = await fetch(path, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'if-match': etag }, body: JSON.stringify(body) });
      return res.status;
    },
    { path, body, versionOf },
  );
  expect(status).toBe(200);
}

async function signedInPage(hash = '') {
  const { page, errors } = await openOfflinePage(h!, hash, { width: 1280, height: 820 });
  await waitForRendered(page, [LAYERS.provinceFill]);
  await signIn(page, PLANNER);
  return { page, errors };
}

describe.skipIf(!chromiumPath())('figures and words', () => {
  it('the bundled tour, never saved, shows in the tour editor the stop a planner’s edit changed', async () => {
    const { page, errors } = await signedInPage();
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('edit-tour').click();
    const editor = page.getByTestId('tour-editor');
    // Seeded with the figures at bundling: nothing has changed yet (before, it said the tour was never saved).
    await editor.getByTestId('tour-unchanged').waitFor(T);
    const plots = await getJson<PlotCollection>(`api/zones/${ZONE}/plots`);
    const plot = plots.features.find((p) => ['industrial', 'service'].includes(p.properties.landUse) && p.properties.status !== 'leased')!;
    await patchAsPage(page, `/api/plots/${plot.id}`, { status: 'leased', tenant: 'Cty TNHH Lộ Trình Gốc', reason: 'lease signed' });
    await page.reload();
    await waitForRendered(page, [LAYERS.provinceFill]);
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('edit-tour').click();
    const changed = page.getByTestId('tour-editor').getByTestId('tour-changed-stop');
    await expect.poll(() => changed.count(), T).toBeGreaterThan(0);
    const tour = await getJson<{ stops: { target: string }[] }>('api/tour');
    const stopOf = String(tour.stops.findIndex((s) => s.target === ZONE) + 1);
    expect(await changed.evaluateAll((els) => els.map((e) => e.getAttribute('data-stop')))).toEqual([stopOf]);
    expect(await changed.first().textContent()).toContain(vi('occupancy'));
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('the zone panel writes a partial figure with its mark, as the map does, not as a bare figure', async () => {
    const { page, errors } = await signedInPage();
    // 60 % of levelling, a fifth of the weight, recent: partial.
    await patchAsPage(page, `/api/zones/${ZONE}/infrastructure/levelling`, { progressPct: 60, asOf: '2025-09', sourceNote: 'e2e: figures' }, `/api/zones/${ZONE}`);
    await page.goto(`${h!.url}#zone=${ZONE}&mode=progress`);
    await page.reload();
    const progress = zonePanel(page).getByTestId('zone-progress').locator('strong');
    await expect.poll(() => progress.textContent(), T).toBe('~60 %');
    expect(await progress.getAttribute('data-confidence')).toBe('partial');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the edit forms pick sectors from the vocabulary, and the OGC API gives their labels in vi and en', async () => {
    const { page, errors } = await signedInPage(`#zone=${ZONE}`);
    await zonePanel(page).waitFor(T);
    const zoneForm = await editZone(page);
    await tickZoneSector(zoneForm, 'footwear');
    await save(zoneForm);
    await expect.poll(async () => (await getJson<ZoneApiFeature>(`api/zones/${ZONE}`)).properties.sectors, T).toContain('footwear');
    const zoneItem = await getJson<{ properties: Record<string, string> }>(`ogc/collections/zones/items/${ZONE}?f=json`);
    expect(zoneItem.properties.sectors_vi).toContain('Da giày');
    expect(zoneItem.properties.sectors_en).toContain('Footwear');

    const plots = await getJson<PlotCollection>(`api/zones/${ZONE}/plots`);
    const plot = plots.features.find((p) => p.properties.landUse === 'industrial')!;
    await zonePanel(page).getByRole('button', { name: plotHeading(plot.properties.code), exact: true }).click();
    const plotForm = await editPlot(page);
    await chooseSector(plotForm, 'metals');
    await save(plotForm);
    await expect.poll(async () => (await getJson<PlotApiFeature>(`api/plots/${plot.id}`)).properties.sector, T).toBe('metals');
    const plotItem = await getJson<{ properties: Record<string, string> }>(`ogc/collections/plots/items/${plot.id}?f=json`);
    expect([plotItem.properties.sector_vi, plotItem.properties.sector_en]).toEqual(['Luyện kim', 'Metals']);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);
});
