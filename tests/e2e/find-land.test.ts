/**
 * An investor finds land: "at least 2 ha with wastewater treatment complete". The answer in the
 * panel and on the map is the one findLand() gives over the API data; the link reproduces it; an
 * enquiry sent from a listed plot reaches the planners' inbox; a bad email is caught in the form
 * and nothing is sent. A planner makes the search answerable first, through the API.
 */
import { pointOnFeature } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContextCollection, Enquiry, PlotCollection, ZoneCollection } from '../../geodata/api.ts';
import { formatDate } from '../../client/i18n/dates.ts';
import { findLand, NO_FILTERS } from '../../client/lib/land-search.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { FIND_LAYERS } from '../../client/map/style/find-land-layers.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import {
  button, closePlotPanel, field, investorDock, jumpTo, openPlotAt, minAreaFilter, openEnquiryForm, openFindLand, openInbox, openResult, plotHeading, plotTitle, readinessFilter,
  requireReady, resultRow, sendEnquiry, setEnquiryStatus, shortlistTab, signIn, vi, viReason,
} from './driver.ts';
import { startHarness, waitForIdle, waitForRendered, type Harness } from './harness.ts';

const ZONE = 'ccn-nam-bang-lung';
const PLANNER = { username: 'planner.find', password: 'a-long-test-password-42' };
const INVESTOR = { name: 'Nguyễn Thị Đầu Tư', email: 'dautu@example.vn', message: 'Cần 2 ha cho nhà máy chế biến gỗ.' };
const SHOTS = '/tmp';
/** The link the search below makes (checked in the first test), for the tests that start from it. */
const FIND_HASH = '#find=1&f.minHa=2&f.items=wastewater_treatment';

let h: Harness | null;
let planner: { cookie: string; csrf: string };
/** The plots findLand() gives for "≥ 2 ha, wastewater treatment complete", in list order. */
let expected: string[];

