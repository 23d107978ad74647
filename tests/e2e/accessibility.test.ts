/**
 * Usable by everyone: axe-core (WCAG 2 A and AA rules) finds nothing on the main views (and on the
 * legend folded and unfolded, before/after, the brochure, the split and merge tools and the tour
 * editor), in Vietnamese and English, and the atlas is usable with the keyboard alone, with a visible focus.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../client/i18n/strings.ts';
import { translate } from '../../client/i18n/strings.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, legendToggle, openAtlas, zonePanel, zoneTitle, type Atlas } from './driver.ts';
import { startHarness, waitForIdle, type Harness } from './harness.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ZONE = 'ccn-nam-bang-lung';
const PLANNER = { username: 'planner.a11y', password: 'a-long-test-password-42' };

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (h) await createUser(h.db, { username: PLANNER.username, role: 'planner', password: PLANNER.password });
});
afterAll(() => h?.close());

/** Every WCAG 2 A/AA violation axe finds on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
  }, WCAG_TAGS);
  return found;
}

/** Opens the atlas in a language; axe is injected as a script, which the app's CSP would refuse. */
async function open(lang: Lang, hash: string): Promise<Atlas> {
  const sep = hash ? '&' : '#';
  const atlas = await openAtlas(h!, `${hash}${lang === 'en' ? `${sep}lang=en` : ''}`, { viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await waitForIdle(atlas.page);
  return atlas;
}

const tr = (lang: Lang, key: Parameters<typeof translate>[1]) => translate(lang, key);

async function signInAs(page: Page, lang: Lang) {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: tr(lang, 'signIn') }).click();
  const form = header.getByRole('form', { name: tr(lang, 'signIn') });
  await form.getByLabel(tr(lang, 'username')).fill(PLANNER.username);
  await form.getByLabel(tr(lang, 'password')).fill(PLANNER.password);
  await form.getByRole('button', { name: tr(lang, 'signIn') }).click();
  await page.getByTestId('session').filter({ hasText: PLANNER.username }).waitFor({ timeout: 30_000 });
}

