/**
 * The browser tests' driver: the one place that knows how to find things in the app and what a
 * user does with them. Tests speak in user actions (openAtlas, signIn, openZone, editZone, save…)
 * and assert on what the driver hands back; elements are found by role, accessible name or test
 * id, and every name comes from the app's own message table (client/i18n), so a change of copy or
 * markup is made here once, not in every test.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ENQUIRY_STATUS_LABELS, INFRA_LABELS, PLOT_STATUS_LABELS, SECTOR_LABELS, type EnquiryStatus, type InfraItem, type PlotStatus, type Sector } from '../../geodata/vocabulary.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { translate, type StringKey } from '../../client/i18n/strings.ts';
import { reasonMessage, type ReasonCode, type ReasonParams } from '../../geodata/rules/reasons.ts';
import { type Harness, openOfflinePage, waitForIdle, waitForRendered } from './harness.ts';

/** A message as the Vietnamese interface shows it, placeholders filled. */
export const vi = (key: StringKey, vars: Record<string, string | number> = {}) => translate('vi', key, vars);

/** A rule's reason (a refused field, a broken rule) as the Vietnamese interface shows it. */
export const viReason = (code: ReasonCode, params?: ReasonParams) => reasonMessage('vi', params ? { code, params } : { code });

/** A plot status as the Vietnamese interface names it ("Đã cho thuê"). */
export const viStatus = (s: PlotStatus) => PLOT_STATUS_LABELS[s].vi;

