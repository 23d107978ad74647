/**
 * The scale figures, for one dataset (the bundled Bắc Kạn one or the synthetic national one):
 * viewport API and tile throughput at 1, 16 and 64 connections against a static replay of the
 * same bytes, navigation-to-render and panning in Chromium against a bare MapLibre page, bytes of
 * a first visit against MapLibre + React alone, server memory, start-up and tile generation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { TileMeta } from '../../geodata/tiles.ts';
import { captureBody } from './api-latency.ts';
import { serveBarePage } from './bare-page.ts';
import { measurePan, measureTransfer } from './browser-pan.ts';
import { measureRender } from './browser-render.ts';
import { measureClusterBuild } from './cluster-build.ts';
import { capture, loadTest, type LoadResult } from './loadgen.ts';
import { serverMemory, startServer } from './processes.ts';
import { figure, type Figure } from './report.ts';
import { APP_ARGS, APP_SCRIPT, measureStartup } from './startup.ts';
import { measureTileGeneration } from './tile-gen.ts';
import { spread, tilePaths, viewportApiPaths, zoneCentres } from './workload.ts';

export type ScaleOptions = {
  /** 'bk' or 'national': prefixes every figure id. */
  key: string;
  label: string;
  geodataDir: string;
  dataDir: string;
  tmp: string;
  browser: Browser;
  bareDir: string;
  bareReactDir: string;
  /** `#map=z/lat/lon` for both pages, or '' for each page's default (Bắc Kạn). */
  view: string;
  /** Also render the app with the other data mode (?tiles=1 on Bắc Kạn). */
  alsoForcedTiles: boolean;
  /** Pan test: a view over many zones and plots, and how far east to move in 5 s. */
  pan: { view: string; dLon: number } | null;
  renderRuns: number;
  startupRuns: number;
  /** Figures of the first start on an empty DATA_DIR (seeding) are added when this is true. */
  firstStart: boolean;
  log: (msg: string) => void;
};

const CONNECTIONS = [1, 16, 64] as const;
// Long enough that each side runs about a second or more, so the figure is the steady state and
// not the first half-second of JIT and GC: at 480 requests a viewport run lasted ~0.25 s, and a
// baseline tile run at 1,600 requests under 0.1 s. maxMs still caps a slow side.
const REQUESTS = {
  viewport: { 1: 1000, 16: 4000, 64: 8000 },
  tiles: { 1: 1500, 16: 8000, 64: 12000 },
} as const;

