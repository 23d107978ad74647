/**
 * Figures of different certainty look different (geodata/confidence.ts): a schematic "available"
 * is offered as schematic in find-land, progress resting on a fifth of the weight reads as
 * partial, and a 2015 figure carries its year on the map. A planner sets the progress figures
 * through the API first, as in the field.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotCollection } from '../../geodata/api.ts';
import { translate } from '../../client/i18n/strings.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { investorDock, openFindLand, resultRow, vi, zonePanel } from './driver.ts';
import { startHarness, waitForIdle, waitForRendered, type Harness } from './harness.ts';

const PLANNER = { username: 'planner.confidence', password: 'a-long-test-password-42' };
const PARTIAL_ZONE = 'ccn-vang-muoi';
const OLD_ZONE = 'ccn-nam-bang-lung';
const T = { timeout: 20_000 };

let h: Harness | null;
let planner: { cookie: string; csrf: string };

const api = (path: string, init: RequestInit = {}, auth = false) =>
  fetch(h!.url + path.replace(/^\//, ''), {
    ...init,
    headers: {
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(auth ? { Cookie: planner.cookie, 'X-CSRF-Token': planner.csrf } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

async function setProgress(zone: string, item: string, progressPct: number, asOf: string) {
  const etag = (await api(`/api/zones/${zone}`)).headers.get('etag')!;
  const res = await api(`/api/zones/${zone}/infrastructure/${item}`, { method: 'PATCH', headers: { 'If-Match': etag }, body: JSON.stringify({ progressPct, asOf, sourceNote: 'e2e: confidence' }) }, true);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  h = await startHarness();
  if (!h) return;
  await createUser(h.db, { username: PLANNER.username, role: 'planner', password: PLANNER.password });
  const res = await api('/api/session', { method: 'POST', body: JSON.stringify({ username: PLANNER.username, password: PLANNER.password }) });
  planner = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  // 60 % of levelling (a fifth of the weight), recent: partial.
  await setProgress(PARTIAL_ZONE, 'levelling', 60, '2025-09');
  // 95.5 % on 55 % of the weight, all from 2015: old.
  for (const item of ['levelling', 'internal_roads', 'site_clearance']) await setProgress(OLD_ZONE, item, 95.5, '2015');
}, 120_000);
afterAll(() => h?.close());

async function openPage(hash: string) {
  const page = await h!.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(h!.url + hash);
  await waitForRendered(page, [LAYERS.provinceFill]);
  return page;
}

/** The text MapLibre drew for each feature of a symbol layer on screen. */
const renderedTexts = (page: Page, layer: string) =>
  page.evaluate((l) => {
    const text = (v: unknown): string =>
      typeof v === 'string' ? v : v && typeof v === 'object' && 'sections' in v ? (v as { sections: { text: string }[] }).sections.map((s) => s.text).join('') : String(v);
    return window.__izAtlasMap!.queryRenderedFeatures({ layers: [l] }).map((f) => text((f.layer.layout as Record<string, unknown>)['text-field']));
  }, layer);

describe.skipIf(!chromiumPath())('confidence shown to the reader', () => {
  it('offers a schematic available plot in find-land as schematic, in Vietnamese and English', async () => {
    const plots = ((await (await api('/api/plots?status=available')).json()) as PlotCollection).features;
    const schematic = plots.find((p) => p.properties.statusConfidence === 'schematic' && p.properties.landUse === 'industrial')!;
    // The English words are the table's; the test pins what an English reader sees.
    expect(translate('en', 'confSchematic')).toBe('schematic layout — not surveyed');
    expect(schematic).toBeDefined();
    const page = await openPage('');
    const dock = await openFindLand(page);
    const row = resultRow(dock, schematic.id);
    await expect.poll(() => row.count(), T).toBe(1);
    expect(await row.textContent()).toContain(vi('confSchematic'));
    await page.close();
    const en = await openPage('#lang=en');
    await en.getByRole('button', { name: translate('en', 'findLand'), exact: true }).click();
    const enDock = investorDock(en);
    await expect.poll(() => resultRow(enDock, schematic.id).count(), T).toBe(1);
    expect(await resultRow(enDock, schematic.id).textContent()).toContain(translate('en', 'confSchematic'));
    await en.close();
  }, 90_000);

  it('reads progress on a fifth of the weight as partial in the panel, never as a bare 60 %', async () => {
    const page = await openPage(`#zone=${PARTIAL_ZONE}&mode=progress`);
    const progress = zonePanel(page).getByTestId('zone-progress');
    await expect.poll(() => progress.textContent(), T).toContain(vi('confPartial', { value: '60 %', coverage: 20 }));
    await page.close();
  }, 60_000);

  it('writes an old figure with its year, and a partial one with ~, on the map', async () => {
    // Former Bắc Kạn's first view, where Nam Bằng Lũng and Vằng Mười have bubbles of their own.
    const page = await openPage('#mode=progress&region=bac-kan');
    await waitForRendered(page, [LAYERS.clusterLabels]);
    await waitForIdle(page);
    // Nam Bằng Lũng's bubble: its 95.5 % from 2015 with the year; Vằng Mười's 60 % on a fifth of the weight with ~.
    await expect.poll(() => renderedTexts(page, LAYERS.clusterLabels), T).toEqual(
      // A bubble's label names its zones, then gives the figure on its last line.
      expect.arrayContaining([expect.stringMatching(/(^|\n)9[56](,5)? % \(2015\)$/), expect.stringMatching(/(^|\n)~60 %$/)]),
    );
    await page.close();
  }, 60_000);
});