/** A message with placeholders as a pattern of its whole text, any value in each placeholder. */
export function viPattern(key: StringKey): RegExp {
  const template = translate('vi', key, new Proxy({}, { get: (_t, name) => `{${String(name)}}` }));
  const escaped = template
    .split(/\{\w+\}/)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${escaped}$`);
}

export type Atlas = { page: Page; external: string[]; errors: string[] };

/**
 * Opens the app offline (every request leaving the machine is aborted and recorded) at a hash
 * (`#zone=…`, `#map=…`), and waits until the layer a user would look at is drawn.
 */
export async function openAtlas(
  h: Harness,
  hash = '',
  opts: {
    viewport?: { width: number; height: number };
    waitFor?: 'zones' | 'plots' | 'none';
    timeout?: number;
    acceptDownloads?: boolean;
    /** Origins the page may reach besides the app (a tile service the test runs). */
    allowOrigins?: string[];
    /** Lets a test inject a script (axe-core), which the app's Content Security Policy refuses. */
    bypassCSP?: boolean;
    /** Runs on the page before it opens the app (harness.ts). */
    beforeOpen?: (page: Page) => Promise<void>;
  } = {},
): Promise<Atlas> {
  const atlas = await openOfflinePage(h, hash, opts.viewport, {
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
    ...(opts.allowOrigins ? { allowOrigins: opts.allowOrigins } : {}),
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
    ...(opts.beforeOpen ? { beforeOpen: opts.beforeOpen } : {}),
  });
  const layer = opts.waitFor ?? 'zones';
  if (layer !== 'none') await waitForRendered(atlas.page, [layer === 'plots' ? LAYERS.plotsFill : LAYERS.zonesFill], opts.timeout ?? 60_000);
  return atlas;
}

/** The app's own checks at the end of a test: it stayed offline and threw nothing. */
export async function closeAtlas(atlas: Atlas) {
  expect(atlas.external).toEqual([]);
  expect(atlas.errors).toEqual([]);
  await atlas.page.close();
}

// ---- session -----------------------------------------------------------------------------------

/** Signs in through the header's form, as a planner would, and waits until the header says who. */
export async function signIn(page: Page, user: { username: string; password: string }) {
  const header = page.getByRole('banner');
  await unfoldHeader(page);
  await header.getByRole('button', { name: vi('signIn') }).click();
  const form = header.getByRole('form', { name: vi('signIn') });
  await form.getByLabel(vi('username')).fill(user.username);
  await form.getByLabel(vi('password')).fill(user.password);
  await form.getByRole('button', { name: vi('signIn') }).click();
  await page.getByTestId('session').filter({ hasText: user.username }).waitFor({ timeout: 30_000 });
}

// ---- the legend and the province figures ----------------------------------------------------------

export const legend = (page: Page) => page.getByTestId('legend');
/** The legend's title row, the button that folds it away and back ("Chú giải: Tỷ lệ lấp đầy"). */
export const legendToggle = (page: Page, lang: 'vi' | 'en' = 'vi') => legend(page).getByRole('button', { name: new RegExp(`^${translate(lang, 'legend')}`) });
/** The province figures card, and (on a phone) the button that unfolds how each figure was worked out. */
export const figuresCard = (page: Page) => page.getByTestId('stats');
export const figuresToggle = (page: Page, lang: 'vi' | 'en' = 'vi') => figuresCard(page).getByRole('button', { name: translate(lang, 'statsDetails') });

// ---- search ----------------------------------------------------------------------------------------

/** Types into the header's search box and presses Enter (opens the first match). */
export async function searchFor(page: Page, text: string) {
  await page.getByRole('banner').getByRole('searchbox').fill(text);
  await page.keyboard.press('Enter');
}

// ---- the map -------------------------------------------------------------------------------------

/** Clicks the map where a lon/lat is drawn (page coordinates: the map sits below the header). */
export async function clickMap(page: Page, at: [number, number]) {
  const p = await page.evaluate((ll) => {
    const m = window.__izAtlasMap!;
    const box = m.getContainer().getBoundingClientRect();
    const q = m.project(ll);
    return { x: box.left + q.x, y: box.top + q.y };
  }, at);
  await page.mouse.click(p.x, p.y);
}

export { waitForIdle as mapSettled };

/** Moves the camera to a lon/lat and zoom, and waits until the map has settled there. */
export async function jumpTo(page: Page, lonLat: number[], zoom: number) {
  await page.evaluate(([c, z]) => window.__izAtlasMap!.jumpTo({ center: c as [number, number], zoom: z as number }), [lonLat, zoom] as const);
  await waitForIdle(page);
}

// ---- panels --------------------------------------------------------------------------------------

export const zonePanel = (page: Page) => page.getByTestId('zone-panel');
export const plotPanel = (page: Page) => page.getByTestId('plot-panel');

/** The plot panel's title ("Lô CN-02"), or the code alone. */
export const plotTitle = (page: Page) => plotPanel(page).getByRole('heading', { level: 2 });
export const plotHeading = (code: string) => `${vi('plot')} ${code}`;
export const plotCodeOf = (heading: string) => heading.replace(`${vi('plot')} `, '');

/** The zone panel's occupancy figure ("42 %"). */
export const zoneOccupancy = (page: Page) => zonePanel(page).getByTestId('zone-occupancy');

/** Opens one of the zone panel's tabs; returns the panel. */
export async function openZoneTab(page: Page, tab: 'tabHistory' | StringKey) {
  await zonePanel(page).getByRole('tab', { name: vi(tab) }).click();
  return zonePanel(page);
}

/** From a plot's panel back to its zone's (the button names the zone). */
export const backToZone = (page: Page, zoneName: RegExp) => plotPanel(page).getByRole('button', { name: zoneName }).click();

/** Opens the plot drawn at a lon/lat and waits until its panel names it. */
export async function openPlotAt(page: Page, at: [number, number], code: string) {
  await clickMap(page, at);
  await expect.poll(() => plotTitle(page).textContent(), { timeout: 30_000 }).toBe(plotHeading(code));
  return plotPanel(page);
}

/** A button of a panel or form, by the message it shows. */
export const button = (within: Locator | Page, key: StringKey) => within.getByRole('button', { name: vi(key) });

/** A form field, by its label in the message table. */
export const field = (form: Locator, key: StringKey) => form.getByLabel(vi(key));

// ---- editing -------------------------------------------------------------------------------------

/** Opens the zone panel's edit form. */
export async function editZone(page: Page): Promise<Locator> {
  const panel = zonePanel(page);
  await button(panel, 'editZone').click();
  return panel.getByTestId('zone-edit-form');
}

/** Opens the plot panel's edit form. */
export async function editPlot(page: Page): Promise<Locator> {
  await button(plotPanel(page), 'editPlot').click();
  return plotPanel(page).getByTestId('plot-edit-form');
}

/** Sets the plot form's status by the name the user reads in the list. */
export const chooseStatus = (form: Locator, status: PlotStatus) => field(form, 'status').selectOption({ label: viStatus(status) });

/** Picks the plot form's sector from the vocabulary, by the name the user reads in the list. */
export const chooseSector = (form: Locator, sector: Sector) => field(form, 'sector').selectOption({ label: SECTOR_LABELS[sector].vi });

/** A sector the list lacks: "Other (type it)…", then its name. */
export async function typeOtherSector(form: Locator, text: string) {
  await field(form, 'sector').selectOption({ label: vi('sectorOther') });
  await form.getByLabel(vi('sectorOtherText')).fill(text);
}

/** Ticks (or unticks) a sector of the zone form's list. */
export const tickZoneSector = (form: Locator, sector: Sector, on = true) =>
  form.getByRole('group', { name: vi('sectors') }).getByRole('checkbox', { name: SECTOR_LABELS[sector].vi }).setChecked(on);

/** Presses a form's Save. */
export const save = (form: Locator) => button(form, 'save').click();

/** An edit form's conflict box: the record changed under the user. */
export const conflictBox = (form: Locator) => form.getByTestId('conflict');

/** The two values of a field in the conflict box: [theirs (now stored), mine]. */
export async function conflictValues(page: Page, conflict: Locator, fieldKey: StringKey): Promise<string[]> {
  const row = conflict.locator('tr.differs', { has: page.getByRole('rowheader', { name: vi(fieldKey) }) });
  return row.locator('td').allTextContents();
}

/** Keeps my values after a conflict (they are saved with the next Save). */
export const keepMine = (conflict: Locator) => button(conflict, 'keepMine').click();

// ---- split and merge -------------------------------------------------------------------------------

/** The notice a plot tool leaves in the plot panel ("Đã chia thành …"). */
export const plotNotice = (page: Page) => plotPanel(page).getByTestId('plot-notice');

/**
 * What a plot tool's submit led to, without waiting: the panel's notice, or the error its tool
 * shows instead, so a failed wait for the notice names what the planner saw ('' while neither).
 */
export const plotToolOutcome = async (page: Page) =>
  (await plotPanel(page).locator('[data-testid="plot-notice"], [role="alert"]').allTextContents()).join(' | ');

/** Splits the open plot along a line through the given points; returns the split tool. */
export async function splitAlong(page: Page, line: [number, number][]) {
  const panel = plotPanel(page);
  await button(panel, 'split').click();
  const tool = panel.getByTestId('split-tool');
  await tool.waitFor();
  for (const at of line) await clickMap(page, at);
  await button(tool, 'finishLine').click();
  await expect.poll(() => tool.getByRole('status').textContent()).toContain(vi('splitReady', { n: line.length }));
  await button(tool, 'split').click();
}

/** Starts merging the open plot and picks the neighbour drawn at a lon/lat; returns the merge tool. */
export async function pickMergeNeighbour(page: Page, at: [number, number]) {
  const panel = plotPanel(page);
  await button(panel, 'merge').click();
  const tool = panel.getByTestId('merge-tool');
  await tool.waitFor();
  await clickMap(page, at);
  return tool;
}

// ---- the map from the keyboard ---------------------------------------------------------------------

/** The map itself (MapLibre's canvas), where the arrow keys pan and Space adds a point while drawing. */
export const mapCanvas = (page: Page) => page.getByTestId('map').locator('canvas.maplibregl-canvas');

/** The crosshair a drawing tool shows at the map's centre. */
export const mapCrosshair = (page: Page) => page.getByTestId('map-crosshair');

/** Presses a key on the focused map and waits until the move it starts has ended (an arrow key pans it by one step). */
async function nudgeMap(page: Page, key: string) {
  await page.evaluate(() => {
    const m = window.__izAtlasMap!;
    (window as unknown as { __moved: Promise<void> }).__moved = new Promise((resolve) => m.once('moveend', () => resolve()));
  });
  await mapCanvas(page).press(key);
  await page.evaluate(() => (window as unknown as { __moved: Promise<void> }).__moved);
}

/** Zooms the focused map in with the "+" key until it reaches `zoom`. */
export async function zoomMapWithKeys(page: Page, zoom: number) {
  for (let i = 0; i < 10 && (await page.evaluate(() => window.__izAtlasMap!.getZoom())) < zoom - 0.01; i++) await nudgeMap(page, '=');
}

/**
 * Moves the map with the arrow keys until a lon/lat is as near the centre, under the crosshair,
 * as the keys can bring it (within half a step, which is 100 px), as a keyboard user would.
 * Returns where the centre is.
 */
export async function panMapWithKeys(page: Page, at: [number, number]): Promise<[number, number]> {
  await mapCanvas(page).focus();
  const seen: string[] = [];
  // A step that would not bring the point nearer is not taken (a step is 100 px; 55 leaves slack for rounding).
  const half = 55;
  for (let i = 0; i < 40; i++) {
    // The app may be moving the camera itself (a panel opening pads it): read offsets at rest.
    await page.waitForFunction(() => !window.__izAtlasMap!.isMoving());
    const { dx, dy, centre } = await page.evaluate((ll) => {
      const m = window.__izAtlasMap!;
      const q = m.project(ll);
      const c = m.project(m.getCenter());
      return { dx: q.x - c.x, dy: q.y - c.y, centre: m.getCenter().toArray() as [number, number] };
    }, at);
    seen.push(`${Math.round(dx)},${Math.round(dy)}`);
    if (Math.abs(dx) <= half && Math.abs(dy) <= half) return centre;
    const key = Math.abs(dx) > half ? (dx > 0 ? 'ArrowRight' : 'ArrowLeft') : dy > 0 ? 'ArrowDown' : 'ArrowUp';
    await nudgeMap(page, key);
  }
  throw new Error(`the arrow keys did not bring ${at} under the crosshair (offsets seen: ${seen.join(' ')})`);
}

/** Space on the focused map: adds a point under the crosshair to the drawing under way. */
export const addPointWithSpace = (page: Page) => mapCanvas(page).press('Space');

/** The drawing tools' button that adds a point at the map's centre, pressed from the keyboard. */
export const addPointWithButton = (within: Locator) => within.getByRole('button', { name: vi('addPointAtCentreLabel') }).press('Enter');

/** Presses a button from the keyboard (focus, then Enter). */
export const pressButton = (within: Locator | Page, key: StringKey) => button(within, key).press('Enter');

/** Opens a plot from its zone panel's list of plots, from the keyboard. */
export const openPlotFromList = (page: Page, code: string) =>
  zonePanel(page).getByRole('region', { name: vi('plotList') }).getByRole('button', { name: plotHeading(code), exact: true }).press('Enter');

/**
 * A planner at work on a plot: opens the atlas on the plot's zone, signs in, and opens the plot
 * from the zone's list of plots with the keyboard; resolves once its panel names it.
 */
export async function openPlotAsPlanner(h: Harness, { zone, plot, user, viewport = { width: 1280, height: 900 } }: { zone: string; plot: string; user: { username: string; password: string }; viewport?: { width: number; height: number } }): Promise<Atlas> {
  const atlas = await openAtlas(h, `#zone=${zone}`, { viewport, waitFor: 'zones' });
  await signIn(atlas.page, user);
  await waitForIdle(atlas.page);
  await openPlotFromList(atlas.page, plot);
  await expect.poll(() => plotTitle(atlas.page).textContent(), { timeout: 30_000 }).toBe(plotHeading(plot));
  return atlas;
}

/** Opens the split tool from the keyboard, with the crosshair shown, the map focused and zoomed to `zoom`; returns the tool. */
export async function startSplitWithKeys(page: Page, zoom = 18) {
  await pressButton(plotPanel(page), 'split');
  const tool = plotPanel(page).getByTestId('split-tool');
  await tool.waitFor();
  await expect.poll(() => mapCrosshair(page).isVisible()).toBe(true);
  await mapCanvas(page).focus();
  await zoomMapWithKeys(page, zoom);
  return tool;
}

/** The merge tool's list of adjacent plots: picks one by the code it shows. */
export const chooseMergeNeighbour = (tool: Locator, code: string) => field(tool, 'mergeNeighbour').selectOption({ label: plotHeading(code) });

/** The investors' measuring tab, opened from the keyboard; returns its panel. */
export async function openMeasure(page: Page) {
  await unfoldHeader(page);
  await page.getByRole('button', { name: vi('findLand'), exact: true }).press('Enter');
  await investorDock(page).getByRole('tab', { name: vi('tabMeasure') }).press('Enter');
  return page.getByTestId('measure-panel');
}

/** The measured length the panel shows, in km (Vietnamese decimals: "0,27 km"). */
export async function measuredKm(panel: Locator): Promise<number | null> {
  const dd = panel.getByTestId('measure-result').locator('dd').first();
  if (!(await dd.count())) return null;
  const text = (await dd.textContent()) ?? '';
  const n = Number.parseFloat(text.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

// ---- import and export -----------------------------------------------------------------------------

/** From the zone's panel to the upload panel ("Nhập sơ đồ lô đất từ tệp"), with the zone chosen. */
export async function openImportFromZone(page: Page) {
  await zonePanel(page).getByTestId('import-plots').click();
  return page.getByTestId('import-panel');
}

/** Chooses a file (and optionally the CRS the planner names, '' for "as the file says") and presses Check. */
export async function checkImport(panel: Locator, file: string, crs?: string) {
  if (crs !== undefined) await panel.getByTestId('import-crs-choice').selectOption(crs);
  await panel.getByTestId('import-file').setInputFiles(file);
  await panel.getByTestId('import-check').click();
}

/** Opens the header's Export menu. */
export const openExportMenu = (page: Page) => page.getByRole('banner').getByText(vi('ldExport'), { exact: true }).click();

/** Export menu → a map picture or the PDF brief; resolves with the download. */
export async function downloadExport(page: Page, kind: '1x' | '2x' | 'print' | 'pdf', timeout: number) {
  await openExportMenu(page);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByTestId(`export-${kind}`).click()]);
  return file;
}

/** The header's Export menu → "data": opens the data export panel. */
export async function openDataExport(page: Page) {
  await openExportMenu(page);
  await page.getByTestId('export-data').click();
  return page.getByTestId('data-export');
}

// ---- reading the map -------------------------------------------------------------------------------

/** Types into the search box and picks the suggestion whose name matches. */
export async function pickSearchResult(page: Page, text: string, name: RegExp) {
  await page.getByRole('searchbox').fill(text);
  await page.getByRole('option', { name }).click();
}

/** The zone panel's title (the zone's name in the current language). */
export const zoneTitle = (page: Page) => zonePanel(page).getByRole('heading', { level: 2 });

/** Closes the zone panel. */
export const closeZonePanel = (page: Page) => zonePanel(page).getByRole('button', { name: new RegExp(vi('close')) }).click();

/** Colours zones by infrastructure progress instead of occupancy. */
export const colourByProgress = (page: Page) => page.getByRole('radio', { name: vi('progress') }).check();

/** Switches the interface to English (the button is labelled in the other language). */
export const switchToEnglish = (page: Page) => page.getByRole('button', { name: vi('language') }).click();

// ---- investors: find land, enquiries, shortlist -------------------------------------------------------

/** The investors' dock (find land, shortlist). */
export const investorDock = (page: Page) => page.getByTestId('investor-dock');

/** On a phone the header's controls are folded into its menu: unfolds it (nothing to do on a desktop). */
export async function unfoldHeader(page: Page) {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Opens "Tìm đất" from the header; returns the dock. */
export async function openFindLand(page: Page) {
  await unfoldHeader(page);
  await page.getByRole('button', { name: vi('findLand'), exact: true }).click();
  return investorDock(page);
}

/** The dock's minimum-area filter. */
export const minAreaFilter = (dock: Locator) => field(dock, 'findMinHa');

/** The readiness filter for one infrastructure item ("Xử lý nước thải"). */
export const readinessFilter = (dock: Locator, item: InfraItem) => dock.getByRole('checkbox', { name: INFRA_LABELS[item].vi });

/** Asks for plots whose infrastructure item is complete (opens the readiness filters first). */
export async function requireReady(dock: Locator, item: InfraItem) {
  await dock.locator('summary', { hasText: vi('findReadiness') }).click();
  await readinessFilter(dock, item).check();
}

/** A result row of the dock, by plot id. */
export const resultRow = (dock: Locator, plotId: string) => dock.locator(`li[data-plot-id="${plotId}"]`);

/** Opens a listed plot from the dock. */
export const openResult = (dock: Locator, plotId: string) => resultRow(dock, plotId).locator('button.result').click();

/** Opens the enquiry form of the open plot (a held plot offers its zone's: 'enquireZone'); returns the form. */
export async function openEnquiryForm(page: Page, key: 'enquire' | 'enquireZone' = 'enquire') {
  await button(plotPanel(page), key).click();
  return plotPanel(page).getByTestId('enquiry-form');
}

/** Presses the enquiry form's Send. */
export const sendEnquiry = (form: Locator) => button(form, 'enqSend').click();

/** Opens the planners' enquiry inbox from the header; returns it. */
export async function openInbox(page: Page) {
  await page.getByTestId('inbox-button').click();
  return page.getByTestId('enquiry-inbox');
}

/** Moves an enquiry of the inbox to another status. */
export const setEnquiryStatus = (item: Locator, status: EnquiryStatus) => field(item, 'enquiryStatus').selectOption({ label: ENQUIRY_STATUS_LABELS[status].vi });

/** Closes the plot panel. */
export const closePlotPanel = (page: Page) => button(plotPanel(page), 'close').click();

/** The dock's shortlist tab ("Đã chọn (2)"). */
export const shortlistTab = (dock: Locator, n: number) => dock.getByRole('tab', { name: vi('tabShortlist', { n }) });

/** A result row's shortlist star, named for the plot ("☆ Thêm vào so sánh: Lô CN-01"), added or not. */
export const shortlistStar = (row: Locator, code: string, listed: boolean) =>
  row.getByRole('button', { name: `${vi(listed ? 'shortlistRemove' : 'shortlistAdd')}: ${plotHeading(code)}` });

/** Presses a form's Cancel. */
export const cancel = (form: Locator) => button(form, 'cancel').click();

/** Opens user management from the session menu; returns the users panel. */
export async function openUsers(page: Page) {
  await page.getByTestId('session').getByRole('button', { name: vi('users') }).click();
  return page.getByTestId('users-panel');
}

// ---- basemaps -------------------------------------------------------------------------------------

/** The basemap switch among the map's controls: its button, and the menu it opens. */
export const basemapButton = (page: Page) => page.getByTestId('map').getByRole('button', { name: vi('basemap') });
export const basemapMenu = (page: Page) => page.getByRole('group', { name: vi('basemap') });

/** Opens the switch (if closed) and picks a basemap by the name it shows; the offline one is `basemapOffline`. */
export async function chooseBasemap(page: Page, name: string) {
  if ((await basemapButton(page).getAttribute('aria-expanded')) !== 'true') await basemapButton(page).click();
  await basemapMenu(page).getByRole('radio', { name }).check();
}

/** The notice the switch shows when a service cannot be reached. */
export const basemapNotice = (page: Page) => page.getByTestId('map').getByRole('status');

/** The text of the map's attribution control (the credits of what is drawn). */
export const mapAttribution = (page: Page) => page.getByTestId('map').locator('.maplibregl-ctrl-attrib-inner');

// ---- reading places off the map --------------------------------------------------------------------

/** The properties of the features MapLibre has placed on screen in these layers (collision losers are not placed). */
export async function renderedProps(page: Page, layers: string[]): Promise<Record<string, unknown>[]> {
  return page.evaluate((ls) => {
    const m = window.__izAtlasMap!;
    return m.queryRenderedFeatures({ layers: ls.filter((l) => m.getLayer(l)) }).map((f) => f.properties);
  }, layers);
}

/**
 * The features of `layers` once they are drawn and their labels placed: MapLibre can call the map
 * idle before a source just loaded has asked for its tiles, and places labels over a few frames,
 * so this polls until a non-empty set reads the same twice in a row.
 */
export async function settledProps(page: Page, layers: string[], timeout = 20_000): Promise<Record<string, unknown>[]> {
  let last = '';
  let props: Record<string, unknown>[] = [];
  await expect
    .poll(
      async () => {
        props = await renderedProps(page, layers);
        const now = JSON.stringify(props.map((p) => JSON.stringify(p)).sort());
        const same = props.length > 0 && now === last;
        last = now;
        return same;
      },
      { timeout, interval: 250 },
    )
    .toBe(true);
  return props;
}

/**
 * Moves the camera and waits for the map's next 'idle': every tile of the new view loaded and its
 * labels placed (checking loaded() right after jumpTo can pass before the new tiles are even asked for).
 */
export async function jumpToAndIdle(page: Page, lonLat: readonly number[], zoom: number) {
  await page.evaluate(
    ([c, z]) =>
      new Promise<void>((resolve) => {
        const m = window.__izAtlasMap!;
        m.once('idle', () => resolve());
        m.jumpTo({ center: c as [number, number], zoom: z as number });
      }),
    [lonLat, zoom] as const,
  );
}

// ---- regions of the new province ---------------------------------------------------------------------

/** The header's region switch ("Vùng"): the whole province, or one former province. */
export const regionSwitch = (page: Page) => page.getByRole('banner').getByLabel(vi('regionShown'));

/** Shows one former province (its Vietnamese label, e.g. "Thái Nguyên cũ"), as a user picks it in the header. */
export async function switchRegion(page: Page, label: string) {
  await unfoldHeader(page);
  await regionSwitch(page).selectOption({ label });
}

/** The zones find-land lists apart because they have no plot layout (their ids). */
export const findZoneIds = (dock: Locator) => dock.getByTestId('find-zones').locator('li[data-zone-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-zone-id')!));

