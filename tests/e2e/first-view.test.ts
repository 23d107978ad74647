/**
 * The first view frames every zone clear of everything drawn over the map: the figures card, the
 * legend, the timeline bar, panels, and the map's own zoom buttons, scale and attribution. Read
 * from what MapLibre drew (each bubble's centre and radius with room for its name below, each zone polygon's extent, each
 * name's placed box across the map's sides) against
 * the overlays' boxes on the page, on a desktop and a phone, in Vietnamese and English.
 */
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../client/map/style/ids.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, mapSettled, openAtlas } from './driver.ts';
import { harnessWithZonesForFile } from './harness.ts';

const { h, zones } = await harnessWithZonesForFile();

/** Everything drawn over the map that could hide a zone. */
const OVERLAYS = '.legend, .stats, .timeline-bar, .panel, .maplibregl-ctrl-attrib, .maplibregl-ctrl-scale, .maplibregl-ctrl-group';

type Box = { left: number; top: number; right: number; bottom: number };

/** The zones drawn on screen, each bubble or polygon with its box in page pixels; the overlays' boxes; the map's. */
async function firstView(page: Parameters<typeof mapSettled>[0]) {
  return page.evaluate(
    ([layers, overlays, NAME_BELOW]) => {
      const m = window.__izAtlasMap!;
      const r = m.getContainer().getBoundingClientRect();
      const at = (c: number[]) => {
        const p = m.project(c as [number, number]);
        return { x: r.left + p.x, y: r.top + p.y };
      };
      // The bubbles' radius as layers.ts draws it (10 px for one zone, 18 for six, 26 for twenty), plus the 2 px stroke.
      const radius = (n: number) => 2 + (n <= 6 ? 10 + ((n - 1) * 8) / 5 : n <= 20 ? 18 + ((n - 6) * 8) / 14 : 26);
      const drawn: { ids: string[]; box: { left: number; top: number; right: number; bottom: number } }[] = [];
      for (const f of m.queryRenderedFeatures({ layers: [layers.clusters] })) {
        if (f.geometry.type !== 'Point') continue;
        const c = at(f.geometry.coordinates);
        const k = radius(Number(f.properties.count ?? 1));
        // Below the bubble, its name: two lines of 12 px text past the label's offset.
        drawn.push({ ids: String(f.properties.zoneIds ?? '').split(',').filter(Boolean), box: { left: c.x - k, top: c.y - k, right: c.x + k, bottom: c.y + k + NAME_BELOW } });
      }
      for (const f of m.queryRenderedFeatures({ layers: [layers.zonesFill, layers.zonesPreLeasing] })) {
        const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : [];
        const pts = ring.map(at);
        drawn.push({ ids: [String(f.properties.id)], box: { left: Math.min(...pts.map((p) => p.x)), top: Math.min(...pts.map((p) => p.y)), right: Math.max(...pts.map((p) => p.x)), bottom: Math.max(...pts.map((p) => p.y)) } });
      }
      const covers = [...document.querySelectorAll(overlays)]
        .map((el) => ({ what: el.className, box: el.getBoundingClientRect() }))
        .filter((o) => o.box.width > 0 && o.box.height > 0)
        .map((o) => ({ what: String(o.what), box: { left: o.box.left, top: o.box.top, right: o.box.right, bottom: o.box.bottom } }));
      // A name is placed where its bubble is on screen even if part of it runs off the canvas:
      // MapLibre answers for the names whose placed boxes reach into the bands just past either side.
      const nameLayers = layers.names.filter((l) => m.getLayer(l));
      const band = (x0: number, x1: number) => m.queryRenderedFeatures([[x0, 0], [x1, r.height]], { layers: nameLayers }).map((f) => String(f.properties.zoneIds));
      const namesPastSides = [...band(-100, -1), ...band(r.width + 1, r.width + 100)];
      return { drawn, covers, namesPastSides, map: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
    },
    [{ clusters: LAYERS.clusters, zonesFill: LAYERS.zonesFill, zonesPreLeasing: LAYERS.zonesPreLeasing, names: [LAYERS.clusterLabels, LAYERS.zoneLabels] }, OVERLAYS, 40] as const,
  );
}

const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What is wrong with the view, in words: zones not drawn, drawn off the map, or under an overlay; names cut by the map's sides. */
function problems(view: Awaited<ReturnType<typeof firstView>>): string[] {
  const out: string[] = [];
  const seen = new Set(view.drawn.flatMap((d) => d.ids));
  for (const z of zones) if (!seen.has(z.id)) out.push(`${z.id} not drawn`);
  for (const d of view.drawn) {
    const inside = d.box.left >= view.map.left && d.box.right <= view.map.right && d.box.top >= view.map.top && d.box.bottom <= view.map.bottom;
    if (!inside) out.push(`${d.ids.join('+')} past the map's edge`);
    for (const o of view.covers) if (meets(d.box, o.box)) out.push(`${d.ids.join('+')} under ${o.what}`);
  }
  for (const ids of view.namesPastSides) out.push(`${ids.replaceAll(',', '+')}'s name past the map's side`);
  return out;
}

describe.skipIf(!chromiumPath())('the first view', () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ] as const) {
    for (const lang of ['vi', 'en'] as const) {
      it(`frames every zone clear of every overlay (${viewport.width}×${viewport.height}, ${lang})`, async () => {
        const atlas = await openAtlas(h!, lang === 'en' ? '#lang=en' : '', { viewport });
        const { page } = atlas;
        // The figures card comes with its own data, after the zones: the view is taken again around it.
        await page.getByTestId('stats').waitFor();
        await mapSettled(page);
        await expect.poll(async () => problems(await firstView(page)), { timeout: 10_000 }).toEqual([]);
        await closeAtlas(atlas);
      });
    }
  }
});
