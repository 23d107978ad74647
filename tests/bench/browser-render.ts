import type { Browser, Page } from 'playwright-core';
import { median } from './stats.ts';

export const VIEWPORT = { width: 1280, height: 800 };

export type PageKind = 'app' | 'bare';
export type RenderRun = { kind: PageKind; inPageMs: number; wallMs: number };

/**
 * Resolves with performance.now() (ms since navigation start) on the first animation frame where
 * MapLibre reports rendered zone features. 'idle' alone is not enough: it fires with nothing drawn.
 */
async function waitForZones(page: Page, kind: PageKind): Promise<number> {
  const handle =
    kind === 'app'
      ? await page.waitForFunction(
          () => {
            const m = window.__izAtlasMap;
            if (!m) return false;
            const layers = ['clusters-circle', 'zones-fill'].filter((l) => m.getLayer(l));
            return layers.length > 0 && m.queryRenderedFeatures({ layers }).length > 0 && performance.now();
          },
          undefined,
          { polling: 'raf', timeout: 60_000 },
        )
      : await page.waitForFunction(
          () => {
            const m = window.__bareMap;
            return !!m && !!m.getLayer('zones-fill') && m.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0 && performance.now();
          },
          undefined,
          { polling: 'raf', timeout: 60_000 },
        );
  return (await handle.jsonValue()) as number;
}

async function once(browser: Browser, kind: PageKind, url: string): Promise<RenderRun> {
  // A fresh context has an empty HTTP cache, like a first visit.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = performance.now();
    await page.goto(url);
    let inPageMs: number;
    try {
      inPageMs = await waitForZones(page, kind);
    } catch (err) {
      throw new Error(`${kind} page never rendered zones (${url}): ${String(err)}${errors.length ? `\npage errors: ${errors.join('; ')}` : ''}`);
    }
    return { kind, inPageMs, wallMs: performance.now() - t0 };
  } finally {
    await context.close();
  }
}

export type RenderResult = { app: RenderRun[]; bare: RenderRun[]; appMedian: number; bareMedian: number; appWallMedian: number; bareWallMedian: number };

/** One unmeasured run of each warms Chromium's shader and compile caches; then app and bare alternate. */
export async function measureRender(browser: Browser, urls: Record<PageKind, string>, runs: number): Promise<RenderResult> {
  await once(browser, 'app', urls.app);
  await once(browser, 'bare', urls.bare);
  const app: RenderRun[] = [];
  const bare: RenderRun[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(await once(browser, 'app', urls.app));
    bare.push(await once(browser, 'bare', urls.bare));
  }
  return {
    app,
    bare,
    appMedian: median(app.map((r) => r.inPageMs)),
    bareMedian: median(bare.map((r) => r.inPageMs)),
    appWallMedian: median(app.map((r) => r.wallMs)),
    bareWallMedian: median(bare.map((r) => r.wallMs)),
  };
}
