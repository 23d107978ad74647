/**
 * Every zone's panel, and a plot panel per zone with plots, read in Vietnamese and in English:
 * no English research text, untranslated Vietnamese, raw source key or "NOT FOUND" may show.
 * The checks are general (tests/support/foreign-text.ts): they know the data's proper names and
 * source ids, not today's strings.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { Source } from '../../geodata/schema.ts';
import { foreignText, nameWords, withoutNames } from '../support/foreign-text.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, openAtlas, plotPanel, searchFor, zonePanel } from './driver.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | null;
let zones: ZoneApiFeature[] = [];
let plots: PlotApiFeature[] = [];
let sources: Source[] = [];
let places: string[] = [];
beforeAll(async () => {
  h = await startHarness();
  if (!h) return;
  const get = async <T>(path: string) => (await (await fetch(`${h!.url}${path}`)).json()) as T;
  zones = (await get<{ features: ZoneApiFeature[] }>('api/zones')).features;
  plots = (await get<{ features: PlotApiFeature[] }>('api/plots')).features;
  sources = (await get<{ sources: Source[] }>('api/sources')).sources;
  places = (
    await get<{ features: { properties: { name: { vi: string; en: string } } }[] }>('api/context')
  ).features.flatMap((f) => [f.properties.name.vi, f.properties.name.en]);
});
afterAll(() => h?.close());

/** Capitalised words written the same in both languages of one text: names, not words to translate. */
function namesInBoth(vi: string, en: string): string[] {
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => /^\p{Lu}/u.test(w));
  const inVi = new Set(words(vi));
  return words(en).filter((w) => inVi.has(w));
}

/** Names of people, firms, places, documents and publications: allowed in either language. */
function properNames(): string[] {
  return [
    ...zones.flatMap((z) => {
      const p = z.properties;
      return [
        p.name.vi,
        p.name.en,
        ...p.tenants.map((t) => t.name),
        p.developer?.text,
        p.decision?.text,
        p.addressOld?.commune,
        p.addressOld?.district,
        p.addressOld?.province,
        p.addressNew.commune,
        p.addressNew.province,
        // The new commune, where it is derived from the outline rather than sourced.
        p.communeName,
      ];
    }),
    ...plots.flatMap((p) => [p.properties.code, p.properties.tenant]),
    ...sources.map((s) => s.publisher),
    // A title we reconstructed in both languages keeps its names in both ("Đặng Thành Tâm's firm…").
    ...sources.flatMap((s) => (s.label ? namesInBoth(s.label.vi, s.label.en) : [])),
    ...places,
  ].filter((n): n is string => !!n);
}

/** What the reader sees in a panel, without the titles of cited works (published titles stay in their own language). */
const shownText = (panel: Locator) =>
  panel.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const c of copy.querySelectorAll('cite')) c.remove();
    document.body.append(copy);
    // innerText, not textContent: what is rendered, with line breaks between blocks, so words stay apart.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the reader sees
    const text = copy.innerText;
    copy.remove();
    return text;
  });

describe.skipIf(!chromiumPath())('every panel in the reader’s language', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`shows no foreign research text, source key or "NOT FOUND" in ${lang}`, async () => {
      expect(zones.length).toBeGreaterThan(0);
      const names = properNames();
      const ids = sources.map((s) => s.id);
      const words = nameWords(names);
      const findings: string[] = [];
      const check = async (where: string, panel: Locator) => {
        for (const f of foreignText(withoutNames(await shownText(panel), names), lang, ids, words))
          findings.push(`${where}: ${f.kind}: ${f.found}`);
      };
      const atlas = await openAtlas(h!, `#lang=${lang}`);
      const { page } = atlas;
      for (const z of zones) {
        // As a reader finds a zone: by its name in the search box.
        await searchFor(page, z.properties.name[lang]);
        const panel = zonePanel(page);
        await expect
          .poll(() => panel.getByRole('heading', { level: 2 }).textContent(), { timeout: 30_000 })
          .toBe(z.properties.name[lang]);
        await check(z.id, panel);
        const firstPlot = panel.locator('.plot-list button').first();
        if ((await firstPlot.count()) > 0) {
          await firstPlot.click();
          await plotPanel(page).waitFor();
          await check(`${z.id} plot`, plotPanel(page));
        }
      }
      await closeAtlas(atlas);
      expect(findings).toEqual([]);
    }, 300_000);
  }
});
