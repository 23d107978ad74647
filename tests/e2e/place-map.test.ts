/**
 * The map a reader sees first: every zone named where it is first drawn, communes named where
 * they help, the provinces and Vietnam's archipelagos in a national view, and the boundaries'
 * publisher credited. Read through queryRenderedFeatures: a label MapLibre had to drop in a
 * collision is not rendered, so it does not count.
 */
import { readFileSync } from 'node:fs';
import { centroid } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ADMIN_LAYER_IDS, COMMUNE_LABELS_MIN_ZOOM } from '../../client/map/style/admin-layers.ts';
import { LAYERS, SOURCES } from '../../client/map/style/ids.ts';
import { zonePlace } from '../../client/map/zone-names.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, jumpToAndIdle, mapAttribution, mapSettled, openAtlas, renderedProps, settledProps, switchToEnglish } from './driver.ts';
import { harnessWithZonesForFile, waitForRendered } from './harness.ts';

const { h, zones } = await harnessWithZonesForFile();

const names = (file: string) =>
  (JSON.parse(readFileSync(new URL(`../../geodata/admin/${file}`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection).features.map((f) => String(f.properties!.name));

const ZONE_LABEL_LAYERS = [LAYERS.clusterLabels, LAYERS.zoneLabels];

/**
 * The zones named by the labels placed at the first view and one zoom step in (the first click
 * on a bubble): each zone must be named in one of them, with its place in the label's text.
 */
async function zonesNamedNearFirstView(page: Parameters<typeof renderedProps>[0], lang: 'vi' | 'en', expected = zones.length) {
  const named = new Map<string, string>();
  const collect = async () => {
    for (const p of await renderedProps(page, ZONE_LABEL_LAYERS)) {
      for (const id of String(p.zoneIds ?? '').split(',').filter(Boolean)) named.set(id, String(p[lang === 'vi' ? 'labelVi' : 'labelEn']));
    }
  };
  await mapSettled(page);
  await collect();
  const atFirstView = new Set(named.keys());
  const first = await page.evaluate(() => ({ zoom: window.__izAtlasMap!.getZoom(), center: window.__izAtlasMap!.getCenter().toArray() }));
  if (named.size < expected) {
    await jumpToAndIdle(page, first.center, first.zoom + 1);
    await collect();
  }
  return { named, atFirstView, firstZoom: first.zoom };
}

type BoundaryWatch = { __boundaryWatch: { settled: number; settledBare: number; bubblesWhenAdded: number | null } };

/**
 * Looks at the map every frame, as a test polling for "settled" would: how often it was loaded,
 * still and with its tiles, how often so without the boundaries' source, and how many bubbles
 * were drawn in the first frame that had the boundaries.
 */
async function watchBoundaries(page: Parameters<typeof renderedProps>[0]) {
  await page.addInitScript(
    ([admin, clusters]) => {
      const seen: BoundaryWatch['__boundaryWatch'] = { settled: 0, settledBare: 0, bubblesWhenAdded: null };
      (window as unknown as BoundaryWatch).__boundaryWatch = seen;
      const tick = () => {
        const m = window.__izAtlasMap;
        if (m?.getSource(admin) && seen.bubblesWhenAdded === null) seen.bubblesWhenAdded = m.getLayer(clusters) ? m.queryRenderedFeatures({ layers: [clusters] }).length : 0;
        if (m?.loaded() && !m.isMoving() && m.areTilesLoaded()) {
          seen.settled++;
          if (!m.getSource(admin)) seen.settledBare++;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    [SOURCES.admin, LAYERS.clusters] as const,
  );
}

const boundaryWatch = (page: Parameters<typeof renderedProps>[0]) => page.evaluate(() => (window as unknown as BoundaryWatch).__boundaryWatch);

describe.skipIf(!chromiumPath())('the map a reader sees first', () => {
  it('names every zone of former Bắc Kạn, with its place, at its first view or one step in (1440×900, Vietnamese)', async () => {
    const bacKan = zones.filter((z) => z.properties.region === 'bac-kan');
    const atlas = await openAtlas(h!, '#region=bac-kan', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { named, atFirstView } = await zonesNamedNearFirstView(atlas.page, 'vi', bacKan.length);
    expect([...named.keys()].sort()).toEqual(bacKan.map((z) => z.id).sort());
    // The first view draws every zone, so it names every zone, without a step in.
    expect([...atFirstView].sort()).toEqual(bacKan.map((z) => z.id).sort());
    for (const z of bacKan) expect(named.get(z.id), z.id).toContain(zonePlace(z.properties.name.vi).split(' ')[0]);
    await closeAtlas(atlas);
  });

  it('labels every zone of the whole province at its first view: by its place, or counted among the "more" of its kind (1440×900, Vietnamese)', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { atFirstView, named } = await zonesNamedNearFirstView(atlas.page, 'vi', zones.length);
    expect([...atFirstView].sort()).toEqual(zones.map((z) => z.id).sort());
    for (const z of zones) {
      // The label's line for the zone's kind: "KCN Điềm Thụy …; Yên Bình và 7 nơi khác".
      const line = named.get(z.id)!.split('\n').find((l) => l.startsWith(`${z.properties.kind} `)) ?? '';
      const place = zonePlace(z.properties.name.vi).split(' ')[0]!;
      expect(line.includes(place) || / và \d+ nơi khác$/.test(line), `${z.id}: ${line}`).toBe(true);
    }
    await closeAtlas(atlas);
  });

  it('names every zone on a phone too (390×844, English)', async () => {
    const atlas = await openAtlas(h!, '#lang=en', { viewport: { width: 390, height: 844 }, waitFor: 'none' });
    const { named, atFirstView } = await zonesNamedNearFirstView(atlas.page, 'en');
    expect([...named.keys()].sort()).toEqual(zones.map((z) => z.id).sort());
    expect([...atFirstView].sort()).toEqual(zones.map((z) => z.id).sort());
    expect([...named.values()].join('\n')).toMatch(/\((KCN|CCN)\)/);
    await closeAtlas(atlas);
  });

  it('names every zone it draws as a bubble, at each zoom from the national view’s end (7–9)', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { page } = atlas;
    const centre = [105.84, 22.12];
    for (const zoom of [7, 8, 9]) {
      await jumpToAndIdle(page, centre, zoom);
      const drawn = new Set((await renderedProps(page, [LAYERS.clusters])).flatMap((p) => String(p.zoneIds ?? '').split(',').filter(Boolean)));
      const named = new Set((await renderedProps(page, ZONE_LABEL_LAYERS)).flatMap((p) => String(p.zoneIds ?? '').split(',').filter(Boolean)));
      expect(drawn.size, `zoom ${zoom}`).toBeGreaterThan(0);
      expect([...drawn].filter((id) => !named.has(id)), `zoom ${zoom}`).toEqual([]);
    }
    await closeAtlas(atlas);
  });

  // Past the national view's end the bubbles split and, from zoom 11, the zones are drawn as outlines
  // with their own names: near the southern cluster the names crowd, and none may be dropped. A zone
  // counts as drawn in view when its bubble's or its outline's centre is on screen (a sliver at the
  // edge is named where its centre is, off screen).
  it('names every zone it draws in view at zooms 10 and 11, over the province and its crowded south', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { page } = atlas;
    await mapSettled(page);
    const centres = Object.fromEntries(zones.map((z) => [z.id, centroid(z).geometry.coordinates]));
    for (const centre of [
      [105.84, 22.12],
      [105.8, 22.0],
    ]) {
      for (const zoom of [10, 11]) {
        await jumpToAndIdle(page, centre, zoom);
        const drawn = await page.evaluate(
          ([layers, centres]) => {
            const m = window.__izAtlasMap!;
            const { clientWidth: w, clientHeight: h } = m.getContainer();
            const onScreen = (c: number[]) => {
              const p = m.project(c as [number, number]);
              return p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
            };
            const ids = new Set<string>();
            for (const f of m.queryRenderedFeatures({ layers: [layers.clusters] })) {
              if (f.geometry.type === 'Point' && onScreen(f.geometry.coordinates)) for (const id of String(f.properties.zoneIds).split(',')) ids.add(id);
            }
            for (const f of m.queryRenderedFeatures({ layers: [layers.zonesFill, layers.zonesPreLeasing] })) {
              const id = String(f.id);
              if (centres[id] && onScreen(centres[id])) ids.add(id);
            }
            return [...ids];
          },
          [{ clusters: LAYERS.clusters, zonesFill: LAYERS.zonesFill, zonesPreLeasing: LAYERS.zonesPreLeasing }, centres] as const,
        );
        const named = new Set((await renderedProps(page, ZONE_LABEL_LAYERS)).flatMap((p) => String(p.zoneIds ?? '').split(',').filter(Boolean)));
        expect(drawn.length, `${centre} zoom ${zoom}`).toBeGreaterThan(0);
        expect(drawn.filter((id) => !named.has(id)), `${centre} zoom ${zoom}`).toEqual([]);
      }
    }
    await closeAtlas(atlas);
  });

  it('draws the new province and former Bắc Kạn at the first view, and names communes only from zoom 10', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { page } = atlas;
    await mapSettled(page);
    expect((await renderedProps(page, [LAYERS.provinceOutline])).map((p) => p.name)).toContain('Thái Nguyên');
    expect((await renderedProps(page, [ADMIN_LAYER_IDS.formerLine])).length).toBeGreaterThan(0);
    // The neighbours are named around the province.
    const neighbours = (await renderedProps(page, [ADMIN_LAYER_IDS.provinceLabels])).map((p) => p.nameVi);
    expect(neighbours.filter((n) => ['Cao Bằng', 'Lạng Sơn', 'Tuyên Quang'].includes(String(n))).length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => window.__izAtlasMap!.getZoom())).toBeLessThan(COMMUNE_LABELS_MIN_ZOOM);
    expect(await renderedProps(page, [ADMIN_LAYER_IDS.communeLabels])).toEqual([]);

    // Over the old provincial town at zoom 11: its wards and the communes around are named.
    await jumpToAndIdle(page, [105.84, 22.15], 11);
    const communes = (await renderedProps(page, [ADMIN_LAYER_IDS.communeLabels])).map((p) => String(p.nameVi));
    expect(communes.length).toBeGreaterThanOrEqual(6);
    expect(communes).toEqual(expect.arrayContaining(['Bắc Kạn', 'Cẩm Giàng']));
    const known = new Set(names('communes.geojson'));
    for (const c of communes) expect(known.has(c), c).toBe(true);
    await closeAtlas(atlas);
  });

  // The boundaries are added once the zones are drawn, so that the bubbles come first; a test (or
  // a picture) waiting for the map to settle must still never find it settled without them.
  it('draws the zones before the boundaries, and is never settled without the boundaries, even while its zones are held back (a national link)', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const atlas = await openAtlas(h!, '#map=6/19/106', {
      viewport: { width: 1440, height: 900 },
      waitFor: 'none',
      beforeOpen: async (page) => {
        await watchBoundaries(page);
        await page.route(/\/api\/zones$/, async (route) => {
          await held;
          await route.continue();
        });
      },
    });
    const { page } = atlas;
    // Settled while the zones are still held back: with its boundaries, drawn.
    await page.waitForFunction(() => (window as unknown as BoundaryWatch).__boundaryWatch.settled > 0, undefined, { timeout: 60_000 });
    expect(await boundaryWatch(page)).toMatchObject({ settledBare: 0 });
    expect((await settledProps(page, [ADMIN_LAYER_IDS.islands])).length).toBeGreaterThan(0);
    release();
    await waitForRendered(page, [LAYERS.clusters], 60_000);
    expect(await boundaryWatch(page)).toMatchObject({ settledBare: 0 });
    await closeAtlas(atlas);

    // The first view, zones coming as they do: the bubbles are drawn in the frame the boundaries are added.
    const first = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 }, waitFor: 'none', beforeOpen: watchBoundaries });
    await mapSettled(first.page);
    expect(await boundaryWatch(first.page)).toMatchObject({ settledBare: 0, bubblesWhenAdded: expect.any(Number) });
    expect((await boundaryWatch(first.page)).bubblesWhenAdded).toBeGreaterThan(0);
    await closeAtlas(first);
  });

  it('names the 34 provinces in a national view, and draws Hoàng Sa and Trường Sa as Vietnam’s', async () => {
    const atlas = await openAtlas(h!, '#map=6/19/106&lang=en', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { page } = atlas;
    const seen = new Set<string>();
    const archipelagos = new Set<string>();
    // Zoom 6: the north, then the south (at zoom 5 the whole country fits, but the deltas' names crowd).
    for (const [lon, lat] of [
      [106, 19],
      [107, 12],
    ] as const) {
      await jumpToAndIdle(page, [lon, lat], 6);
      // Islands drawn (settledProps fails if none ever are), then the names as placed.
      await settledProps(page, [ADMIN_LAYER_IDS.islands]);
      for (const p of await settledProps(page, [ADMIN_LAYER_IDS.nationalLabels])) seen.add(String(p.nameVi));
      for (const p of await renderedProps(page, [ADMIN_LAYER_IDS.archipelagoLabels])) archipelagos.add(String(p.nameEn));
    }
    expect([...seen].sort()).toEqual(names('provinces.geojson').sort());
    expect(seen.size).toBe(34);
    expect([...archipelagos].sort()).toEqual(['Hoàng Sa Archipelago (Viet Nam)', 'Trường Sa Archipelago (Viet Nam)']);
    await closeAtlas(atlas);
  });

  it('names all 34 provinces at once where the whole country fits (zoom 5), Hà Nội first, and Hoàng Sa and Trường Sa as Vietnam’s', async () => {
    const atlas = await openAtlas(h!, '#map=5/16/106', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { page } = atlas;
    await jumpToAndIdle(page, [106, 16], 5);
    await settledProps(page, [ADMIN_LAYER_IDS.islands]);
    const seen = new Set((await settledProps(page, [ADMIN_LAYER_IDS.nationalLabels])).map((p) => String(p.nameVi)));
    // Ranked by area alone, the capital gave way to the delta provinces crowding it.
    expect(seen.has('Hà Nội')).toBe(true);
    expect([...seen].sort()).toEqual(names('provinces.geojson').sort());
    const archipelagos = new Set((await renderedProps(page, [ADMIN_LAYER_IDS.archipelagoLabels])).map((p) => String(p.nameVi)));
    expect([...archipelagos].sort()).toEqual(['Quần đảo Hoàng Sa (Việt Nam)', 'Quần đảo Trường Sa (Việt Nam)']);
    expect((await renderedProps(page, [ADMIN_LAYER_IDS.islands])).length).toBeGreaterThan(10);
    await closeAtlas(atlas);
  });

  it('credits the boundaries’ publisher and the General Statistics Office, in the reader’s language', async () => {
    const atlas = await openAtlas(h!, '', { viewport: { width: 1440, height: 900 }, waitFor: 'none' });
    const { page } = atlas;
    await expect.poll(() => mapAttribution(page).textContent()).toContain('sapnhap.bando.com.vn');
    expect(await mapAttribution(page).textContent()).toContain('Tổng cục Thống kê');
    await switchToEnglish(page);
    await expect.poll(() => mapAttribution(page).textContent()).toContain('General Statistics Office');
    expect(await mapAttribution(page).textContent()).toContain('Cartography Publishing House');
    await closeAtlas(atlas);
  });
});
