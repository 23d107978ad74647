/**
 * The legend folds to its title row and unfolds, from the keyboard too: open at first on a desktop,
 * folded on a phone (one small row that covers no zone), where unfolded it shows everything, the
 * bubbles' explanation included, and the camera moves so that no zone lies under it. On a phone the
 * province figures card is one line that unfolds how each figure was worked out. Presenting on a
 * 1280×720 projector, the caption card stays low enough that each stop is framed clear of it and of
 * the legend.
 */
import { bbox, centroid } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Tour } from '../../geodata/targets.ts';
import { translate } from '../../client/i18n/strings.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, figuresCard, figuresToggle, legend, legendToggle, openAtlas } from './driver.ts';
import { harnessWithZonesForFile, waitForIdle } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** Room around a zone's centre for its bubble (at the first view a zone is a bubble). */
const BUBBLE = 18;

const { h, zones } = await harnessWithZonesForFile();

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Each zone's bubble as drawn now: a square around its centre, in page pixels. */
async function bubbles(page: Page): Promise<Rect[]> {
  await page.waitForFunction(() => !window.__izAtlasMap!.isMoving());
  await waitForIdle(page);
  const centres = await page.evaluate(
    (pts) => {
      const m = window.__izAtlasMap!;
      const r = m.getContainer().getBoundingClientRect();
      return pts.map((p) => {
        const q = m.project(p as [number, number]);
        return { x: r.left + q.x, y: r.top + q.y };
      });
    },
    zones.map((z) => centroid(z).geometry.coordinates),
  );
  return centres.map((c) => ({ x: c.x - BUBBLE, y: c.y - BUBBLE, width: 2 * BUBBLE, height: 2 * BUBBLE }));
}

/** The zones whose bubble lies under the box (none expected). */
const covered = (all: Rect[], box: Rect) => zones.filter((_, i) => overlaps(all[i]!, box)).map((z) => z.id);

describe.skipIf(!chromiumPath())('the legend', () => {
  describe.each(['vi', 'en'] as const)('on a phone (%s)', (lang) => {
    it('starts folded to one row over no zone; unfolded from the keyboard it explains the bubbles and the map moves out from under it', async () => {
      const atlas = await openAtlas(h!, lang === 'en' ? '#lang=en' : '', { viewport: PHONE });
      const { page } = atlas;
      const toggle = legendToggle(page, lang);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      const folded = (await legend(page).boundingBox())!;
      expect(folded.height).toBeLessThanOrEqual(40);
      expect(await legend(page).getByTestId('legend-bubble').isVisible()).toBe(false);
      expect(covered(await bubbles(page), folded)).toEqual([]);

      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const bubbleKey = legend(page).getByTestId('legend-bubble');
      expect(await bubbleKey.isVisible()).toBe(true);
      expect(await bubbleKey.textContent()).toContain(translate(lang, 'legendBubble'));
      const open = (await legend(page).boundingBox())!;
      expect(open.height).toBeGreaterThan(folded.height * 3);
      // The camera follows the legend's new size: no zone is left under it, none pushed off screen.
      await expect.poll(async () => covered(await bubbles(page), open), { timeout: 10_000 }).toEqual([]);
      const map = (await page.getByTestId('map').boundingBox())!;
      for (const b of await bubbles(page)) expect(overlaps(b, map)).toBe(true);
      await page.screenshot({ path: `/tmp/legend-phone-open-${lang}.png` });

      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await closeAtlas(atlas);
    });

    it('keeps the province figures to one line, and unfolds how each was worked out', async () => {
      const atlas = await openAtlas(h!, lang === 'en' ? '#lang=en' : '', { viewport: PHONE });
      const { page } = atlas;
      const card = figuresCard(page);
      const folded = (await card.boundingBox())!;
      expect(folded.height).toBeLessThanOrEqual(44);
      expect(await card.getByTestId('stats-kcn').locator('small').isVisible()).toBe(false);
      expect(covered(await bubbles(page), folded)).toEqual([]);
      const toggle = figuresToggle(page, lang);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await card.getByTestId('stats-kcn').locator('small').isVisible()).toBe(true);
      expect((await card.boundingBox())!.height).toBeGreaterThan(folded.height * 2);
      await closeAtlas(atlas);
    });
  });

  it('on a desktop starts open, folds to its title row and opens again', async () => {
    const atlas = await openAtlas(h!, '', { viewport: DESKTOP });
    const { page } = atlas;
    const toggle = legendToggle(page);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await legend(page).getByTestId('legend-bubble').isVisible()).toBe(true);
    const open = (await legend(page).boundingBox())!;
    // The figures card shows how each figure was worked out, with no button to fold it.
    expect(await figuresCard(page).getByTestId('stats-kcn').locator('small').isVisible()).toBe(true);
    expect(await figuresToggle(page).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await legend(page).boundingBox())!.height).toBeLessThan(open.height / 5);
    await toggle.click();
    expect(await legend(page).getByTestId('legend-bubble').isVisible()).toBe(true);
    await closeAtlas(atlas);
  });

  describe.each(['vi', 'en'] as const)('presenting at 1280×720 (%s)', (lang) => {
    it('keeps the caption card low, and frames each stop clear of it and of the open legend', async () => {
      const tour = (await (await fetch(`${h!.url}api/tour`)).json()) as Tour;
      const atlas = await openAtlas(h!, lang === 'en' ? '#lang=en' : '', { viewport: { width: 1280, height: 720 } });
      const { page } = atlas;
      await page.getByTestId('open-presentation').click();
      const card = page.locator('.presentation-card');
      await card.waitFor();
      expect(await legend(page).getByTestId('legend-bubble').isVisible()).toBe(true);
      // The province, then the first zone stop.
      const stops = [0, tour.stops.findIndex((s) => s.target !== 'province')];
      for (const [n, i] of stops.entries()) {
        if (n > 0) for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.getByTestId('stop-number').textContent()).toContain(String(i + 1));
        const target = tour.stops[i]!.target;
        const shown = target === 'province' ? zones : zones.filter((z) => z.id === target);
        const cardBox = (await card.boundingBox())!;
        expect(cardBox.height).toBeLessThanOrEqual(720 * 0.4);
        const legendBox = (await legend(page).boundingBox())!;
        await page.waitForFunction(() => !window.__izAtlasMap!.isMoving(), undefined, { timeout: 15_000 });
        await waitForIdle(page);
        // Each zone of the stop as drawn: its bounding box on screen (the province's zones are bubbles there).
        const drawn = await page.evaluate(
          (boxes) => {
            const m = window.__izAtlasMap!;
            const r = m.getContainer().getBoundingClientRect();
            return boxes.map(([w, s, e, nn]) => {
              const a = m.project([w!, nn!]);
              const b = m.project([e!, s!]);
              return { x: r.left + a.x, y: r.top + a.y, width: b.x - a.x, height: b.y - a.y };
            });
          },
          shown.map((z) => bbox(z)),
        );
        await page.screenshot({ path: `/tmp/legend-presenting-${lang}-${i + 1}.png` });
        for (const [j, box] of drawn.entries()) {
          expect({
            zone: shown[j]!.id,
            underCard: overlaps(box, cardBox),
            underLegend: overlaps(box, legendBox),
          }).toEqual({ zone: shown[j]!.id, underCard: false, underLegend: false });
          expect(box.y).toBeGreaterThanOrEqual(0);
        }
      }
      await page.keyboard.press('Escape');
      await closeAtlas(atlas);
    });
  });
});
