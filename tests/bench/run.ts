/**
 * `npm run bench`: startup, API latency, navigation-to-render and bundle size of the app, each
 * next to a baseline measured in the same run, written to tests/bench/results/core.{json,md};
 * then the scale figures (viewport API and vector tiles under load, rendering, panning, memory,
 * tile generation) on the Bắc Kạn region alone (bk.{json,md}), on the whole bundled province of both
 * former provinces (province.{json,md}) and on a synthetic national dataset of 1,600 zones and
 * 200,000 plots (national.{json,md}).
 * It fails only when something crashes; the budgets in the table are for reading.
 * `npm run bench -- --only=core|bk|province|national` runs one part (the core part always builds the pages).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildClientIfNeeded } from '../../server/build-client.ts';
import { readConfig } from '../../server/config.ts';
import { chromiumPath, launchBrowser } from '../e2e/browser.ts';
import { captureBody, load } from './api-latency.ts';
import { buildBarePage, serveBarePage } from './bare-page.ts';
import { measureRender } from './browser-render.ts';
import { measureBundle } from './bundle-size.ts';
import { PROJECT_ROOT, startServer, stopAll } from './processes.ts';
import { figure, writeResults, type Figure } from './report.ts';
import { APP_ARGS, APP_SCRIPT, measureStartup } from './startup.ts';
import { runScale } from './scale.ts';
import { zoneCentres } from './workload.ts';
import { datasetFiles, generateNational } from '../../geodata/synth/generate.ts';
import { BAC_KAN_GEODATA_DIR, DEFAULT_GEODATA_DIR } from '../../geodata/load.ts';
import { BUNDLED_ZONES } from '../support/bundled-zones.ts';

const STARTUP_RUNS = 5;
const RENDER_RUNS = 5;
const SEQUENTIAL = { clients: 1, total: 300, warmup: 50 };
const CONCURRENT = { clients: 8, total: 800, warmup: 0 };

const log = (msg: string) => console.error(`[bench] ${msg}`);
const kB = (bytes: number) => bytes / 1000;

const tmp = mkdtempSync(join(tmpdir(), 'iz-atlas-bench-'));
let browser: Browser | null = null;
let closeBare: (() => Promise<void>) | null = null;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await closeBare?.().catch(() => {});
  await browser?.close().catch(() => {});
  await stopAll();
  rmSync(tmp, { recursive: true, force: true });
}

// Ctrl-C must not leave servers holding ports or PGlite dirs behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

async function main(): Promise<Figure[]> {
  const chromium = chromiumPath();
  if (!chromium) throw new Error('Chromium is required for the render figures');
  const clientDir = readConfig({}).clientDir;
  const bareDir = join(tmp, 'bare-dist');
  const dataDir = join(tmp, 'data');

  log('building the client (if stale) and the bare MapLibre page');
  await buildClientIfNeeded(clientDir);
  await buildBarePage(bareDir);
  await buildBarePage(join(tmp, 'bare-react-dist'), 'bare-react');

  log(`startup: 1 fresh + ${STARTUP_RUNS} warm starts, each against a trivial tsx server`);
  const s = await measureStartup(dataDir, STARTUP_RUNS);

  log('API latency: app vs. a static server of the same bytes');
  const app = await startServer(APP_SCRIPT, APP_ARGS, { DATA_DIR: dataDir });
  const zones = await captureBody(`${app.origin}/api/zones`);
  const bodyFile = join(tmp, 'zones.body');
  writeFileSync(bodyFile, zones.body);
  const staticServer = await startServer('tests/bench/fixtures/static-body-server.ts', [], {
    BODY_FILE: bodyFile,
    BODY_HEADERS: JSON.stringify(zones.headers),
  });
  const appSeq = await load(`${app.origin}/api/zones`, SEQUENTIAL);
  const baseSeq = await load(`${staticServer.origin}/api/zones`, SEQUENTIAL);
  const appConc = await load(`${app.origin}/api/zones`, CONCURRENT);
  const baseConc = await load(`${staticServer.origin}/api/zones`, CONCURRENT);
  await staticServer.proc.stop();
  if (appSeq.contentEncoding !== baseSeq.contentEncoding) {
    log(`warning: content-encoding differs (app ${appSeq.contentEncoding}, baseline ${baseSeq.contentEncoding})`);
  }

  log(`navigation to rendered zones in Chromium: ${RENDER_RUNS} runs each, app vs. bare MapLibre page`);
  const bare = await serveBarePage(bareDir, zones);
  closeBare = bare.close;
  browser = await launchBrowser(chromium);
  const r = await measureRender(browser, { app: `${app.origin}/`, bare: bare.url }, RENDER_RUNS);
  await app.proc.stop();
  await closeBare();
  closeBare = null;

  const appJs = measureBundle(clientDir);
  const bareJs = measureBundle(bareDir);
  const reactJs = measureBundle(join(tmp, 'bare-react-dist'));
  const enc = `${zones.body.length.toLocaleString('en-US')} B ${zones.headers['content-encoding'] ?? 'identity'} body`;

  const startBase = 'trivial tsx http server';
  const apiBase = 'static node:http, same bytes';
  return [
    figure({ id: 'startup.warm.median', label: 'Start → healthy, existing DATA_DIR, median', unit: 'ms', value: s.appMedian, baseline: s.helloMedian, baselineLabel: startBase, runs: s.appMs.length, budget: 'info; ratio = what the app adds to node+tsx', samples: s.appMs, baselineSamples: s.helloMs }),
    figure({ id: 'startup.warm.max', label: 'Start → healthy, existing DATA_DIR, max', unit: 'ms', value: s.appMax, baseline: s.helloMax, baselineLabel: startBase, runs: s.appMs.length, budget: 'info' }),
    figure({ id: 'startup.first', label: 'First start, fresh DATA_DIR (initdb + seed)', unit: 'ms', value: s.firstMs, baseline: s.helloMedian, baselineLabel: `${startBase}, median`, runs: 1, budget: 'info; paid once per DATA_DIR' }),
    figure({ id: 'api.zones.sequential.p50', label: 'GET /api/zones sequential p50', unit: 'ms', value: appSeq.p50, baseline: baseSeq.p50, baselineLabel: apiBase, runs: appSeq.requests, budget: `info; ${enc}` }),
    figure({ id: 'api.zones.sequential.p99', label: 'GET /api/zones sequential p99', unit: 'ms', value: appSeq.p99, baseline: baseSeq.p99, baselineLabel: apiBase, runs: appSeq.requests, budget: 'info' }),
    figure({ id: 'api.zones.sequential.rps', label: 'GET /api/zones sequential throughput', unit: 'req/s', value: appSeq.reqPerSec, baseline: baseSeq.reqPerSec, baselineLabel: apiBase, runs: appSeq.requests, budget: 'info; higher is better' }),
    figure({ id: 'api.zones.c8.p50', label: 'GET /api/zones 8 concurrent p50', unit: 'ms', value: appConc.p50, baseline: baseConc.p50, baselineLabel: apiBase, runs: appConc.requests, budget: 'info' }),
    figure({ id: 'api.zones.c8.p99', label: 'GET /api/zones 8 concurrent p99', unit: 'ms', value: appConc.p99, baseline: baseConc.p99, baselineLabel: apiBase, runs: appConc.requests, budget: 'info' }),
    figure({ id: 'api.zones.c8.rps', label: 'GET /api/zones 8 concurrent throughput', unit: 'req/s', value: appConc.reqPerSec, baseline: baseConc.reqPerSec, baselineLabel: apiBase, runs: appConc.requests, budget: 'info; higher is better' }),
    figure({ id: 'render.navigation-to-zones.median', label: 'Navigation → zones rendered (in page), median', unit: 'ms', value: r.appMedian, baseline: r.bareMedian, baselineLabel: 'bare MapLibre page', runs: r.app.length, budget: 'ratio ≤ 1.3', samples: r.app.map((x) => x.inPageMs), baselineSamples: r.bare.map((x) => x.inPageMs) }),
    figure({ id: 'render.goto-to-zones.wall.median', label: 'goto + wait → zones rendered (wall clock), median', unit: 'ms', value: r.appWallMedian, baseline: r.bareWallMedian, baselineLabel: 'bare MapLibre page', runs: r.app.length, budget: 'info; includes CDP overhead', samples: r.app.map((x) => x.wallMs), baselineSamples: r.bare.map((x) => x.wallMs) }),
    figure({ id: 'bundle.initial-js.gzip', label: 'Initial JS, gzip -9 (entry + modulepreloads)', unit: 'kB', value: kB(appJs.initialGzip), baseline: kB(bareJs.initialGzip), baselineLabel: 'bare MapLibre page JS', runs: appJs.initial.length, budget: `info; ${appJs.initial.map((f) => `${f.file} ${kB(f.gzip).toFixed(1)}`).join(', ')}` }),
    figure({ id: 'bundle.initial-js-vs-react.gzip', label: 'Initial JS, gzip -9, against MapLibre + React alone', unit: 'kB', value: kB(appJs.initialGzip), baseline: kB(reactJs.initialGzip), baselineLabel: 'MapLibre + React page JS', runs: appJs.initial.length, budget: `≤ baseline + 100 kB (${kB(appJs.initialGzip - reactJs.initialGzip).toFixed(1)} kB over)` }),
    figure({ id: 'bundle.maplibre-chunk.gzip', label: 'MapLibre chunk, gzip -9', unit: 'kB', value: kB(appJs.maplibre?.gzip ?? 0), baseline: kB(bareJs.initialGzip), baselineLabel: 'bare MapLibre page JS', runs: 1, budget: appJs.maplibre ? `info; ${((appJs.maplibre.gzip / appJs.initialGzip) * 100).toFixed(0)} % of initial JS` : 'no maplibre-* chunk found' }),
    figure({ id: 'bundle.worker.gzip', label: 'MapLibre worker, gzip -9 (loaded after start)', unit: 'kB', value: kB(appJs.worker?.gzip ?? 0), baseline: bareJs.worker ? kB(bareJs.worker.gzip) : null, baselineLabel: 'bare page worker', runs: 1, budget: 'info' }),
  ];
}

const NATIONAL = { zones: 1600, plots: 200_000, seed: 1 };

function metaOf(started: number) {
  return {
    timestamp: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    platform: `${process.platform}-${process.arch}`,
    durationMs: Math.round(performance.now() - started),
  };
}

const INTRO = [
  'Ratio = app / baseline, both measured in the same run on the same machine (2 shared cores: other work on it moves both sides).',
  'Throughput baselines replay the exact bytes the app sent, from memory, in a node:http process; render and pan baselines are a bare MapLibre page drawing the same zones from GeoJSON.',
];

async function scale(started: number) {
  const resultsDir = join(PROJECT_ROOT, 'tests/bench/results');
  const bareDir = join(tmp, 'bare-dist');
  const bareReactDir = join(tmp, 'bare-react-dist');
  const common = { tmp, browser: browser!, bareDir, bareReactDir, renderRuns: RENDER_RUNS, startupRuns: 3, log };

  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only || only === 'bk') {
  const bk = await runScale({
    ...common,
    key: 'bk',
    label: 'Bắc Kạn',
    geodataDir: BAC_KAN_GEODATA_DIR,
    // Its own DATA_DIR: the core part seeds tmp/data with the default dataset (the whole province).
    dataDir: join(tmp, 'bk-data'),
    view: '',
    alsoForcedTiles: true,
    pan: null,
    firstStart: false,
  });
  console.log(writeResults(resultsDir, bk.figures, metaOf(started), 'bk', 'iz-atlas scale bench: Bắc Kạn (13 zones, 49 plots)', INTRO, { details: bk.details }));
  }
  if (!only || only === 'province') {
    // What users load by default: both former provinces. The pan is the one the bench's other
    // datasets make (z14.6, plots shown), over KCN Thanh Bình's plots, the province's only layout.
    const province = await runScale({
      ...common,
      key: 'province',
      label: 'Thái Nguyên province',
      geodataDir: DEFAULT_GEODATA_DIR,
      dataDir: join(tmp, 'province-data'),
      view: '',
      alsoForcedTiles: true,
      // Starts 2 km west of the park (its outline in view, which the pan waits for) and ends 2 km east.
      pan: { view: '#map=14.6/21.92776/105.78500', dLon: 0.04 },
      firstStart: false,
    });
    console.log(writeResults(resultsDir, province.figures, metaOf(started), 'province', `iz-atlas scale bench: Thái Nguyên province, both former provinces (${BUNDLED_ZONES} zones)`, INTRO, { details: province.details }));
  }
  if (only && only !== 'national') return;

  log(`national: generating ${NATIONAL.zones} zones and ${NATIONAL.plots} plots (seed ${NATIONAL.seed})`);
  const natDir = join(tmp, 'synth-national');
  mkdirSync(natDir, { recursive: true });
  for (const [name, text] of Object.entries(datasetFiles(generateNational(NATIONAL)))) writeFileSync(join(natDir, name), text);
  // Pan over the zone nearest the Bình Dương hub, where zones and plots are densest.
  const centres = zoneCentres(natDir);
  const hub = centres.reduce((a, b) => (Math.hypot(b.lon - 106.65, b.lat - 11.05) < Math.hypot(a.lon - 106.65, a.lat - 11.05) ? b : a));
  const nat = await runScale({
    ...common,
    key: 'national',
    label: 'national',
    geodataDir: natDir,
    dataDir: join(tmp, 'national-data'),
    view: '#map=5.2/16.00000/106.30000',
    alsoForcedTiles: false,
    pan: { view: `#map=14.6/${hub.lat.toFixed(5)}/${(hub.lon - 0.04).toFixed(5)}`, dLon: 0.08 },
    firstStart: true,
  });
  console.log(
    writeResults(resultsDir, nat.figures, metaOf(started), 'national', `iz-atlas scale bench: synthetic national dataset (${NATIONAL.zones} zones, ${NATIONAL.plots.toLocaleString('en-US')} plots)`, INTRO, {
      dataset: NATIONAL,
      details: nat.details,
    }),
  );
}

const started = performance.now();
try {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const figures = await main();
  if (!only || only === 'core') console.log(writeResults(join(PROJECT_ROOT, 'tests/bench/results'), figures, metaOf(started)));
  if (only !== 'core') await scale(started);
} catch (err) {
  // After Ctrl-C the cleanup has pulled the servers away mid-measurement: that error is expected noise.
  if (!cleaned) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
