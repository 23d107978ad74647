/**
 * Issue #14: imports and large OGC pages are heavy work. An upload is read and checked in the
 * heavy-work thread, not on the one that answers map reads; imports and pages above the default
 * size queue (a bounded number wait), and beyond the queue the answer is 503 with Retry-After,
 * never a 500; a large page is streamed in pieces.
 */
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { runOffThread } from '../../server/heavy/off-thread.ts';
import { loadImportContext } from '../../server/import/commit.ts';
import { readAndAnalyse } from '../../server/import/analyse-upload.ts';
import { ANON } from '../support/api-client.ts';
import { gridPlotsFile } from '../support/grid-plots.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, app, api, planner } = await signedInAppForFile();
const ZONE = 'ccn-vang-muoi';
const zone = (await (await api.call(ANON, 'GET', `/api/zones/${ZONE}`)).json()) as ZoneApiFeature;

describe('an upload is read and checked off the thread that answers map reads', () => {
  it('gives the same analysis in the heavy-work thread as in process', async () => {
    const file = gridPlotsFile(zone, 50);
    const ctx = await loadImportContext(db, 'import-test');
    const upload = () => ({ bytes: new TextEncoder().encode(file), fileName: 'grid.geojson', layer: 'plots' as const, zone: ZONE, crs: 'EPSG:9213', maxBytes: 50e6, ctx });
    const off = await runOffThread('importAnalysis', upload());
    expect(off.threadId).not.toBe(threadId);
    const here = await readAndAnalyse(upload());
    expect(off.result).toEqual(here);
    expect(off.result.analysis.features).toHaveLength(here.analysis.features.length);
  });

  it('answers a file that cannot be read with the same refusal as before, from the thread', async () => {
    const r = await api.call(planner, 'POST', `/api/import?layer=plots&zone=${ZONE}&dryRun=true&filename=x.geojson`, '{"type":"FeatureCollection","features":[');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('heavy requests beyond the queue get 503 with Retry-After, never 500', () => {
  it('imports: one checked at a time, four waiting', async () => {
    const file = gridPlotsFile(zone, 400);
    const res = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const r = await app.request(`/api/import?layer=plots&zone=${ZONE}&crs=EPSG:9213&dryRun=true&filename=grid.geojson`, {
          method: 'POST',
          headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, 'Content-Type': 'application/geo+json' },
          body: file,
        });
        return { status: r.status, retryAfter: r.headers.get('retry-after'), type: r.headers.get('content-type'), body: await r.text() };
      }),
    );
    const statuses = res.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join()).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    const busy = res.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.type).toMatch(/problem\+json/);
    }
  });

  it('OGC pages above the default size: one built at a time, eight waiting; each streamed in pieces', async () => {
    const res = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const r = await app.request(`/ogc/collections/communes/items?limit=10000&offset=${i}`);
        let pieces = 0;
        let text = '';
        if (r.body) {
          const decoder = new TextDecoder();
          for await (const chunk of r.body) {
            pieces++;
            text += decoder.decode(chunk, { stream: true });
          }
        }
        return { status: r.status, retryAfter: r.headers.get('retry-after'), pieces, text };
      }),
    );
    const statuses = res.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join()).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(9);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    for (const r of res.filter((x) => x.status === 503)) expect(Number(r.retryAfter)).toBeGreaterThan(0);
    const page = res.find((r) => r.status === 200)!;
    const fc = JSON.parse(page.text) as { features: unknown[]; numberReturned: number; numberMatched: number };
    expect(fc.features).toHaveLength(fc.numberReturned);
    expect(fc.numberReturned).toBeGreaterThan(0);
    expect(page.pieces).toBeGreaterThan(1);
    // A page of the default size is not heavy work: never refused.
    const small = await Promise.all(Array.from({ length: 16 }, () => app.request('/ogc/collections/communes/items?limit=10')));
    expect(small.map((r) => r.status).every((s) => s === 200)).toBe(true);
  });

  it('OGC HTML pages above the default size: the same queue and Retry-After; each streamed in pieces, a whole page', async () => {
    const url = (i: number) => `/ogc/collections/communes/items?limit=10000&offset=${i}`;
    const res = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const r = await app.request(`${url(i)}&f=html`);
        const chunks: string[] = [];
        if (r.body) {
          const decoder = new TextDecoder();
          for await (const chunk of r.body) chunks.push(decoder.decode(chunk, { stream: true }));
        }
        return { i, status: r.status, retryAfter: r.headers.get('retry-after'), type: r.headers.get('content-type'), etag: r.headers.get('etag'), chunks };
      }),
    );
    const statuses = res.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join()).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(9);
    const busy = res.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.type).toMatch(/problem\+json/);
    }
    const page = res.find((r) => r.status === 200)!;
    expect(page.type).toMatch(/^text\/html/);
    expect(page.etag).toBeTruthy();
    expect(page.chunks.length).toBeGreaterThan(1);
    const text = page.chunks.join('');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
    // One row per feature of the same page as JSON, each linking to its feature.
    const fc = (await (await app.request(`${url(page.i)}&f=json`)).json()) as { features: { id: string }[] };
    const rows = [...text.matchAll(/<tr><td><a href="\/ogc\/collections\/communes\/items\/([^"?]+)\?f=html">/g)].map((m) => decodeURIComponent(m[1]!));
    expect(rows).toEqual(fc.features.map((f) => f.id));
    // The ETag answers a conditional request without a body.
    expect((await app.request(`${url(page.i)}&f=html`, { headers: { 'If-None-Match': page.etag! } })).status).toBe(304);
  });
});