export async function runScale(o: ScaleOptions): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const env = { GEODATA: o.geodataDir };
  const id = (s: string) => `${o.key}.${s}`;
  const labelled = (s: string) => `${o.label}: ${s}`;

  let firstMs: number | null = null;
  if (o.firstStart) {
    o.log(`${o.label}: first start on an empty DATA_DIR (initdb and seeding)`);
    const first = await startServer(APP_SCRIPT, APP_ARGS, { ...env, DATA_DIR: o.dataDir });
    firstMs = first.ms;
    await first.proc.stop();
  }

  o.log(`${o.label}: load tests`);
  const app = await startServer(APP_SCRIPT, APP_ARGS, { ...env, DATA_DIR: o.dataDir });
  const firstTileT0 = performance.now();
  const meta = (await (await fetch(`${app.origin}/tiles/meta.json`)).json()) as TileMeta;
  const metaMs = performance.now() - firstTileT0;
  const centres = spread(zoneCentres(o.geodataDir), 24);
  const viewportPaths = viewportApiPaths(centres);
  const tiles = tilePaths(centres, meta.version);

  // Capture what the app sends, for the static replay.
  const capDir = join(o.tmp, `capture-${o.key}`);
  mkdirSync(capDir, { recursive: true });
  const manifest: { path: string; file: string; status: number; headers: Record<string, string> }[] = [];
  let tileBytes = 0;
  let viewportBytes = 0;
  for (const [i, path] of [...viewportPaths, ...tiles].entries()) {
    const r = await capture(app.origin, path);
    if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
    const file = `r${i}.bin`;
    writeFileSync(join(capDir, file), r.body);
    manifest.push({ path, file, status: r.status, headers: r.headers });
    if (path.startsWith('/tiles/')) tileBytes += r.body.length;
    else viewportBytes += r.body.length;
  }
  writeFileSync(join(capDir, 'manifest.json'), JSON.stringify(manifest));
  const replay = await startServer('tests/bench/fixtures/static-files-server.ts', [], { CAPTURE_DIR: capDir });

  const load: Record<string, { app: LoadResult; base: LoadResult }> = {};
  for (const kind of ['viewport', 'tiles'] as const) {
    const paths = kind === 'viewport' ? viewportPaths : tiles;
    for (const c of CONNECTIONS) {
      const opts = { connections: c, requests: REQUESTS[kind][c], warmup: Math.min(paths.length, 200), maxMs: 5000 };
      const a = await loadTest(app.origin, paths, opts);
      const b = await loadTest(replay.origin, paths, opts);
      if (a.errors || b.errors) o.log(`warning: ${kind} c${c}: ${a.errors} app errors, ${b.errors} baseline errors`);
      load[`${kind}.c${c}`] = { app: a, base: b };
    }
  }
  await replay.proc.stop();
  details.load = load;
  details.workload = { viewports: viewportPaths.length, tiles: tiles.length, meanTileBytes: tileBytes / tiles.length, meanViewportBytes: viewportBytes / viewportPaths.length };

  const replayLabel = 'static replay of the same bytes';
  for (const kind of ['viewport', 'tiles'] as const) {
    const what = kind === 'viewport' ? 'GET /api/plots?bbox=<z14 viewport>' : 'GET /tiles/{zones,plots}/z/x/y.mvt';
    const mean = kind === 'viewport' ? viewportBytes / viewportPaths.length : tileBytes / tiles.length;
    for (const c of CONNECTIONS) {
      const { app: a, base: b } = load[`${kind}.c${c}`]!;
      const p99Budget = kind === 'tiles' && o.key === 'national' ? 'p99 < 50 ms' : 'info';
      figures.push(
        figure({ id: id(`${kind}.c${c}.rps`), label: labelled(`${what}, ${c} conn., throughput`), unit: 'req/s', value: a.reqPerSec, baseline: b.reqPerSec, baselineLabel: replayLabel, runs: a.requests, budget: `ratio ≥ 0.5; mean body ${(mean / 1000).toFixed(1)} kB` }),
        figure({ id: id(`${kind}.c${c}.p50`), label: labelled(`${what}, ${c} conn., p50`), unit: 'ms', value: a.p50, baseline: b.p50, baselineLabel: replayLabel, runs: a.requests, budget: 'info' }),
        figure({ id: id(`${kind}.c${c}.p99`), label: labelled(`${what}, ${c} conn., p99`), unit: 'ms', value: a.p99, baseline: b.p99, baselineLabel: replayLabel, runs: a.requests, budget: p99Budget }),
      );
    }
  }

  o.log(`${o.label}: navigation to rendered zones, ${o.renderRuns} runs each`);
  const zonesBody = await captureBody(`${app.origin}/api/zones`);
  const bare = await serveBarePage(o.bareDir, zonesBody);
  const bareReact = await serveBarePage(o.bareReactDir, zonesBody);
  const errors: string[] = [];
  details.errors = errors;
  /** A part that fails (a page that never draws on a loaded machine) is reported, not fatal. */
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      const msg = `${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
      errors.push(msg);
      o.log(`${o.label}: FAILED ${msg}`);
    }
  };
  try {
    const appUrl = `${app.origin}/${o.view}`;
    const bareUrl = `${bare.url}${o.view}`;
    await attempt('render', async () => {
      const r = await measureRender(o.browser, { app: appUrl, bare: bareUrl }, o.renderRuns);
      const mode = meta.recommended;
      figures.push(
        figure({ id: id(`render.${mode}.median`), label: labelled(`navigation → zones rendered, app (${mode}), median`), unit: 'ms', value: r.appMedian, baseline: r.bareMedian, baselineLabel: 'bare MapLibre page', runs: r.app.length, budget: 'ratio ≤ 1.3', samples: r.app.map((x) => x.inPageMs), baselineSamples: r.bare.map((x) => x.inPageMs) }),
      );
      if (o.alsoForcedTiles) {
        const other = mode === 'tiles' ? 'geojson' : 'tiles';
        const forced = `${app.origin}/?tiles=${other === 'tiles' ? 1 : 0}${o.view}`;
        const t = await measureRender(o.browser, { app: forced, bare: bareUrl }, o.renderRuns);
        figures.push(
          figure({ id: id(`render.${other}.median`), label: labelled(`navigation → zones rendered, app forced to ${other}, median`), unit: 'ms', value: t.appMedian, baseline: t.bareMedian, baselineLabel: 'bare MapLibre page', runs: t.app.length, budget: `info; compare with the ${mode} row`, samples: t.app.map((x) => x.inPageMs), baselineSamples: t.bare.map((x) => x.inPageMs) }),
        );
      }
    });

    const panOpts = o.pan;
    if (panOpts) await attempt('pan', async () => {
      o.log(`${o.label}: 5 s pans`);
      const p = await measurePan(o.browser, { app: `${app.origin}/${panOpts.view}`, bare: `${bare.url}${panOpts.view}` }, { runs: 2, dLon: panOpts.dLon, ms: 5000 });
      details.pan = p;
      figures.push(
        figure({ id: id('pan.frames'), label: labelled('frames during a scripted 5 s pan (linear easeTo at z14.6, plots shown), median'), unit: 'frames', value: p.appFramesMedian, baseline: p.bareFramesMedian, baselineLabel: 'bare MapLibre page, same pan', runs: p.app.length, budget: 'ratio ≥ 0.8', samples: p.app.map((x) => x.frames), baselineSamples: p.bare.map((x) => x.frames) }),
        figure({ id: id('pan.frames.zones-only'), label: labelled('same pan, app showing only zones-fill (what the bare page draws), median'), unit: 'frames', value: p.appZonesOnlyFramesMedian, baseline: p.bareFramesMedian, baselineLabel: 'bare MapLibre page, same pan', runs: p.appZonesOnly.length, budget: 'info: the gap left once the content is the same' }),
        figure({ id: id('pan.longest-frame'), label: labelled('longest frame during the pan, median'), unit: 'ms', value: median(p.app.map((x) => x.longestFrameMs)), baseline: median(p.bare.map((x) => x.longestFrameMs)), baselineLabel: 'bare MapLibre page, same pan', runs: p.app.length, budget: '≤ 2 × the bare page\'s' }),
      );
    });

    await attempt('transfer', async () => {
      o.log(`${o.label}: bytes of a first visit`);
      const at = await measureTransfer(o.browser, appUrl, 'app');
      const bt = await measureTransfer(o.browser, `${bareReact.url}${o.view}`, 'bare');
      details.transfer = { app: at, bare: bt };
      figures.push(
        figure({ id: id('transfer.first-visit'), label: labelled('bytes transferred at first load, until zones are drawn and the network is quiet'), unit: 'kB', value: at.bytes / 1000, baseline: bt.bytes / 1000, baselineLabel: 'MapLibre + React page, same zones', runs: 1, budget: `≤ baseline + 100 kB; app: ${Object.entries(at.byType).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(', ')} kB` }),
        figure({ id: id('transfer.second-visit'), label: labelled('bytes transferred at a second visit in the same browser, until zones are drawn'), unit: 'kB', value: at.second.bytes / 1000, baseline: bt.second.bytes / 1000, baselineLabel: 'MapLibre + React page, second visit', runs: 1, budget: `info: what the caching headers keep off the network; app: ${Object.entries(at.second.byType).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(', ')} kB` }),
      );
    });
  } finally {
    await bare.close();
    await bareReact.close();
  }

  const mem = serverMemory(app.proc);
  details.memory = mem;
  if (mem) {
    figures.push(
      figure({ id: id('server.rss'), label: labelled('server RSS after the load, render and pan tests'), unit: 'MB', value: mem.rssMb, baseline: null, baselineLabel: null, runs: 1, budget: `≤ 600 MB; peak ${mem.peakMb.toFixed(0)} MB; tsx launcher ${mem.launcherMb.toFixed(0)} MB more` }),
    );
  }
  await app.proc.stop();

  o.log(`${o.label}: start-up on the existing DATA_DIR, ${o.startupRuns} runs`);
  const s = await measureStartup(o.dataDir, o.startupRuns, env);
  figures.push(
    figure({ id: id('startup.warm.median'), label: labelled('start → healthy, existing DATA_DIR, median'), unit: 'ms', value: s.appMedian, baseline: s.helloMedian, baselineLabel: 'trivial tsx http server', runs: s.appMs.length, budget: '< 2,000 ms', samples: s.appMs, baselineSamples: s.helloMs }),
    figure({ id: id('startup.meta'), label: labelled('first GET /tiles/meta.json after start (loads the tile store)'), unit: 'ms', value: metaMs, baseline: null, baselineLabel: null, runs: 1, budget: 'info' }),
  );
  if (firstMs !== null) {
    figures.push(figure({ id: id('startup.first'), label: labelled('first start, empty DATA_DIR (initdb + seed)'), unit: 'ms', value: firstMs, baseline: s.helloMedian, baselineLabel: 'trivial tsx http server, median', runs: 1, budget: 'info; paid once per DATA_DIR' }));
  }

  o.log(`${o.label}: tile generation sweep`);
  const g = await measureTileGeneration(o.dataDir, zoneCentres(o.geodataDir), { perZoom: 40 });
  details.tileGeneration = g;
  for (const t of g.sweep) {
    figures.push(
      figure({ id: id(`tilegen.${t.layer}.z${t.z}`), label: labelled(`cut + encode one ${t.layer} tile at z${t.z}, p50 (p99 ${t.p99.toFixed(1)} ms, ${t.meanKB.toFixed(1)} kB)`), unit: 'ms', value: t.p50, baseline: null, baselineLabel: null, runs: t.tiles, budget: 'info' }),
    );
  }
  figures.push(
    figure({ id: id('tilegen.first-touch.p99'), label: labelled(`first z14 plot tile over a zone (reads its plots), p99 (p50 ${g.firstTouch.p50.toFixed(1)} ms)`), unit: 'ms', value: g.firstTouch.p99, baseline: null, baselineLabel: null, runs: g.firstTouch.tiles, budget: 'info' }),
  );

  o.log(`${o.label}: supercluster builds`);
  const cb = measureClusterBuild(o.geodataDir);
  details.clusters = cb;
  figures.push(
    figure({ id: id('clusters.zones'), label: labelled(`supercluster index of ${cb.zones} zones (map/reduce)`), unit: 'ms', value: cb.zoneIndexMs, baseline: null, baselineLabel: null, runs: 5, budget: `info; with the bubbles of every zoom: ${cb.zoneAllZoomsMs.toFixed(1)} ms` }),
    figure({ id: id('clusters.plots'), label: labelled(`supercluster index of ${cb.plots} plot points (map/reduce)`), unit: 'ms', value: cb.plotIndexMs, baseline: null, baselineLabel: null, runs: 5, budget: 'info' }),
  );
  return { figures, details };
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