const api = (path: string, init: RequestInit = {}, auth = false) =>
  fetch(h!.url + path.replace(/^\//, ''), {
    ...init,
    headers: {
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(auth ? { Cookie: planner.cookie, 'X-CSRF-Token': planner.csrf } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const getJson = async <T,>(path: string, auth = false): Promise<T> => (await (await api(path, {}, auth)).json()) as T;
const enquiries = async () => (await getJson<{ enquiries: Enquiry[] }>('/api/enquiries', true)).enquiries;

beforeAll(async () => {
  h = await startHarness();
  if (!h) return;
  // A planner (made directly in the fresh test database) signs in through the API…
  await createUser(h.db, { username: PLANNER.username, role: 'planner', password: PLANNER.password });
  const res = await api('/api/session', { method: 'POST', body: JSON.stringify({ username: PLANNER.username, password: PLANNER.password }) });
  expect(res.status).toBe(200);
  planner = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  // …and records Nam Bằng Lũng's wastewater treatment as finished, so the search has answers.
  const zone = await api(`/api/zones/${ZONE}`);
  const patch = await api(
    `/api/zones/${ZONE}/infrastructure/wastewater_treatment`,
    { method: 'PATCH', headers: { 'If-Match': zone.headers.get('etag')! }, body: JSON.stringify({ progressPct: 100, asOf: '2026-05', sourceNote: 'e2e: find land' }) },
    true,
  );
  expect(patch.status).toBe(200);

  const [zones, plots, context] = await Promise.all([
    getJson<ZoneCollection>('/api/zones'),
    getJson<PlotCollection>('/api/plots'),
    getJson<ContextCollection>('/api/context'),
  ]);
  expected = findLand(plots.features, zones.features, context, { ...NO_FILTERS, minHa: 2, items: ['wastewater_treatment'] }).map((r) => r.plot.id);
  expect(expected.length).toBeGreaterThan(0);
  // Not every available plot: the filters must really cut the list.
  expect(expected.length).toBeLessThan(findLand(plots.features, zones.features, context, NO_FILTERS).length);
}, 120_000);
afterAll(() => h?.close());

async function openPage(hash = '', viewport = { width: 1200, height: 800 }) {
  const page = await h!.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h!.url + hash);
  await waitForRendered(page, [LAYERS.provinceFill]);
  return { page, errors };
}

const listed = (page: Page) => page.getByTestId('find-results').locator('li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.plotId));
const matchStates = (page: Page, ids: string[]) =>
  page.evaluate((list) => list.map((id) => window.__izAtlasMap!.getFeatureState({ source: 'plots', id }).match === true), ids);

let sharedUrl = '';

describe.skipIf(!chromiumPath())('find land', () => {
  it('filters "≥ 2 ha, wastewater treatment complete": the list and the map show exactly findLand()’s plots', async () => {
    const { page, errors } = await openPage();
    const dock = await openFindLand(page);
    await expect.poll(() => dock.getByTestId('find-count').textContent()).toMatch(/lô/);
    const before = await listed(page);

    await minAreaFilter(dock).fill('2');
    await requireReady(dock, 'wastewater_treatment');
    await expect.poll(() => listed(page)).toEqual(expected);
    expect(before.length).toBeGreaterThan(expected.length);
    expect(await dock.getByTestId('find-count').textContent()).toContain(`${expected.length} lô`);

    // Every listed plot is outlined on the map by feature-state; a plot no longer listed is not.
    await expect.poll(() => matchStates(page, expected)).toEqual(expected.map(() => true));
    const dropped = before.filter((id) => id && !expected.includes(id)) as string[];
    expect(await matchStates(page, dropped)).toEqual(dropped.map(() => false));

    // Hovering a row emphasises its plot.
    await resultRow(dock, expected[0]!).hover();
    await expect.poll(() => page.evaluate((id) => window.__izAtlasMap!.getFeatureState({ source: 'plots', id }).hover === true, expected[0]!)).toBe(true);

    // "Show all on the map" frames the answers, drawn with the match outline.
    await button(dock, 'findShowAll').click();
    await page.waitForFunction(() => window.__izAtlasMap!.getZoom() > 12 && !window.__izAtlasMap!.isMoving());
    await waitForIdle(page);
    const drawn = await page.evaluate((l) => window.__izAtlasMap!.queryRenderedFeatures({ layers: [l] }).map((f) => String(f.properties.id)), FIND_LAYERS.plotsMatch);
    for (const id of expected) expect(drawn).toContain(id);

    // The filters are in the link.
    sharedUrl = page.url();
    expect(new URL(sharedUrl).hash).toContain(FIND_HASH.slice(1));
    await page.screenshot({ path: `${SHOTS}/find-land-desktop.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reproduces the same search from the link in a new page', async () => {
    expect(sharedUrl).not.toBe('');
    const page = await h!.browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(sharedUrl);
    await waitForRendered(page, [LAYERS.provinceFill]);
    const dock = investorDock(page);
    await expect.poll(() => listed(page)).toEqual(expected);
    expect(await minAreaFilter(dock).inputValue()).toBe('2');
    expect(await readinessFilter(dock, 'wastewater_treatment').isChecked()).toBe(true);
    await expect.poll(() => matchStates(page, expected)).toEqual(expected.map(() => true));
    await page.close();
  });

  it('sends an enquiry on a listed plot; the planner sees it in the inbox and opens the plot from it', async () => {
    const { page, errors } = await openPage(FIND_HASH);
    const target = expected[0]!;
    const before = (await enquiries()).length;
    await openResult(investorDock(page), target);
    const plotPanel = page.getByTestId('plot-panel');
    const code = (await getJson<{ properties: { code: string } }>(`/api/plots/${target}`)).properties.code;
    await expect.poll(() => plotTitle(page).textContent()).toBe(plotHeading(code));
    // Selecting a row frames the plot.
    await page.waitForFunction(() => window.__izAtlasMap!.getZoom() > 15 && !window.__izAtlasMap!.isMoving());

    const form = await openEnquiryForm(page);
    await field(form, 'enqName').fill(INVESTOR.name);
    await field(form, 'enqOrganisation').fill('Cty TNHH Gỗ Thử Nghiệm');
    await field(form, 'enqEmail').fill(INVESTOR.email);
    await field(form, 'enqArea').fill('2,5');
    await field(form, 'enqMessage').fill(INVESTOR.message);
    // The honeypot is there for bots only: hidden from people and from assistive technology.
    const trap = form.locator('input[name="website"]');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await form.locator('.hp').getAttribute('aria-hidden')).toBe('true');
    await sendEnquiry(form);
    await expect.poll(() => plotPanel.getByTestId('enquiry-sent').textContent()).toContain(vi('enqSent'));
    // The receipt: a reference to quote, and honestly "no data" for the office and the answer
    // time, since this server has no ENQUIRY_DESK_* configured.
    const receipt = plotPanel.getByTestId('enquiry-receipt');
    const reference = (await receipt.getByTestId('enquiry-reference').textContent())!;
    expect(reference).toMatch(/^YC-\d{4}-\d{4,}$/);
    expect(await receipt.getByTestId('enquiry-recipient').textContent()).toBe(vi('noData'));
    expect(await receipt.getByTestId('enquiry-answer-time').textContent()).toBe(vi('noData'));

    const after = await enquiries();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ plotId: target, zoneId: ZONE, name: INVESTOR.name, email: INVESTOR.email, areaHa: 2.5, status: 'new', reference });

    // The planner signs in through the header and opens the inbox.
    await signIn(page, PLANNER);
    const inbox = await openInbox(page);
    const item = inbox.getByTestId('enquiry').filter({ hasText: INVESTOR.name });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain(INVESTOR.email);
    expect(await item.textContent()).toContain(plotHeading(code));
    expect(await item.textContent()).toContain(reference);

    // Triage: new → contacted, saved on the server.
    await setEnquiryStatus(item, 'contacted');
    await expect.poll(async () => (await enquiries()).find((e) => e.name === INVESTOR.name)?.status).toBe('contacted');

    // Planners see plots with open enquiries outlined on the map.
    await expect.poll(() => page.evaluate((l) => window.__izAtlasMap!.getLayoutProperty(l, 'visibility'), FIND_LAYERS.plotsEnquiry)).toBe('visible');
    await expect
      .poll(() =>
        page.evaluate(
          (id) => window.__izAtlasMap!.querySourceFeatures('plots').some((f) => String(f.properties.id) === id && Number(f.properties.openEnquiries) > 0),
          target,
        ),
      )
      .toBe(true);

    // The enquiry links to its plot: the panel opens on it and the map flies there.
    await closePlotPanel(page);
    await page.evaluate(() => window.__izAtlasMap!.jumpTo({ zoom: 9 }));
    await item.getByRole('button', { name: new RegExp(plotHeading(code)) }).click();
    await expect.poll(() => plotTitle(page).textContent()).toBe(plotHeading(code));
    await page.waitForFunction(() => window.__izAtlasMap!.getZoom() > 15 && !window.__izAtlasMap!.isMoving());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('catches a bad email next to the field and sends nothing', async () => {
    const { page } = await openPage(FIND_HASH);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/enquiries') && posts.push(r.url()));
    const before = (await enquiries()).length;
    await openResult(investorDock(page), expected[0]!);
    const form = await openEnquiryForm(page);
    await field(form, 'enqName').fill('Trần Văn B');
    const email = field(form, 'enqEmail');
    await email.fill('not-an-email');
    // Each wrong area is told what is wrong with it, in the shared table's words.
    const area = field(form, 'enqArea');
    const areaError = async () => form.locator(`[id="${(await area.getAttribute('aria-describedby'))!.split(' ')[0]}"]`).textContent();
    for (const [typed, reason] of [['-3', viReason('positive')], ['abc', viReason('number')], ['20000', viReason('atMost', { n: 10_000 })]] as const) {
      await area.fill(typed);
      await sendEnquiry(form);
      await expect.poll(areaError).toBe(reason);
    }
    await area.fill('');
    await sendEnquiry(form);

    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await email.getAttribute('aria-describedby'))!.split(' ')[0]!;
    const message = form.locator(`[id="${errorId}"]`);
    expect(await message.textContent()).toBe(viReason('email'));
    // Next to the field: inside the same field block, right under the input.
    expect(await message.evaluate((el) => el.closest('.field')?.querySelector('input')?.getAttribute('type'))).toBe('email');
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect((await enquiries()).length).toBe(before);

    // The server's answers land the same way (mocked here, so the rate limit is not spent):
    // a 400 names a field, shown next to it; a 429 says how long to wait.
    const problem = (status: number, extra: object) => ({
      status,
      contentType: 'application/problem+json',
      headers: (status === 429 ? { 'Retry-After': '42' } : {}) as Record<string, string>,
      body: JSON.stringify({ type: 'about:blank', title: 'x', status, ...extra }),
    });
    await page.route('**/api/enquiries', (route) => route.fulfill(problem(400, { 'invalid-params': [{ name: 'phone', reason: 'Not a phone number', code: 'phone' }] })));
    await email.fill('tran.b@example.vn');
    await sendEnquiry(form);
    const phone = field(form, 'enqPhone');
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator(`[id="${(await phone.getAttribute('aria-describedby'))!.split(' ')[0]}"]`).textContent()).toBe(viReason('phone'));
    expect(await email.getAttribute('aria-invalid')).toBe('false');
    await page.unroute('**/api/enquiries');
    await page.route('**/api/enquiries', (route) => route.fulfill(problem(429, { detail: 'Try again in 42 s.' })));
    await sendEnquiry(form);
    await expect.poll(() => form.getByTestId('enquiry-error').textContent()).toBe(vi('enqTooMany', { s: 42 }));
    await page.close();
  });

  it('offers the zone, not the plot, on a leased plot; a configured office and answer time are shown on the receipt', async () => {
    const LEASED_ZONE = 'kcn-thanh-binh-1';
    const { features } = await getJson<PlotCollection>(`/api/zones/${LEASED_ZONE}/plots`);
    const leased = features.find((f) => f.properties.status === 'leased' && f.properties.landUse === 'industrial')!;
    const { page } = await openPage(`#zone=${LEASED_ZONE}`);
    await waitForIdle(page);
    await jumpTo(page, pointOnFeature(leased).geometry.coordinates, 17);
    const panel = await openPlotAt(page, pointOnFeature(leased).geometry.coordinates as [number, number], leased.properties.code);
    expect(await button(panel, 'enquire').count()).toBe(0);
    const form = await openEnquiryForm(page, 'enquireZone');
    expect(await form.textContent()).not.toContain(leased.properties.code);
    // The receipt of a configured server (its answer stood in for here, as the harness has no office).
    const desk = { name: 'Ban Quản lý các KCN', email: 'bql@example.vn', phone: '0209 3870 000', responseDays: 5 };
    let sent: { zoneId?: string; plotId?: string } = {};
    await page.route('**/api/enquiries', (route) => {
      sent = route.request().postDataJSON() as typeof sent;
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ id: 42, status: 'new', reference: 'YC-2026-0042', desk }) });
    });
    await field(form, 'enqName').fill('Lê Văn C');
    await field(form, 'enqPhone').fill('0912 345 678');
    await sendEnquiry(form);
    const receipt = panel.getByTestId('enquiry-receipt');
    await expect.poll(() => receipt.getByTestId('enquiry-reference').textContent()).toBe('YC-2026-0042');
    expect(sent).toEqual(expect.objectContaining({ zoneId: LEASED_ZONE }));
    expect(sent.plotId).toBeUndefined();
    expect(await receipt.getByTestId('enquiry-recipient').textContent()).toBe(`${desk.name} · ${desk.email} · ${desk.phone}`);
    expect(await receipt.getByTestId('enquiry-answer-time').textContent()).toBe(vi('enqWorkingDays', { n: 5 }));
    await page.close();
  });

  it('shortlists two plots, compares them, prints a brochure, and fits a phone screen', async () => {
    // Phone: the dock is a bottom sheet below the map.
    const { page } = await openPage(FIND_HASH, { width: 390, height: 844 });
    const dock = investorDock(page);
    await expect.poll(() => listed(page)).toEqual(expected);
    const box = (await dock.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    expect(box.y).toBeGreaterThan(200);
    await page.screenshot({ path: `${SHOTS}/find-land-phone.png` });

    await button(dock, 'findReset').click();
    const all = (await listed(page)) as string[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const id of all.slice(0, 2)) await resultRow(dock, id).locator('button.star').click();
    await shortlistTab(dock, 2).click();
    await button(dock, 'compare').click();
    const table = dock.getByTestId('compare-table');
    expect(await table.locator('thead th').count()).toBe(3);
    const text = (await table.textContent())!;
    expect(text).toContain('QL3 (đường chim bay)');
    expect(text).toContain(vi('noData')); // no sourced price for these plots
    await page.screenshot({ path: `${SHOTS}/find-land-compare-phone.png` });
    // The shortlist survives a reload (localStorage).
    await page.reload();
    await waitForRendered(page, [LAYERS.provinceFill]);
    await shortlistTab(await openFindLand(page), 2).waitFor();
    await page.close();

    // The brochure: a map picture, key figures, the developer, the as-of date.
    const brochure = await h!.browser.newPage({ viewport: { width: 1200, height: 800 } });
    await brochure.goto(`${h!.url}#brochure=plot:${expected[0]}`);
    const sheet = brochure.getByTestId('brochure');
    await sheet.waitFor();
    await expect.poll(async () => (await sheet.getByTestId('brochure-map').getAttribute('src'))?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(5_000);
    const sheetText = (await sheet.textContent())!;
    expect(sheetText).toContain('Trung tâm Khuyến công');
    expect(sheetText).toContain(vi('dataAsOf'));
    expect(sheetText).toContain(formatDate('vi', '2026-05')); // the planner's infrastructure figure is the latest
    await brochure.screenshot({ path: `${SHOTS}/find-land-brochure.png`, fullPage: true });
    await brochure.emulateMedia({ media: 'print' });
    expect(await brochure.locator('#root').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await brochure.close();
  });
});