/** The plots find-land lists (their ids). */
export const findPlotIds = (dock: Locator) => dock.locator('li[data-plot-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-plot-id')!));

// ---- the keyboard alone ------------------------------------------------------------------------------

/** Whether the focused element is marked so a sighted keyboard user sees it (an outline of 2 px or more). */
export function focusShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
  });
}

/** Whether the keyboard focus is on this element. */
export const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** A short description of the focused element, for messages ("BUTTON Đóng"). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}` : 'nothing';
  });

/**
 * Presses Tab (Shift+Tab with `back`) until the focus is on `target`, as a keyboard user would
 * walk to it. Returns the stops passed on the way whose focus was not visibly marked (none, in a
 * usable app); throws if `target` is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<string[]> {
  const unmarked: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return unmarked;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    // Past the page's last control the focus leaves the page (the body holds it) before it wraps round.
    const past = await page.evaluate(() => document.activeElement === document.body);
    if (!past && !(await focusShown(page))) unmarked.push(await focusedName(page));
  }
  throw new Error(`Tab did not reach the element within ${max} presses (last focus: ${await focusedName(page)})`);
}

/** Presses a key wherever the focus is. */
export const pressKey = (page: Page, key: string) => page.keyboard.press(key);

/** A header button by the message it shows. */
export const headerButton = (page: Page, key: StringKey) => page.getByRole('banner').getByRole('button', { name: vi(key), exact: true });

/** The header's Export menu: the button that unfolds it, and its items by test id ('1x', 'pdf', 'data'). */
export const exportMenuButton = (page: Page) => page.getByRole('banner').locator('summary', { hasText: vi('ldExport') });
export const exportItem = (page: Page, kind: '1x' | '2x' | 'print' | 'pdf' | 'data') => page.getByTestId(`export-${kind}`);

/** Whether the Export menu is unfolded. */
export const exportMenuOpen = (page: Page) => exportMenuButton(page).evaluate((s) => (s.parentElement as HTMLDetailsElement).open);

/** The leaders' views. */
export const dashboard = (page: Page) => page.getByTestId('r16-dashboard');
export const timelineBar = (page: Page) => page.getByTestId('timeline');
export const timelineDate = (page: Page) => page.getByTestId('timeline-date');
export const timelineSlider = (page: Page) => timelineBar(page).getByRole('slider');
export const compareMap = (page: Page) => page.getByTestId('compare-map');
export const presentation = (page: Page) => page.getByTestId('presentation');
export const presentationStop = (page: Page) => presentation(page).getByTestId('stop-number');
export const tourEditor = (page: Page) => page.getByTestId('tour-editor');

/** The dashboard's charts: a zone's row in a bar chart, and a zone's button in a line chart's legend. */
export const chartBar = (page: Page, chart: 'progress' | 'land', zoneId: string) => page.getByTestId(`chart-${chart}`).locator(`.bar-row[data-zone="${zoneId}"]`);
export const chartLegendZones = (page: Page, chart: 'occupancy-kcn' | 'occupancy-ccn') => page.getByTestId(`chart-${chart}`).locator('.chart-legend').getByRole('button');
/** The zone the dashboard's charts have selected ("Đang chọn: …"). */
export const dashboardSelection = (page: Page) => page.getByTestId('dashboard-selected');

/** The brochure page: the sheet; whether the focus is inside the brochure, or in the app it covers. */
export const brochureSheet = (page: Page) => page.getByTestId('brochure');
export const focusInBrochure = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.brochure'));
export const focusBehindBrochure = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('#root'));
