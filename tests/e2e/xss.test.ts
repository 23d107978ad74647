/**
 * Hostile text in every text field (tests/e2e/xss-fixture.ts), rendered in every view in
 * Chromium: it shows as the literal text, nothing runs (no window.__xss, no dialog), and nothing
 * becomes markup (no injected element or handler, no CSP violation). The exports are in
 * xss-exports.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORTLIST_KEY } from '../../client/components/find-land/shortlist.ts';
import { chromiumPath } from './browser.ts';
import {
  cancel, closePlotPanel, editPlot, editZone, field, investorDock, openEnquiryForm, openInbox, openResult, openUsers, openZoneTab, plotHeading, plotTitle,
  resultRow, sendEnquiry, shortlistStar, shortlistTab, vi,
} from './driver.ts';
import { startHarness, type Harness } from './harness.ts';
import { CODE, expectInert, HTML, openWatched, PAYLOAD, plant, SOURCE_URL, USERNAME, V, ZONE, type Planted } from './xss-fixture.ts';

const T = { timeout: 30_000 };
let h: Harness | null;
let planted: Planted;
beforeAll(async () => {
  h = await startHarness();
  if (h) planted = await plant(h);
});
afterAll(() => h?.close());

const values = (form: import('playwright-core').Locator) => form.locator('input, textarea, select').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe.skipIf(!chromiumPath())('hostile text is shown as text, never run', () => {
  it('the zone panel (details, sources, history) shows it literally, and the search box runs nothing', async () => {
    const w = await openWatched(h!, `#zone=${ZONE}`);
    const panel = w.page.getByTestId('zone-panel');
    await expect.poll(() => panel.textContent(), T).toContain(V.zoneNameVi);
    const text = (await panel.textContent())!;
    for (const v of [V.developer, V.zoneNote, ...V.sectors, V.communeNew, V.infraNote, V.sourceTitle]) expect(text).toContain(v);
    // The source's javascript: URL is never a link target: the panel links http(s) only.
    expect(await panel.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!).filter((x) => /^\s*javascript:/i.test(x)))).toEqual([]);
    expect(await panel.locator(`a[href="https://${SOURCE_URL}"]`).count()).toBeGreaterThan(0);
    await expectInert(w);

    await openZoneTab(w.page, 'tabHistory');
    await expect.poll(() => panel.getByTestId('history-table').count(), T).toBe(1);

    const search = w.page.getByRole('searchbox');
    await search.fill(HTML[0]);
    await expect.poll(() => w.page.locator('.search-results').textContent(), T).toContain(V.zoneNameVi);
    await search.fill(PAYLOAD);
    await expectInert(w);
    await w.close();
  });

  it('find land (filters from the link, results), the plot panel, the shortlist comparison and the enquiry form', async () => {
    const init = `localStorage.setItem(${JSON.stringify(SHORTLIST_KEY)}, ${JSON.stringify(JSON.stringify([{ kind: 'plot', id: planted.freePlot }, { kind: 'zone', id: ZONE }]))})`;
    // The filters come from the address bar: hostile text in a link must stay text too.
    const w = await openWatched(h!, `#find=1&f.sector=${encodeURIComponent(HTML[1])}&f.commune=${encodeURIComponent(HTML[0])}`, { init });
    const { page } = w;
    const dock = investorDock(page);
    await expect.poll(() => dock.getByTestId('find-results').locator(`li[data-plot-id="${planted.freePlot}"]`).count(), T).toBe(1);
    expect(await dock.locator('input[id$="-sector"]').inputValue()).toBe(HTML[1]);
    expect(await dock.locator('select[id$="-commune"]').inputValue()).toBe(HTML[0]);
    const result = resultRow(dock, planted.freePlot);
    expect(await result.textContent()).toContain(`${plotHeading(CODE)} · ${V.zoneNameVi}`);
    expect((await shortlistStar(result, CODE, false).count()) + (await shortlistStar(result, CODE, true).count())).toBe(1);
    await expectInert(w);

    await openResult(dock, planted.freePlot);
    const plotPanel = page.getByTestId('plot-panel');
    await expect.poll(() => plotTitle(page).textContent(), T).toBe(plotHeading(CODE));
    const plotText = (await plotPanel.textContent())!;
    for (const v of [V.freeSector, V.freeNote, `← ${V.zoneNameVi}`]) expect(plotText).toContain(v);

    // The public enquiry form, typed into as an investor would.
    const form = await openEnquiryForm(page);
    const typed = V.typedEnquiry;
    await field(form, 'enqName').fill(typed.name);
    await field(form, 'enqOrganisation').fill(typed.organisation);
    await field(form, 'enqEmail').fill('typed@example.com');
    await field(form, 'enqSector').fill(typed.sector);
    await field(form, 'enqTimeline').fill(typed.timeline);
    await field(form, 'enqMessage').fill(typed.message);
    expect((await form.textContent())!).toContain(`${plotHeading(CODE)} · ${V.zoneNameVi}`);
    await sendEnquiry(form);
    await expect.poll(() => plotPanel.getByTestId('enquiry-sent').count(), T).toBe(1);
    await expectInert(w);

    await closePlotPanel(page);
    await shortlistTab(dock, 2).click();
    const shortlist = dock.getByTestId('shortlist');
    await expect.poll(() => shortlist.textContent(), T).toContain(CODE);
    await shortlist.getByRole('button', { name: vi('compare') }).click();
    const table = dock.getByTestId('compare-table');
    await expect.poll(() => table.textContent(), T).toContain(V.zoneNameVi);
    const compared = (await table.textContent())!;
    for (const v of [V.developer, V.sectors.join(', '), V.sourceTitle, CODE]) expect(compared).toContain(v);
    await expectInert(w);
    await w.close();
  });

  it('the plot and zone brochures show it literally', async () => {
    const w = await openWatched(h!, `#brochure=plot:${planted.heldPlot}`);
    const sheet = w.page.getByTestId('brochure');
    await expect.poll(() => sheet.textContent(), T).toContain(V.zoneNameVi);
    expect(await sheet.textContent()).toContain(V.developer);
    await expectInert(w);
    await w.close();
    // The zone's brochure from its own link, as a reader opens it.
    const z = await openWatched(h!, `#brochure=zone:${ZONE}`);
    const zoneSheet = z.page.getByTestId('brochure');
    await expect.poll(() => zoneSheet.locator('h1, h2').first().textContent(), T).toContain(V.zoneNameVi);
    const text = (await zoneSheet.textContent())!;
    for (const v of [V.developer, V.sectors.join(', '), V.sourceTitle]) expect(text).toContain(v);
    await expect.poll(() => zoneSheet.getByTestId('brochure-map').getAttribute('alt'), T).toContain(V.zoneNameVi);
    await expectInert(z);
    await z.close();
  });

  it('the Resolution 16 dashboard (SVG charts, tour), the timeline and the presentation', async () => {
    const w = await openWatched(h!, '');
    const { page } = w;
    await page.getByTestId('open-dashboard').click();
    const dash = page.getByTestId('r16-dashboard');
    await expect.poll(() => dash.getByTestId('chart-progress').count(), T).toBe(1);
    // Chart labels are SVG <text> and <title>: the name (short form, "CCN " dropped) as text.
    await expect.poll(async () => (await dash.locator('svg text').allTextContents()).includes(PAYLOAD), T).toBe(true);
    expect((await dash.locator('svg title').allTextContents()).some((x) => x.startsWith(`${V.zoneNameVi} · `))).toBe(true);
    await expect.poll(() => dash.locator('.tour-stops li').allTextContents(), T).toEqual(V.tourCaptions);
    // The long name's label reaches past the chart, so the bar is picked with the keyboard.
    await dash.getByTestId('chart-progress').locator(`[data-zone="${ZONE}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dash.getByTestId('dashboard-selected').textContent(), T).toContain(V.zoneNameVi);
    expect(await dash.getByTestId('chart-progress').locator(`[data-zone="${ZONE}"]`).getAttribute('aria-label')).toContain(`${V.zoneNameVi}: `);
    await expectInert(w);

    await page.getByTestId('open-timeline').click();
    await expect.poll(() => page.getByTestId('timeline-zone').textContent(), T).toContain(V.zoneNameVi);
    await expectInert(w);

    await page.getByTestId('open-presentation').click();
    const pres = page.getByTestId('presentation');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent(), T).toBe(V.tourCaptions[0]);
    expect(await pres.getAttribute('aria-label')).toBe(V.tourTitle);
    expect(await pres.locator('.presentation-kicker').textContent()).toContain(V.tourTitle);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent(), T).toBe(V.tourCaptions[1]);
    await expectInert(w);
    await page.keyboard.press('Escape');
    await w.close();
  });

  it('signed in (as a user whose name is a payload): edit forms, change logs, the enquiry inbox, users and the tour editor', async () => {
    const w = await openWatched(h!, `#zone=${ZONE}`, { cookie: planted.cookie });
    const { page } = w;
    await expect.poll(() => page.getByTestId('session').textContent(), T).toContain(USERNAME);
    const panel = page.getByTestId('zone-panel');
    const zoneForm = await editZone(page);
    await expect.poll(() => values(zoneForm), T).toEqual(expect.arrayContaining([V.zoneNameVi, V.zoneNameEn, V.developer, V.zoneNote, V.sectors.join('; ')]));
    await cancel(zoneForm);
    await expectInert(w);

    await openZoneTab(page, 'tabHistory');
    const log = panel.getByTestId('audit-list');
    await expect.poll(() => log.textContent(), T).toContain(V.reason);
    const logText = (await log.textContent())!;
    for (const v of [USERNAME, V.zoneNameVi, V.infraNote, V.heldTenant, V.freeSector]) expect(logText).toContain(v);
    await expectInert(w);

    const inbox = await openInbox(page);
    await expect.poll(() => inbox.getByTestId('enquiry').count(), T).toBe(3);
    const inboxText = (await inbox.textContent())!;
    for (const v of [...Object.values(V.enquiry), ...Object.values(V.typedEnquiry), `${plotHeading(CODE)} · ${V.zoneNameVi}`]) expect(inboxText).toContain(v);
    expect(await inbox.locator('a[href^="mailto:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(expect.arrayContaining(['mailto:investor@example.com']));
    await expectInert(w);

    // The inbox links each enquiry to its plot: the reserved plot with the hostile tenant.
    await inbox.getByTestId('enquiry').filter({ hasText: 'investor@example.com' }).getByRole('button', { name: new RegExp(`^${plotHeading('CN-01')}`) }).click();
    const plotPanel = page.getByTestId('plot-panel');
    await expect.poll(() => plotPanel.getByTestId('plot-tenant').textContent(), T).toBe(V.heldTenant);
    await expect.poll(() => plotPanel.getByTestId('audit-list').textContent(), T).toContain(V.reason);
    const plotForm = await editPlot(page);
    await expect.poll(() => values(plotForm), T).toEqual(expect.arrayContaining([V.heldTenant, V.heldSector]));
    await cancel(plotForm);
    await expectInert(w);
    await closePlotPanel(page);

    const users = await openUsers(page);
    await expect.poll(() => users.getByTestId('user-row').allTextContents(), T).toEqual(expect.arrayContaining([expect.stringContaining(USERNAME)]));
    await expectInert(w);

    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('edit-tour').click();
    const box = page.getByTestId('tour-editor').locator('textarea');
    await expect.poll(async () => JSON.parse(await box.inputValue()).title.vi, T).toBe(V.tourTitle);
    await expectInert(w);
    await w.close();
  });

  it('the OGC API HTML pages (feature list and feature pages) escape it', async () => {
    const w = await openWatched(h!, 'ogc/collections/zones/items?f=html&limit=100');
    expect(await w.page.locator('table').textContent()).toContain(V.zoneNameVi);
    await expectInert(w);
    await w.page.goto(`${h!.url}ogc/collections/zones/items/${ZONE}?f=html`);
    expect(await w.page.locator('h1').textContent()).toBe(V.zoneNameVi);
    expect(await w.page.title()).toBe(`${V.zoneNameVi} · iz-atlas`);
    await expectInert(w);
    await w.page.goto(`${h!.url}ogc/collections/plots/items/${planted.freePlot}?f=html`);
    const text = (await w.page.locator('main').textContent())!;
    for (const v of [CODE, V.freeSector, V.freeNote]) expect(text).toContain(v);
    await expectInert(w);
    await w.close();
  });

  it('control: the watch does see markup that gets in (injected here on purpose)', async () => {
    const w = await openWatched(h!, 'ogc');
    await w.page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOAD);
    await expect
      .poll(() => w.page.evaluate(() => (window as unknown as { __xssLog: string[] }).__xssLog), T)
      .toEqual(expect.arrayContaining([expect.stringMatching(/^handler onerror on <img>/), expect.stringMatching(/^handler onload on <svg>/), expect.stringMatching(/^script element/), expect.stringMatching(/^csp /)]));
    await expect(expectInert(w)).rejects.toThrow();
    await w.close();
  });

  it('is served with a Content-Security-Policy that forbids inline scripts', async () => {
    const res = await fetch(h!.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'self'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
