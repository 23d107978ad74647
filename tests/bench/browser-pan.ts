import type { Browser, Page } from 'playwright-core';
import { median } from './stats.ts';
import { VIEWPORT, type PageKind } from './browser-render.ts';

export type PanRun = { kind: PageKind; frames: number; renders: number; ms: number; longestFrameMs: number };

/** Waits until the page's map shows zones, has loaded its tiles and stopped moving. */
async function settle(page: Page, kind: PageKind) {
  await page.waitForFunction(
    (k) => {
      const m = k === 'app' ? window.__izAtlasMap : window.__bareMap;
      if (!m?.getLayer('zones-fill')) return false;
      return m.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0 && m.loaded() && !m.isMoving() && m.areTilesLoaded();
    },
    kind,
    { polling: 100, timeout: 60_000 },
  );
}

/**
 * Eases the map east by `dLon` degrees over `ms` (linear, one animation like a long drag: one
 * moveend at the end) and counts the frames the browser managed (requestAnimationFrame callbacks)
 * and the longest gap between two. A main thread busy decoding data or drawing shows up as fewer
 * frames and a longer longest frame.
 */
async function pan(page: Page, kind: PageKind, dLon: number, ms: number): Promise<Omit<PanRun, 'kind'>> {
  // A string, not a function: tsx would wrap named inner functions in a __name helper the page lacks.
  const script = `new Promise((resolve) => {
    const m = ${kind === 'app' ? 'window.__izAtlasMap' : 'window.__bareMap'};
    const start = m.getCenter();
    let frames = 0, renders = 0, longest = 0, last = performance.now(), done = false;
    const onRender = () => { renders++; };
    m.on('render', onRender);
    const t0 = performance.now();
    const step = (t) => {
      frames++;
      longest = Math.max(longest, t - last);
      last = t;
      if (!done) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    m.once('moveend', () => {
      done = true;
      m.off('render', onRender);
      resolve({ frames, renders, ms: performance.now() - t0, longestFrameMs: longest });
    });
    m.easeTo({ center: [start.lng + ${dLon}, start.lat], duration: ${ms}, easing: (x) => x });
  })`;
  return (await page.evaluate(script)) as Omit<PanRun, 'kind'>;
}

export type PanResult = { app: PanRun[]; bare: PanRun[]; appZonesOnly: PanRun[]; appFramesMedian: number; bareFramesMedian: number; appZonesOnlyFramesMedian: number };

/**
 * `runs` pans of each page from the same view, alternating: the app, the bare page, and the app
 * with every layer hidden but zones-fill (what the bare page draws), which splits the gap into
 * what the app draws more and what it costs otherwise.
 */
export async function measurePan(browser: Browser, urls: Record<PageKind, string>, opts: { runs: number; dLon: number; ms: number }): Promise<PanResult> {
  const app: PanRun[] = [];
  const bare: PanRun[] = [];
  const appZonesOnly: PanRun[] = [];
  for (let i = 0; i < opts.runs; i++) {
    for (const variant of ['app', 'bare', 'app-zones-only'] as const) {
      const kind = variant === 'bare' ? 'bare' : 'app';
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        await page.goto(urls[kind]);
        await settle(page, kind);
        if (variant === 'app-zones-only') {
          await page.evaluate(() => {
            const m = window.__izAtlasMap!;
            for (const l of m.getStyle().layers) if (l.id !== 'zones-fill' && l.id !== 'background') m.setLayoutProperty(l.id, 'visibility', 'none');
          });
          await page.waitForTimeout(300);
        }
        const r = await pan(page, kind, opts.dLon, opts.ms);
        (variant === 'app' ? app : variant === 'bare' ? bare : appZonesOnly).push({ kind, ...r });
      } finally {
        await context.close();
      }
    }
  }
  const frames = (runs: PanRun[]) => median(runs.map((r) => r.frames));
  return { app, bare, appZonesOnly, appFramesMedian: frames(app), bareFramesMedian: frames(bare), appZonesOnlyFramesMedian: frames(appZonesOnly) };
}

type Transfer = { bytes: number; requests: number; byType: Record<string, number> };

/**
 * Bytes a first visit transfers (response bodies as sent plus headers, the worker's tile requests
 * included) until zones are drawn and the network has been quiet for a second; then the same for a
 * second visit in the same browser, which shows what the caching headers keep off the network.
 */
export async function measureTransfer(browser: Browser, url: string, kind: PageKind): Promise<Transfer & { second: Transfer }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    let sizes: Promise<{ url: string; bytes: number }>[] = [];
    context.on('requestfinished', (req) => {
      sizes.push(req.sizes().then((s) => ({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize })).catch(() => ({ url: req.url(), bytes: 0 })));
    });
    let lastRequest = performance.now();
    context.on('request', () => (lastRequest = performance.now()));
    const visit = async (): Promise<Transfer> => {
      sizes = [];
      await page.goto(url);
      await settle(page, kind);
      while (performance.now() - lastRequest < 1000) await page.waitForTimeout(200);
      const all = await Promise.all(sizes);
      const byType: Record<string, number> = {};
      for (const s of all) {
        const path = new URL(s.url).pathname;
        const type = path.startsWith('/tiles/') ? 'tiles' : path.startsWith('/api/') ? 'api' : /\.(m?js)$/.test(path) ? 'js' : /\.woff2?$/.test(path) ? 'fonts' : 'other';
        byType[type] = (byType[type] ?? 0) + s.bytes;
      }
      return { bytes: all.reduce((n, s) => n + s.bytes, 0), requests: all.length, byType };
    };
    const first = await visit();
    // A new page in the same context: what a reader who comes back tomorrow downloads.
    await page.goto('about:blank');
    const second = await visit();
    return { ...first, second };
  } finally {
    await context.close();
  }
}
