/**
 * Leaders' tools in Chromium: the timeline recolours Huyền Tụng to its 2021 state (no data) and
 * back; the Resolution 16 dashboard shows the review's two unmet targets with their sources;
 * ArrowRight moves the tour; the PNG exports have their pixel size and are not blank; the PDF
 * brief has a page for the province and one per zone (checked with poppler's pdfinfo).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { bbox, centroid } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolutionStats, resolutionZones } from '../../geodata/regions.ts';
import type { PlotCollection, Stats, ZoneApiFeature, ZoneCollection } from '../../geodata/api.ts';
import { captionFor } from '../../client/components/leaders/tour-captions.ts';
import type { Tour } from '../../geodata/targets.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { createUser } from '../../server/domain/users.ts';
import { OCCUPANCY_RAMP, rampColor } from '../../client/map/style/symbology.ts';
import { chromiumPath } from './browser.ts';
import { button, signIn, vi } from './driver.ts';
import { colorDistance, hexToRgb, pixelAt, startHarness, waitForIdle, waitForRendered, type Harness, openOfflinePage } from './harness.ts';

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function getJson<T>(path: string): Promise<T> {
  return (await (await fetch(`${h!.url}${path}`)).json()) as T;
}

/** A page that fails the test if it asks anything of the internet. */
const openPage = (hash = '', viewport = { width: 1280, height: 820 }) => openOfflinePage(h!, hash, viewport, { acceptDownloads: true });

const zoneColour = async (page: Page, z: ZoneApiFeature) => pixelAt(page, centroid(z).geometry.coordinates as [number, number], -6);

/** Clicks an export item and returns the downloaded file's bytes. */
async function exportFile(page: Page, kind: string): Promise<{ bytes: Buffer; name: string }> {
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 170_000 }), page.getByTestId(`export-${kind}`).click()]);
  const path = await download.path();
  return { bytes: readFileSync(path), name: download.suggestedFilename() };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

/** Decodes the PNG in the page and measures how much it varies: a blank picture has no variance. */
async function pngStats(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const bin = atob(b64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
    const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const n = 256;
    const c = document.createElement('canvas');
    c.width = n;
    c.height = n;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0, n, n);
    const px = ctx.getImageData(0, 0, n, n).data;
    let sum = 0;
    let sq = 0;
    const colours = new Set<number>();
    for (let i = 0; i < px.length; i += 4) {
      const v = (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
      sum += v;
      sq += v * v;
      colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
    }
    const count = px.length / 4;
    return { width: bmp.width, height: bmp.height, variance: sq / count - (sum / count) ** 2, colours: colours.size };
  }, bytes.toString('base64'));
}

type PictureRecord = NonNullable<Window['__izAtlasPictures']>[number];
type Box = { left: number; top: number; right: number; bottom: number };

/** A lon/lat box on a picture, in its CSS pixels (Web Mercator, 512-pixel tiles, north up). */
function projectBox(r: PictureRecord, [w, s, e, n]: number[]): Box {
  const world = 512 * 2 ** r.camera.zoom;
  const x = (lon: number) => ((lon + 180) / 360) * world;
  const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
  const dx = r.cssWidth / 2 - x(r.camera.lon);
  const dy = r.cssHeight / 2 - y(r.camera.lat);
  return { left: x(w!) + dx, right: x(e!) + dx, top: y(n!) + dy, bottom: y(s!) + dy };
}
const boxesOverlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every zone of `ids` lies inside the picture and under none of its furniture (legend, title, footer, scale, north arrow). */
/** CSS pixels under a zone that its label may take (the label goes below the bubble first). */
const LABEL_BELOW = 50;

