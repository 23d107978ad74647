/**
 * A planner signs in, leases a plot of CCN Vằng Mười through the UI, and the zone's occupancy
 * figure and fill colour follow without a reload; the change survives a server restart and shows
 * in the zone's history. The server runs as a real child process (not in-process like harness.ts)
 * because the test stops and restarts it on the same DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { centroid, pointOnFeature } from '@turf/turf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotApiFeature, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { formatPct } from '../../client/i18n/strings.ts';
import { markedFigure } from '../../client/lib/confidence-text.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { OCCUPANCY_RAMP, PLOT_STATUS_COLORS, rampColor } from '../../client/map/style/symbology.ts';
import { chromiumPath, launchBrowser } from './browser.ts';
import {
  backToZone, chooseStatus, clickMap, editPlot, field, jumpTo, openPlotAt, openZoneTab, plotNotice, plotPanel as plotPanelOf, save, searchFor, signIn, vi, viStatus,
  zoneOccupancy, zonePanel as zonePanelOf,
  typeOtherSector,
} from './driver.ts';
import { colorDistance, hexToRgb, pixelAt, waitForIdle, waitForRendered } from './harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Not npx: killing npx's pid would leave the node server running.
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const ZONE = 'ccn-vang-muoi';
const USER = { username: 'planner1', password: 'a-long-test-password-42' };
const TENANT = 'Cty TNHH Thử nghiệm';
/** Zone fills are drawn below the zoom where plots appear (14.5), plots above it. */
const ZONE_ZOOM = 14;
const PLOT_ZOOM = 16.5;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Runs a command to completion, feeding `input` on stdin; rejects with its output on failure. */
function run(args: string[], env: NodeJS.ProcessEnv, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}: ${out}`))));
    child.stdin.end(input);
  });
}

type Server = { child: ChildProcess; output: () => string };

async function startServer(env: NodeJS.ProcessEnv, url: string): Promise<Server> {
  const child = spawn(TSX, ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d));
  // The server says "listening on" once its port is open: wait for that line, not for a guessed time.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not listen within 60 s: ${out}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const health = await fetch(`${url}api/health`);
  if (!health.ok) throw new Error(`server listens but /api/health answered ${health.status}: ${out}`);
  return { child, output: () => out };
}

async function stopServer(s: Server) {
  if (s.child.exitCode !== null) return;
  const exited = once(s.child, 'exit');
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  const [code, signal] = (await exited) as [number | null, string | null];
  clearTimeout(timer);
  // A clean stop closes the database; a SIGKILL would mean it did not.
  expect({ code, signal }).toEqual({ code: 0, signal: null });
}

let dataDir: string;
let url: string;
let env: NodeJS.ProcessEnv;
let server: Server | null = null;
let browser: Browser | null = null;
const path = chromiumPath();

beforeAll(async () => {
  if (!path) return;
  dataDir = mkdtempSync(join(tmpdir(), 'iz-atlas-e2e-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  // Vitest's NODE_ENV=test is not what a deployed server sees.
  const { NODE_ENV: _, ...rest } = process.env;
  env = { ...rest, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1' };
  await run(['server/cli/user.ts', 'add', '--username', USER.username, '--role', 'planner', '--password-stdin'], env, `${USER.password}\n`);
  server = await startServer(env, url);
  browser = await launchBrowser(path);
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server).catch(() => server!.child.kill('SIGKILL'));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const getJson = async <T,>(p: string): Promise<T> => (await (await fetch(url + p)).json()) as T;

const occupancyText = (pct: number | null) => formatPct('vi', pct, vi('noData'));

describe.skipIf(!path)('a planner edits a plot', () => {
  it('leases a plot: occupancy and colour follow, survive a restart, and show in the history', { timeout: 180_000 }, async () => {
    const zone0 = await getJson<ZoneApiFeature>(`api/zones/${ZONE}`);
    const { features } = await getJson<PlotCollection>(`api/zones/${ZONE}/plots`);
    // The largest available plot: leasing it must move the zone into another colour class.
    const plot = features
      .filter((f) => f.properties.status === 'available' && ['industrial', 'service'].includes(f.properties.landUse))
      .sort((a, b) => b.properties.areaHa - a.properties.areaHa)[0] as PlotApiFeature;
    expect(zone0.properties.land.occupancyPct).toBe(0);
    expect((plot.properties.areaHa / zone0.properties.land.leasableHa) * 100).toBeGreaterThanOrEqual(OCCUPANCY_RAMP.breaks[1]!);
    const plotPoint = pointOnFeature(plot).geometry.coordinates as [number, number];
    const zonePoint = centroid(zone0).geometry.coordinates as [number, number];

    const page = await browser!.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    // Generous: on a busy machine SwiftShader's first frame can take a while.
    await waitForRendered(page, [LAYERS.clusters], 60_000);

    // Sign in through the header form.
    await signIn(page, USER);

    // Find the zone. Corrected from "0 %": no source states its occupancy (0 % was an estimate) and its
    // plots are schematic, so it shows "no data" and the no-data fill until a planner's edit gives a figure.
    await searchFor(page, 'vang muoi');
    const zonePanel = zonePanelOf(page);
    await expect.poll(() => zoneOccupancy(page).textContent()).toBe(vi('noData'));
    await page.waitForFunction(() => !window.__izAtlasMap!.isMoving());
    await jumpTo(page, zonePoint, ZONE_ZOOM);
    await waitForRendered(page, [LAYERS.zonesFill]);
    const before = await pixelAt(page, zonePoint, -6);
    expect(colorDistance(before, hexToRgb(rampColor(OCCUPANCY_RAMP, null)))).toBeLessThanOrEqual(6);

    // Open the plot from the map and lease it.
    await jumpTo(page, plotPoint, PLOT_ZOOM);
    await waitForRendered(page, [LAYERS.plotsFill]);
    const plotPanel = await openPlotAt(page, plotPoint, plot.properties.code);
    const edit = await editPlot(page);
    await chooseStatus(edit, 'leased');
    await field(edit, 'tenant').fill(TENANT);
    await save(edit);
    await expect.poll(() => plotNotice(page).textContent()).toBe(vi('saved'));
    await expect.poll(() => plotPanel.getByTestId('plot-status').textContent()).toContain(viStatus('leased'));
    expect(await plotPanel.getByTestId('plot-tenant').textContent()).toBe(TENANT);
    // The plot is redrawn in the leased colour from the refetched plots.
    await waitForIdle(page);
    await expect.poll(async () => colorDistance(await pixelAt(page, plotPoint), hexToRgb(PLOT_STATUS_COLORS.leased))).toBeLessThanOrEqual(6);

    // Back in the zone panel the occupancy has moved, and so has the fill colour, with no reload.
    const zone1 = await getJson<ZoneApiFeature>(`api/zones/${ZONE}`);
    const occupancy = zone1.properties.land.occupancyPct;
    expect(occupancy).toBeGreaterThan(0);
    await backToZone(page, /Vằng Mười/);
    await expect.poll(() => zoneOccupancy(page).textContent()).toBe(markedFigure('vi', occupancyText(occupancy), zone1.properties.confidence.occupancy));
    await jumpTo(page, zonePoint, ZONE_ZOOM);
    const after = hexToRgb(rampColor(OCCUPANCY_RAMP, occupancy));
    await expect.poll(async () => colorDistance(await pixelAt(page, zonePoint, -6), after)).toBeLessThanOrEqual(6);
    expect(colorDistance(after, before)).toBeGreaterThan(40);

    // Restart the server on the same data.
    await stopServer(server!);
    server = await startServer(env, url);
    await page.reload();
    await waitForRendered(page, [LAYERS.zonesFill], 60_000);
    await expect.poll(() => page.getByTestId('session').textContent()).toContain(USER.username);
    await expect.poll(() => zoneOccupancy(page).textContent()).toBe(markedFigure('vi', occupancyText(occupancy), zone1.properties.confidence.occupancy));
    await jumpTo(page, plotPoint, PLOT_ZOOM);
    await waitForRendered(page, [LAYERS.plotsFill]);
    await clickMap(page, plotPoint);
    await expect.poll(() => plotPanelOf(page).getByTestId('plot-status').textContent()).toContain(viStatus('leased'));
    expect(await plotPanelOf(page).getByTestId('plot-tenant').textContent()).toBe(TENANT);

    // The zone's history lists the edit: who, which plot, before → after.
    await backToZone(page, /Vằng Mười/);
    await openZoneTab(page, 'tabHistory');
    const history = zonePanel.getByTestId('zone-history');
    await expect.poll(() => history.getByTestId('history-table').textContent()).toContain(vi('originEdit'));
    expect(await history.getByTestId('history-table').textContent()).toContain(occupancyText(occupancy));
    const entry = history.getByTestId('audit-entry').filter({ hasText: `${vi('plot')} ${plot.properties.code}` }).first();
    await expect.poll(() => entry.textContent()).toContain(USER.username);
    const text = (await entry.textContent())!;
    expect(text).toContain(`${viStatus('available')} → ${viStatus('leased')}`);
    expect(text).toContain(TENANT);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves an edit to a reserved green plot, which the form used to refuse however it was edited', { timeout: 120_000 }, async () => {
    const { features } = await getJson<PlotCollection>('api/zones/ccn-huyen-tung/plots');
    const plot = features.find((f) => f.properties.landUse === 'green' && f.properties.status === 'reserved') as PlotApiFeature;
    const plotPoint = pointOnFeature(plot).geometry.coordinates as [number, number];
    const page = await browser!.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(url);
    await waitForRendered(page, [LAYERS.clusters], 60_000);
    await signIn(page, USER);
    await jumpTo(page, plotPoint, PLOT_ZOOM);
    await waitForRendered(page, [LAYERS.plotsFill]);
    await openPlotAt(page, plotPoint, plot.properties.code);
    const edit = await editPlot(page);
    // The form offers what the server accepts for green land: reserved or not developed, never leased or available.
    const status = field(edit, 'status');
    await expect.poll(() => status.locator('option:not([disabled])').allTextContents()).toEqual([viStatus('reserved'), viStatus('not_developed')]);
    // Not a sector of the list: the planner types it under "Other".
    await typeOtherSector(edit, 'Cây xanh cách ly');
    await save(edit);
    await expect.poll(() => plotNotice(page).textContent()).toBe(vi('saved'));
    expect((await getJson<PlotApiFeature>(`api/plots/${plot.id}`)).properties.sector).toBe('Cây xanh cách ly');
    await page.close();
  });
});
