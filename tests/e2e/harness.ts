import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import type { BasemapService } from '../../geodata/basemaps.ts';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';
import { chromiumPath, launchBrowser } from './browser.ts';

export type Harness = { url: string; browser: Browser; db: Database; close(): Promise<void> };

/**
 * The built app on a free loopback port with a fresh database, and a Chromium to drive it.
 * `basemaps`: the online basemaps the server offers (the documented defaults if absent).
 */
export async function startHarness(opts: { basemaps?: BasemapService[] } = {}): Promise<Harness | null> {
  const path = chromiumPath();
  if (!path) return null;
  const db = await openTestDb(inject('dbSnapshot'));
  const app = createApp({ db, clientDir: readConfig({}).clientDir, ...opts });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await launchBrowser(path);
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    db,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await db.close();
    },
  };
}

/**
 * The harness for a whole test file, with the zones its API serves: started when the file is
 * loaded, closed after its last test. `const { h, zones } = await harnessWithZonesForFile();`
 * (h is null without a Chromium; the file's suites skip then).
 */
export async function harnessWithZonesForFile(): Promise<{ h: Harness | null; zones: ZoneApiFeature[] }> {
  const h = await startHarness();
  afterAll(() => h?.close());
  const zones = h ? ((await (await fetch(`${h.url}api/zones`)).json()) as { features: ZoneApiFeature[] }).features : [];
  return { h, zones };
}

/**
 * A page on the harness that aborts, and records, any request leaving the machine: the app must
 * work offline. Page errors are recorded too. `allowOrigins`: origins let through all the same
 * (a tile service the test itself runs).
 */
export async function openOfflinePage(
  h: Harness,
  hash = '',
  viewport = { width: 1200, height: 800 },
  {
    allowOrigins = [],
    beforeOpen,
    ...extra
  }: {
    acceptDownloads?: boolean;
    allowOrigins?: string[];
    bypassCSP?: boolean;
    /** Runs on the page before it opens the app: scripts to add, responses to hold. */
    beforeOpen?: (page: Page) => Promise<void>;
  } = {},
) {
  const page = await h.browser.newPage({ viewport, ...extra });
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(h.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (allowOrigins.includes(new URL(url).origin)) return route.continue();
    external.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await beforeOpen?.(page);
  await page.goto(h.url + hash);
  return { page, external, errors };
}

/** Waits until MapLibre has really drawn zones (idle alone can fire with nothing on screen). */
export async function waitForRendered(page: Page, layers: string[], timeout = 30_000) {
  await page.waitForFunction(
    (ls) => {
      const m = window.__izAtlasMap;
      return !!m && ls.every((l) => m.getLayer(l)) && m.queryRenderedFeatures({ layers: ls }).length > 0;
    },
    layers,
    { timeout },
  );
}

/** Waits for the map to stop moving and finish drawing. */
export async function waitForIdle(page: Page) {
  await page.waitForFunction(() => {
    const m = window.__izAtlasMap;
    return !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded();
  });
}

/**
 * RGB of the canvas pixel where the given lon/lat is drawn, read inside a fresh frame: the map
 * does not keep its drawing buffer between frames (as client/map/next-frame.ts reads pictures).
 */
export async function pixelAt(page: Page, lonLat: [number, number], dy = 0): Promise<[number, number, number]> {
  return page.evaluate(
    ([ll, offset]) =>
      new Promise<[number, number, number]>((resolve) => {
        const m = window.__izAtlasMap!;
        m.once('render', () => {
          const p = m.project(ll);
          const src = m.getCanvas();
          const ratio = src.width / src.clientWidth;
          const c = document.createElement('canvas');
          c.width = src.width;
          c.height = src.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(src, 0, 0);
          const d = ctx.getImageData(Math.round(p.x * ratio), Math.round((p.y + offset) * ratio), 1, 1).data;
          resolve([d[0]!, d[1]!, d[2]!]);
        });
        m.triggerRepaint();
      }),
    [lonLat, dy] as const,
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const colorDistance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