describe.skipIf(!chromiumPath())('accessibility', () => {
  describe.each(['vi', 'en'] as const)('axe finds no WCAG 2 A/AA violation (%s)', (lang) => {
    it('on the first view, the zone panel, find land, the dashboard and the presentation', { timeout: 300_000 }, async () => {
      const first = await open(lang, '');
      const seen: Record<string, string[]> = { first: await violations(first.page) };
      await closeAtlas(first);

      const zone = await open(lang, `#zone=${ZONE}`);
      await zonePanel(zone.page).waitFor();
      seen.zonePanel = await violations(zone.page);
      // The investor's enquiry form, opened from the zone panel.
      await zonePanel(zone.page).getByRole('button', { name: tr(lang, 'enquire') }).click();
      await zonePanel(zone.page).getByTestId('enquiry-form').waitFor();
      seen.enquiryForm = await violations(zone.page);
      await closeAtlas(zone);

      const find = await open(lang, '#find=1');
      await find.page.getByTestId('investor-dock').waitFor();
      seen.findLand = await violations(find.page);
      await closeAtlas(find);

      const leaders = await open(lang, '');
      await leaders.page.getByTestId('open-dashboard').click();
      await leaders.page.getByTestId('r16-dashboard').waitFor();
      seen.dashboard = await violations(leaders.page);
      await leaders.page.getByTestId('open-dashboard').click();
      await leaders.page.getByTestId('open-presentation').click();
      await leaders.page.getByTestId('presentation').waitFor();
      seen.presentation = await violations(leaders.page);
      await closeAtlas(leaders);

      expect(seen).toEqual({ first: [], zonePanel: [], enquiryForm: [], findLand: [], dashboard: [], presentation: [] });
    });

    it('on the sign-in form and the planners’ edit forms', { timeout: 180_000 }, async () => {
      const atlas = await open(lang, `#zone=${ZONE}`);
      const { page } = atlas;
      await page.getByRole('banner').getByRole('button', { name: tr(lang, 'signIn') }).click();
      const seen: Record<string, string[]> = { signIn: await violations(page) };
      await page.keyboard.press('Escape');
      await signInAs(page, lang);

      const panel = zonePanel(page);
      await panel.getByRole('button', { name: tr(lang, 'editZone') }).click();
      await panel.getByTestId('zone-edit-form').waitFor();
      seen.zoneForm = await violations(page);
      await panel.getByRole('button', { name: tr(lang, 'cancel') }).click();

      await panel.locator('button.edit-item').first().click();
      const infra = panel.getByTestId('infra-edit-form');
      await infra.waitFor();
      // Date fields are date pickers.
      expect(await infra.locator('input[name="asOf"]').getAttribute('type')).toBe('date');
      seen.infraForm = await violations(page);
      await infra.getByRole('button', { name: tr(lang, 'cancel') }).click();

      // A plot from the zone's list, and its edit form.
      await panel.locator('.plot-list button.link').first().click();
      const plot = page.getByTestId('plot-panel');
      await plot.getByRole('button', { name: tr(lang, 'editPlot') }).click();
      const plotForm = plot.getByTestId('plot-edit-form');
      await plotForm.waitFor();
      expect(await plotForm.locator('input[name="leaseStart"]').getAttribute('type')).toBe('date');
      expect(await plotForm.locator('input[name="leaseEnd"]').getAttribute('type')).toBe('date');
      seen.plotForm = await violations(page);

      expect(seen).toEqual({ signIn: [], zoneForm: [], infraForm: [], plotForm: [] });
      await closeAtlas(atlas);
    });

    it('on the legend folded and unfolded, before/after, the brochure, the split and merge tools and the tour editor', { timeout: 300_000 }, async () => {
      const seen: Record<string, string[]> = {};
      const first = await open(lang, '');
      seen.legendUnfolded = await violations(first.page);
      await legendToggle(first.page, lang).click();
      await expect.poll(() => legendToggle(first.page, lang).getAttribute('aria-expanded')).toBe('false');
      seen.legendFolded = await violations(first.page);
      await first.page.getByTestId('open-timeline').click();
      await first.page.getByTestId('timeline-compare').click();
      await first.page.getByTestId('compare-map').locator('canvas').waitFor();
      await waitForIdle(first.page);
      seen.compare = await violations(first.page);
      await closeAtlas(first);

      const brochure = await open(lang, '#brochure=plot:ccn-vang-muoi-cn-02');
      await brochure.page.getByTestId('brochure-map').waitFor({ timeout: 60_000 });
      seen.brochure = await violations(brochure.page);
      await closeAtlas(brochure);

      const planner = await open(lang, '#zone=ccn-vang-muoi');
      const { page } = planner;
      await signInAs(page, lang);
      await zonePanel(page).locator('.plot-list button.link').first().click();
      const plot = page.getByTestId('plot-panel');
      await plot.getByRole('button', { name: tr(lang, 'split'), exact: true }).click();
      await plot.getByTestId('split-tool').waitFor();
      seen.splitTool = await violations(page);
      await plot.getByTestId('split-tool').getByRole('button', { name: tr(lang, 'cancel') }).click();
      await plot.getByRole('button', { name: tr(lang, 'merge'), exact: true }).click();
      await plot.getByTestId('merge-tool').waitFor();
      seen.mergeTool = await violations(page);
      await plot.getByTestId('merge-tool').getByRole('button', { name: tr(lang, 'cancel') }).click();
      await page.getByTestId('open-dashboard').click();
      await page.getByTestId('edit-tour').click();
      await page.getByTestId('tour-editor').waitFor();
      seen.tourEditor = await violations(page);
      await closeAtlas(planner);

      expect(seen).toEqual({ legendUnfolded: [], legendFolded: [], compare: [], brochure: [], splitTool: [], mergeTool: [], tourEditor: [] });
    });
  });

  it('works with the keyboard alone: Tab to the search, type, Enter opens the zone, Escape closes it; the focus is visible', { timeout: 120_000 }, async () => {
    const atlas = await open('vi', '');
    const { page } = atlas;
    const search = page.getByRole('banner').getByRole('searchbox');
    // Tab from the top of the page until the search box holds the focus, each stop visibly outlined.
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { search: el.getAttribute('type') === 'search', outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
      });
      expect(focus.outline).toBe(true);
      reached = focus.search;
    }
    expect(reached).toBe(true);
    await page.keyboard.type('nam bang');
    expect(await search.getAttribute('aria-controls')).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => zoneTitle(page).textContent()).toMatch(/Nam Bằng Lũng/);
    // Closed, the search box names no list.
    expect(await search.getAttribute('aria-controls')).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => zonePanel(page).count()).toBe(0);
    await closeAtlas(atlas);
  });
});