function expectZonesClear(r: PictureRecord, zones: ZoneApiFeature[]) {
  for (const z of zones) {
    const zone = projectBox(r, bbox(z));
    // The zone and the label drawn under it: neither under the footer or legend, nor off the picture.
    const b = { ...zone, bottom: zone.bottom + LABEL_BELOW };
    expect({ zone: z.id, inside: b.left >= -1 && b.top >= -1 && b.right <= r.cssWidth + 1 && b.bottom <= r.cssHeight + 1 }).toEqual({ zone: z.id, inside: true });
    for (const f of r.furniture) expect({ zone: z.id, under: boxesOverlap(b, f) }).toEqual({ zone: z.id, under: false });
  }
}

function pdfinfo(): string | null {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return 'pdfinfo';
  } catch {
    const help = 'pdfinfo not found: install poppler-utils (apt-get install -y poppler-utils) to check the PDF brief';
    if (process.env.CI === 'true') throw new Error(help);
    console.warn(`\n*** PDF page count not checked: ${help}\n`);
    return null;
  }
}

describe.skipIf(!chromiumPath())("leaders' tools in Chromium", () => {
  it('the timeline moves Huyền Tụng from 100 % back to "no data" in 2021, and forward again', async () => {
    const ht = await getJson<ZoneApiFeature>('api/zones/ccn-huyen-tung');
    const [lon, lat] = centroid(ht).geometry.coordinates as [number, number];
    const { page, errors, external } = await openPage(`#map=14/${lat}/${lon}&zone=ccn-huyen-tung`);
    await waitForRendered(page, [LAYERS.zonesFill]);
    await waitForIdle(page);
    const full = hexToRgb(rampColor(OCCUPANCY_RAMP, 100));
    const noData = hexToRgb(OCCUPANCY_RAMP.noData);
    expect(colorDistance(await zoneColour(page, ht), full)).toBeLessThanOrEqual(6);

    await page.getByTestId('open-timeline').click();
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.getByTestId('timeline-zone-value').textContent()).toBe(`${vi('occupancy')} 100 %`);
    const slider = timeline.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => timeline.getByTestId('timeline-date').textContent()).toContain('31/12/2021');
    await expect.poll(async () => colorDistance(await zoneColour(page, ht), noData), { timeout: 10_000 }).toBeLessThanOrEqual(6);
    const label = timeline.getByTestId('timeline-zone-value');
    expect(await label.isVisible()).toBe(true);
    expect(await label.textContent()).toBe(`${vi('occupancy')} ${vi('noData')}`);
    expect(await timeline.getByTestId('timeline-zone').textContent()).toContain(`${vi('status')}: ${vi('noData')}`);
    // Feature-state, not data: the source still holds today's figure.
    const fromState = await page.evaluate(() => {
      const m = window.__izAtlasMap!;
      const f = m.querySourceFeatures('zones').find((x) => x.properties.id === 'ccn-huyen-tung');
      return { state: m.getFeatureState({ source: 'zones', id: 'ccn-huyen-tung' }), property: f?.properties.occupancyPct };
    });
    expect(fromState.state.tOcc).toBeNull();
    expect(fromState.property).toBe(100);
    await page.screenshot({ path: '/tmp/leaders-timeline-2021.png' });

    await page.keyboard.press('End');
    await expect.poll(() => timeline.getByTestId('timeline-date').textContent()).toContain(vi('ldToday'));
    await expect.poll(async () => colorDistance(await zoneColour(page, ht), full), { timeout: 10_000 }).toBeLessThanOrEqual(6);
    expect(await label.textContent()).toBe(`${vi('occupancy')} 100 %`);

    // Before/after: a second map shows 31/12/2021 beside today's.
    await timeline.getByTestId('timeline-compare').click();
    await expect.poll(() => page.getByTestId('compare-before').textContent()).toBe(vi('ldStateAt', { date: '31/12/2021' }));
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="compare-map"] canvas') as HTMLCanvasElement | null;
      return !!c && c.width > 0;
    });
    await expect.poll(() => page.getByTestId('map').evaluate((el) => Math.round(el.getBoundingClientRect().left))).toBeGreaterThan(500);
    // The main map redraws at half width before the picture is taken (no guessed delay).
    await waitForIdle(page);
    await page.screenshot({ path: '/tmp/leaders-compare.png' });
    await timeline.getByTestId('timeline-compare').click();
    await expect.poll(() => page.getByTestId('compare-map').count()).toBe(0);

    // Leaving the timeline restores the map's own colouring.
    await button(timeline, 'close').click();
    await expect.poll(async () => colorDistance(await zoneColour(page, ht), full)).toBeLessThanOrEqual(6);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the dashboard shows 3 of 5 targets met and the two unmet ones as not met, with their sources; a bar selects its zone', async () => {
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    await page.getByTestId('open-dashboard').click();
    const dash = page.getByTestId('r16-dashboard');
    await expect.poll(() => dash.getByTestId('review-summary').textContent()).toContain(vi('ldReviewSummary', { met: 3, total: 5 }));
    // The two named targets are cards; the three the review counts as met without naming them are one line, not three green cards.
    expect(await dash.locator('li.target[data-status="not_met"]').count()).toBe(2);
    expect(await dash.locator('li.target').count()).toBe(2);
    const unnamed = dash.getByTestId('targets-unnamed');
    expect(await unnamed.locator('[data-status="met"]').textContent()).toContain(vi('ldUnnamedGroup', { n: 3, status: vi('ldMet').toLocaleLowerCase('vi') }));
    expect(await unnamed.locator('p').count()).toBe(1);
    for (const id of ['industrial-grdp-growth', 'ccn-occupancy']) {
      const card = dash.getByTestId(`target-${id}`);
      expect(await card.getAttribute('data-status')).toBe('not_met');
      expect((await card.getByTestId('target-status').textContent())?.trim()).toMatch(new RegExp(`${vi('ldNotMet')}$`));
      expect(await card.getByTestId('target-status-source').textContent()).toContain('sơ kết 3 năm thực hiện Nghị quyết số 16-NQ/TU');
      expect(await card.getByTestId('target-status').isVisible()).toBe(true);
    }
    expect(await dash.getByTestId('target-industrial-grdp-growth').textContent()).toContain('> 13 %/năm');
    // No invented figures: unnamed targets and the cluster target's value say "no data".
    expect(await dash.getByTestId('target-ccn-occupancy').locator('.facts dd').first().textContent()).toBe(vi('noData'));
    expect(await dash.getByTestId('target-unnamed-met-1').count()).toBe(0);
    expect(await unnamed.textContent()).toContain('chưa tìm thấy nội dung');
    for (const chart of ['occupancy-kcn', 'occupancy-ccn', 'progress', 'growth', 'land']) {
      await expect.poll(() => dash.getByTestId(`chart-${chart}`).count()).toBe(1);
    }
    expect(await dash.getByTestId('chart-growth').textContent()).toContain('11,03 %');

    await page.screenshot({ path: '/tmp/leaders-dashboard-top.png' });
    // Chart → map: a bar selects its zone (feature-state on the map, no data resent).
    await dash.getByTestId('chart-progress').locator('[data-zone="ccn-huyen-tung"]').click();
    await expect.poll(() => page.url()).toContain('zone=ccn-huyen-tung');
    await expect
      .poll(() => page.evaluate(() => window.__izAtlasMap!.getFeatureState({ source: 'zones', id: 'ccn-huyen-tung' }).selected))
      .toBe(true);
    await expect
      .poll(() => page.evaluate(() => window.__izAtlasMap!.getFeatureState({ source: 'zone-points', id: 'ccn-huyen-tung' }).leadersHl))
      .toBe(true);
    expect(await dash.getByTestId('dashboard-selected').textContent()).toContain('CCN Huyền Tụng');
    expect(await dash.getByTestId('chart-land').locator('[data-zone="ccn-huyen-tung"]').getAttribute('aria-pressed')).toBe('true');
    // Map → chart: clicking another zone on the map highlights it in the charts.
    await page.evaluate(() => {
      const m = window.__izAtlasMap!;
      m.jumpTo({ center: [105.83, 22.14], zoom: 9 });
    });
    await waitForIdle(page);
    await page.screenshot({ path: '/tmp/leaders-dashboard.png' });
    await dash.locator('.targets').screenshot({ path: '/tmp/leaders-targets.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ArrowRight moves the tour to the next stop: the caption and the map centre change', async () => {
    const tour = await getJson<Tour>('api/tour');
    // The tour is Resolution 16's: its figures are former Bắc Kạn's zones and totals.
    const data = {
      zones: resolutionZones((await getJson<ZoneCollection>('api/zones')).features),
      stats: resolutionStats(await getJson<Stats>('api/stats')),
      plots: await getJson<PlotCollection>('api/plots'),
    };
    // Captions are templates filled from the live figures: what the page shows is the filled text.
    const caption = (i: number) => captionFor(tour.stops[i]!, data, 'vi');
    expect(caption(0)).not.toMatch(/[{}]/);
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    await page.getByTestId('open-presentation').click();
    const pres = page.getByTestId('presentation');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent()).toBe(caption(0));
    await waitForIdle(page);
    const before = await page.evaluate(() => window.__izAtlasMap!.getCenter().toArray());
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent()).toBe(caption(1));
    expect(await pres.getByTestId('stop-number').textContent()).toBe(`điểm 2/${tour.stops.length}`);
    await page.waitForFunction(() => !window.__izAtlasMap!.isMoving(), undefined, { timeout: 15_000 });
    await waitForIdle(page);
    const after = await page.evaluate(() => window.__izAtlasMap!.getCenter().toArray());
    expect(Math.hypot(after[0]! - before[0]!, after[1]! - before[1]!)).toBeGreaterThan(0.02);
    const zoom = await page.evaluate(() => window.__izAtlasMap!.getZoom());
    expect(zoom).toBeGreaterThan(12);
    expect(await pres.locator('.presentation-figures').textContent()).toContain(vi('occupancy'));
    await page.screenshot({ path: '/tmp/leaders-presentation.png' });
    await page.keyboard.press('PageDown');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent()).toBe(caption(2));
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent()).toBe(caption(0));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presentation').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a planner edits the tour in the UI (PUT /api/tour with the CSRF token) and the presentation follows it', async () => {
    const user = { username: 'tour.planner', password: 'a-long-tour-password-7' };
    await createUser(h!.db, { ...user, role: 'planner' });
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    await page.getByTestId('open-dashboard').click();
    // A viewer sees the tour but cannot edit it.
    await expect.poll(() => page.locator('.tour-stops li').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('edit-tour').count()).toBe(0);
    await signIn(page, user);
    await page.getByTestId('edit-tour').click();
    const box = page.getByTestId('tour-editor').locator('textarea');
    const tour = JSON.parse(await box.inputValue()) as Tour;
    tour.stops = [tour.stops[2]!, { target: 'province', caption: { vi: 'Toàn tỉnh: kết thúc', en: 'Province: the end' }, figures: ['ccn-occupancy'] }];
    await box.fill(JSON.stringify(tour, null, 2));
    await button(page.getByTestId('tour-editor'), 'save').click();
    await expect.poll(() => page.getByTestId('tour-editor').getByRole('status').textContent()).toBe(vi('ldTourSaved'));
    expect((await getJson<Tour>('api/tour')).stops.map((s) => s.target)).toEqual(['ccn-huyen-tung', 'province']);
    // A stop that names no zone is refused before it is sent, with the reason.
    await box.fill(JSON.stringify({ ...tour, stops: [{ target: 'nowhere', caption: { vi: 'x', en: 'x' }, figures: [] }] }));
    await button(page.getByTestId('tour-editor'), 'save').click();
    await expect.poll(() => page.getByTestId('tour-editor').getByRole('alert').textContent()).toContain('stops.0.target');

    await page.getByTestId('open-presentation').click();
    const pres = page.getByTestId('presentation');
    // The tour is Resolution 16's: its figures are former Bắc Kạn's zones and totals.
    const data = {
      zones: resolutionZones((await getJson<ZoneCollection>('api/zones')).features),
      stats: resolutionStats(await getJson<Stats>('api/stats')),
      plots: await getJson<PlotCollection>('api/plots'),
    };
    await expect.poll(() => pres.getByTestId('stop-caption').textContent()).toBe(captionFor(tour.stops[0]!, data, 'vi'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pres.getByTestId('stop-caption').textContent()).toBe('Toàn tỉnh: kết thúc');
    expect(await pres.getByTestId('stop-number').textContent()).toBe(vi('ldStopOf', { n: 2, total: 2 }));
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports map pictures at 1×, 2× and A4 300 dpi that have that pixel size and are not blank', async () => {
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters, LAYERS.provinceFill]);
    await waitForIdle(page);
    const box = await page.getByTestId('map').evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
    const expected: Record<string, { width: number; height: number }> = {
      '1x': { width: box.w, height: box.h },
      '2x': { width: box.w * 2, height: box.h * 2 },
      print: { width: 3508, height: 2480 },
    };
    for (const kind of ['1x', '2x', 'print']) {
      const { bytes, name } = await exportFile(page, kind);
      expect(name).toMatch(/\.png$/);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(pngSize(bytes)).toEqual(expected[kind]);
      const stats = await pngStats(page, bytes);
      expect({ width: stats.width, height: stats.height }).toEqual(expected[kind]);
      expect(stats.variance).toBeGreaterThan(100);
      expect(stats.colours).toBeGreaterThan(50);
      writeFileSync(`/tmp/leaders-export-${kind}.png`, bytes);
    }
    // The on-screen map is put back at its own pixel ratio.
    expect(await page.evaluate(() => window.__izAtlasMap!.getPixelRatio())).toBe(1);
    // Each picture shows every zone whole (the southern tip too) and none under its legend, title or footer;
    // the footer names its sources in words, not an API address.
    const zones = (await getJson<ZoneCollection>('api/zones')).features;
    const pictures = await page.evaluate(() => window.__izAtlasPictures ?? []);
    expect(pictures.map((p) => p.kind)).toEqual(['1x', '2x', 'print']);
    const publishers = new Set((await getJson<{ sources: { publisher: string | null }[] }>('api/sources')).sources.map((x) => x.publisher).filter(Boolean));
    for (const r of pictures) {
      expectZonesClear(r, zones);
      expect(r.sources).not.toMatch(/\/api\//);
      expect(r.sources.split('; ').some((name) => publishers.has(name))).toBe(true);
    }
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain('3508×2480');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('makes a PDF brief with one page for the province and one per zone', async () => {
    // The brief is Resolution 16's: former Bắc Kạn's zones.
    const all = await getJson<ZoneCollection>('api/zones');
    const zones = { ...all, features: resolutionZones(all.features) };
    const { page, errors } = await openPage();
    await waitForRendered(page, [LAYERS.clusters]);
    const { bytes, name } = await exportFile(page, 'pdf');
    expect(name).toMatch(/\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = '/tmp/leaders-brief.pdf';
    writeFileSync(file, bytes);
    const tool = pdfinfo();
    if (tool) {
      const info = execFileSync(tool, [file], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`^Pages:\\s+${zones.features.length + 1}$`, 'm'));
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
      // The sources are named in words (titles, publishers), never as an API address.
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).not.toContain('/api/');
      expect(text).toContain('Cổng thông tin điện tử tỉnh Bắc Kạn');
    }
    // On every page the map frames its zone (or the province's zones) clear of the legend, scale and north arrow.
    const pictures = await page.evaluate(() => window.__izAtlasPictures ?? []);
    expect(pictures.length).toBe(zones.features.length + 1);
    for (const r of pictures) {
      const target = r.kind.replace(/^pdf-/, '');
      expectZonesClear(r, target === 'province' ? zones.features : zones.features.filter((z) => z.id === target));
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
