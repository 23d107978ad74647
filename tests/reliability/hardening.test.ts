/**
 * Issue #14's figures on a real server (PGlite on disk, loopback): map reads while clients
 * export, the audit log's order past 1,000 entries, and enquiries kept across split, merge and
 * import. Results go to results/hardening.json.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridPlotsFile } from '../support/grid-plots.ts';
import { percentile } from './percentiles.ts';
import { writeResults } from './results-file.ts';
import { freshDataDir, type Running, type Session, signIn, startApp } from './server-fixture.ts';

const dataDir = freshDataDir();
let app: Running | null = null;
const results: Record<string, unknown> = {};
afterAll(async () => {
  await app?.proc.stop();
  rmSync(dataDir, { recursive: true, force: true });
  writeResults('hardening', { date: new Date().toISOString(), ...results });
});

const EXPORT_CLIENTS = 4;
/** Clients looping on heavy imports, and on OGC pages at the largest limit. */
const HEAVY_CLIENTS = 4;
const ms = (n: number) => Math.round(n * 10) / 10;
const MAP_READ = '/api/zones/ccn-huyen-tung';

async function mapReads(origin: string, untilMs: number): Promise<number[]> {
  const out: number[] = [];
  while (Date.now() < untilMs) {
    const t = performance.now();
    const r = await fetch(`${origin}${MAP_READ}`);
    await r.arrayBuffer();
    expect(r.status).toBe(200);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

async function call(origin: string, s: Session, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}${path}`, {
    method,
    headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

/**
 * Map reads for `seconds` while `clients` loop on `request` (each answer read to its end); a 503
 * is followed by a short pause, as a client honouring Retry-After would. Statuses are counted.
 */
async function readsWhile(origin: string, clients: number, seconds: number, request: (client: number, n: number) => Promise<Response>, statuses: Record<string, number>) {
  let stop = false;
  const loops = Array.from({ length: clients }, async (_, i) => {
    for (let n = 0; !stop; n++) {
      const r = await request(i, n);
      await r.arrayBuffer();
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 503) await new Promise((res) => setTimeout(res, 200));
    }
  });
  const reads = await mapReads(origin, Date.now() + seconds * 1000);
  stop = true;
  await Promise.all(loops);
  return reads;
}

describe('issue #14 figures', () => {
  beforeAll(async () => {
    app = await startApp(dataDir, { TRUST_PROXY: '1' });
  });

  it(`map-read p99 while ${HEAVY_CLIENTS} clients import and while they page OGC at the largest limit`, async () => {
    const { origin } = app!;
    const s = await signIn(origin);
    const alone = await mapReads(origin, Date.now() + 3000);
    const file = gridPlotsFile(await (await fetch(`${origin}/api/zones/ccn-vang-muoi`)).json(), 2000);
    const importStatuses: Record<string, number> = {};
    const importing = await readsWhile(origin, HEAVY_CLIENTS, 8, () =>
      call(origin, s, 'POST', '/api/import?layer=plots&zone=ccn-vang-muoi&crs=EPSG:9213&dryRun=true&filename=grid.geojson', file, { 'Content-Type': 'application/geo+json' }),
    importStatuses);
    // Every client pages a different collection or offset, so no two ask for the same page.
    const pages = ['communes', 'plots', 'zones', 'context'];
    const ogcStatuses: Record<string, number> = {};
    const paging = await readsWhile(origin, HEAVY_CLIENTS, 8, (i, n) => fetch(`${origin}/ogc/collections/${pages[(i + n) % pages.length]}/items?limit=10000&offset=${n % 5}`), ogcStatuses);
    results.mapReadWhileImporting = {
      clients: HEAVY_CLIENTS, plotsPerFile: 2000, fileBytes: file.length,
      aloneP50Ms: ms(percentile(alone, 50)), aloneP99Ms: ms(percentile(alone, 99)), aloneReads: alone.length,
      importingP50Ms: ms(percentile(importing, 50)), importingP99Ms: ms(percentile(importing, 99)), importingReads: importing.length, importStatuses,
    };
    results.mapReadWhilePagingOgc = {
      clients: HEAVY_CLIENTS, limit: 10000,
      pagingP50Ms: ms(percentile(paging, 50)), pagingP99Ms: ms(percentile(paging, 99)), pagingReads: paging.length, ogcStatuses,
    };
    console.log('map-read p99 while clients import', results.mapReadWhileImporting);
    console.log('map-read p99 while clients page OGC', results.mapReadWhilePagingOgc);
    const failures = (st: Record<string, number>) => Object.keys(st).filter((k) => Number(k) >= 500 && k !== '503');
    expect(failures(importStatuses)).toEqual([]);
    expect(failures(ogcStatuses)).toEqual([]);
    expect(importStatuses['200']).toBeGreaterThan(0);
    expect(ogcStatuses['200']).toBeGreaterThan(0);
  });

  it(`map-read p99 while ${EXPORT_CLIENTS} clients export`, async () => {
    const { origin } = app!;
    const alone = await mapReads(origin, Date.now() + 3000);
    const statuses: Record<string, number> = {};
    const measure = async (label: string, url: (i: number, n: number) => string) => {
      let stop = false;
      const exporters = Array.from({ length: EXPORT_CLIENTS }, async (_, i) => {
        for (let n = 0; !stop; n++) {
          const r = await fetch(`${origin}${url(i, n)}`);
          await r.arrayBuffer();
          statuses[`${label} ${r.status}`] = (statuses[`${label} ${r.status}`] ?? 0) + 1;
          if (r.status === 503) await new Promise((res) => setTimeout(res, 200)); // a well-behaved client honours Retry-After, briefly here
        }
      });
      const reads = await mapReads(origin, Date.now() + 6000);
      stop = true;
      await Promise.all(exporters);
      return reads;
    };
    const same = await measure('same Shapefile', () => '/api/export?layer=plots&format=shp&crs=EPSG:9213');
    const plots = ((await (await fetch(`${origin}/api/plots`)).json()) as { features: { id: string }[] }).features.map((p) => p.id);
    const varied = await measure('different exports', (i, n) => `/api/export?layer=plots&format=shp&crs=EPSG:9213&ids=${plots[(i * 7 + n) % plots.length]}`);
    results.mapReadWhileExporting = {
      clients: EXPORT_CLIENTS,
      aloneP50Ms: ms(percentile(alone, 50)), aloneP99Ms: ms(percentile(alone, 99)), aloneReads: alone.length,
      sameShapefileP50Ms: ms(percentile(same, 50)), sameShapefileP99Ms: ms(percentile(same, 99)), sameShapefileReads: same.length,
      differentExportsP50Ms: ms(percentile(varied, 50)), differentExportsP99Ms: ms(percentile(varied, 99)), differentExportsReads: varied.length,
      exportStatuses: statuses,
    };
    console.log('map-read p99 while clients export', results.mapReadWhileExporting);
    expect(Object.keys(statuses).some((k) => / 5\d\d$/.test(k) && !k.endsWith(' 503'))).toBe(false);
  });

  it('audit order past 1,000 entries', async () => {
    const { origin } = app!;
    const s = await signIn(origin);
    const plots = ((await (await fetch(`${origin}/api/zones/ccn-vang-muoi/plots`)).json()) as { features: { id: string; properties: { version: number } }[] }).features.slice(0, 8);
    let written = 0;
    const TARGET = 1010;
    await Promise.all(
      plots.map(async (p) => {
        let version = p.properties.version;
        while (written < TARGET) {
          written++;
          const r = await call(origin, s, 'PATCH', `/api/plots/${p.id}`, { sector: `edit ${written}` }, { 'If-Match': `"v${version}"` });
          expect(r.status).toBe(200);
          version = ((await r.json()) as { properties: { version: number } }).properties.version;
        }
      }),
    );
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const page = (await (await call(origin, s, 'GET', `/api/audit?zone=ccn-vang-muoi&limit=500${next ? `&before=${next}` : ''}`)).json()) as { entries: { id: number }[]; next: number | null };
      seen.push(...page.entries.map((e) => e.id));
      next = page.next;
    } while (next !== null);
    const ordered = seen.every((id, i) => i === 0 || id < seen[i - 1]!);
    const history = (await (await fetch(`${origin}/api/zones/ccn-vang-muoi/history`)).json()) as { points: { auditId: number | null }[] };
    const newestInHistory = Math.max(...history.points.map((p) => p.auditId ?? 0));
    results.auditOrder = { entries: seen.length, newestFirst: seen[0] === Math.max(...seen), strictlyDecreasing: ordered, historyKeepsNewest: newestInHistory === seen[0] };
    console.log('audit order past 1,000 entries', results.auditOrder);
    expect(seen.length).toBeGreaterThanOrEqual(TARGET);
    expect(ordered).toBe(true);
    expect(newestInHistory).toBe(seen[0]);
  });

  it('enquiries kept across split, merge and import', async () => {
    const { origin } = app!;
    const s = await signIn(origin);
    type Plot = { id: string; geometry: { coordinates: number[][][] }; properties: { status: string; openEnquiries: number } };
    const plotsOf = async (zone: string) => ((await (await fetch(`${origin}/api/zones/${zone}/plots`)).json()) as { features: Plot[] }).features;
    let ip = 0;
    const enquire = async (plotId: string) => {
      const r = await fetch(`${origin}/api/enquiries`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.66.0.${++ip}` }, body: JSON.stringify({ plotId, name: 'Investor', email: 'i@example.com' }) });
      expect(r.status).toBe(201);
    };
    const cut = (p: Plot) => {
      const ring = p.geometry.coordinates[0]!;
      const lons = ring.map((q) => q[0]!);
      const lats = ring.map((q) => q[1]!);
      const lon = (Math.min(...lons) + Math.max(...lons)) / 2;
      return { type: 'LineString', coordinates: [[lon, Math.min(...lats) - 0.001], [lon, Math.max(...lats) + 0.001]] };
    };
    // Enquiries on a plot that is split then merged back, and on every plot of a zone that an import renumbers.
    const nbl = (await plotsOf('ccn-nam-bang-lung')).find((p) => p.properties.status === 'available')!;
    for (let i = 0; i < 3; i++) await enquire(nbl.id);
    const vm = await plotsOf('ccn-vang-muoi');
    for (const p of vm.slice(0, 4)) await enquire(p.id);
    const inbox = async () => ((await (await call(origin, s, 'GET', '/api/enquiries')).json()) as { enquiries: { id: number; status: string; plotId: string | null; zoneId: string }[] }).enquiries;
    const before = await inbox();
    const split = await call(origin, s, 'POST', `/api/plots/${nbl.id}/split`, { line: cut(nbl) });
    expect(split.status).toBe(201);
    const parts = ((await split.json()) as { features: Plot[] }).features;
    expect((await call(origin, s, 'POST', '/api/plots/merge', { ids: parts.map((p) => p.id) })).status).toBe(201);
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/plots-vang-muoi.geojson'), 'utf8')) as { features: { properties: { id: string } }[] };
    for (const f of file.features) f.properties.id = `${f.properties.id}-v2`;
    expect((await call(origin, s, 'POST', '/api/import?layer=plots&zone=ccn-vang-muoi', JSON.stringify(file), { 'Content-Type': 'application/geo+json' })).status).toBe(200);
    const after = await inbox();
    let openOnLand = 0;
    for (const e of after) {
      if (e.plotId === null) continue;
      expect((await fetch(`${origin}/api/plots/${e.plotId}`)).status, `enquiry ${e.id} on ${e.plotId}`).toBe(200);
      openOnLand++;
    }
    results.enquiriesKept = { enquiries: before.length, keptAfterSplitMergeImport: after.length, onAPlotThatOpens: openOnLand, onTheZoneOnly: after.length - openOnLand, pointingAtMissingPlots: 0 };
    console.log('enquiries kept across split/merge/import', results.enquiriesKept);
    expect(after.map((e) => e.id).sort()).toEqual(before.map((e) => e.id).sort());
  });
});
