/**
 * Which online basemaps the server offers: the documented defaults, an operator's own file
 * (DATA_DIR/basemaps.json or BASEMAPS_FILE), a bad file refused at start naming the field, the
 * list served at GET /api/basemaps, and the Content-Security-Policy allowing exactly their origins.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { basemapsResponse, DEFAULT_BASEMAPS, type BasemapService } from '../../geodata/basemaps.ts';
import { createApp } from '../../server/app.ts';
import { PROJECT_ROOT, readConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';

const NATIONAL: BasemapService = {
  id: 'national',
  name: { vi: 'Bản đồ nền quốc gia', en: 'National basemap' },
  kind: 'street',
  tiles: ['https://maps.example.gov.vn/tiles/{z}/{x}/{y}.png'],
  tileSize: 256,
  minzoom: 0,
  maxzoom: 18,
  attribution: '© Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam',
  termsUrl: 'https://maps.example.gov.vn/terms',
};

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  dir = mkdtempSync(join(tmpdir(), 'iz-basemaps-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A DATA_DIR holding this basemaps.json text. */
function dataDirWith(name: string, text: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'basemaps.json'), text);
  return d;
}

const cspOf = async (app: ReturnType<typeof createApp>) => (await app.request('/api/health')).headers.get('content-security-policy') ?? '';
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('basemap configuration', () => {
  it('offers OpenStreetMap and Esri World Imagery by default, each with attribution and terms', async () => {
    const cfg = readConfig({ DATA_DIR: join(dir, 'none-here') });
    expect(cfg.basemaps.map((s) => s.id)).toEqual(['osm', 'esri-imagery']);
    const res = await createApp({ db }).request('/api/basemaps');
    expect(res.status).toBe(200);
    const body = basemapsResponse.parse(await res.json());
    expect(body.services).toEqual(DEFAULT_BASEMAPS);
    for (const s of body.services) {
      expect(s.attribution).not.toBe('');
      expect(s.termsUrl).toMatch(/^https:\/\//);
    }
    expect(body.services[0]!.termsUrl).toBe('https://operations.osmfoundation.org/policies/tiles/');
    const csp = await cspOf(createApp({ db }));
    for (const name of ['img-src', 'connect-src']) {
      expect(directive(csp, name)).toContain('https://tile.openstreetmap.org');
      expect(directive(csp, name)).toContain('https://server.arcgisonline.com');
    }
  });

  it("serves an operator's own list from DATA_DIR/basemaps.json, and the CSP allows exactly its origins", async () => {
    const cfg = readConfig({ DATA_DIR: dataDirWith('own', JSON.stringify([NATIONAL])) });
    expect(cfg.basemaps).toEqual([NATIONAL]);
    const app = createApp({ db, basemaps: cfg.basemaps });
    expect(await (await app.request('/api/basemaps')).json()).toEqual({ services: [NATIONAL] });
    const csp = await cspOf(app);
    for (const name of ['img-src', 'connect-src']) {
      expect(directive(csp, name)).toContain('https://maps.example.gov.vn');
      expect(directive(csp, name)).not.toContain('openstreetmap');
      expect(directive(csp, name)).not.toContain('*');
    }
  });

  it('offers the offline map only when the list is empty, and BASEMAPS_FILE points elsewhere', async () => {
    const file = join(dataDirWith('empty', '[]'), 'basemaps.json');
    expect(readConfig({ DATA_DIR: join(dir, 'none-here'), BASEMAPS_FILE: file }).basemaps).toEqual([]);
    const app = createApp({ db, basemaps: [] });
    expect(await (await app.request('/api/basemaps')).json()).toEqual({ services: [] });
    expect(directive(await cspOf(app), 'img-src')).toBe("img-src 'self' data: blob:");
  });

  it('refuses a bad file at start, naming the file and each bad field', () => {
    const bad = (text: string) => () => readConfig({ DATA_DIR: dataDirWith('bad', text) });
    expect(bad('{ not json')).toThrow(/basemaps\.json is not valid JSON/);
    expect(bad(JSON.stringify([{ ...NATIONAL, tiles: ['https://maps.example.gov.vn/tiles/{z}/{x}.png'] }]))).toThrow(/\[0\]\.tiles\[0\]: must contain \{z\}, \{x\} and \{y\}/);
    expect(bad(JSON.stringify([{ ...NATIONAL, tiles: ['https://{s}.tile.example.org/{z}/{x}/{y}.png'] }]))).toThrow(/\[0\]\.tiles\[0\]: .*not \{s\}/);
    expect(bad(JSON.stringify([{ ...NATIONAL, termsUrl: undefined }]))).toThrow(/\[0\]\.termsUrl/);
    expect(bad(JSON.stringify([{ ...NATIONAL, attribution: ' ' }]))).toThrow(/\[0\]\.attribution/);
    expect(bad(JSON.stringify([NATIONAL, NATIONAL]))).toThrow(/\[1\]\.id: "national" is used twice/);
    expect(bad(JSON.stringify([{ ...NATIONAL, termsUrl: 'javascript:alert(1)' }]))).toThrow(/\[0\]\.termsUrl: must be an http/);
    expect(bad(JSON.stringify({ services: [NATIONAL] }))).toThrow(/basemaps\.json is not a valid list of basemaps/);
    expect(() => readConfig({ DATA_DIR: join(dir, 'none-here'), BASEMAPS_FILE: join(dir, 'missing.json') })).toThrow(/BASEMAPS_FILE names .*missing\.json, which does not exist/);
  });

  it('stops the server at start with that message and a non-zero exit', () => {
    const dataDir = dataDirWith('bad-start', JSON.stringify([{ ...NATIONAL, maxzoom: 30 }]));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server/main.ts')], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/iz-atlas could not start: .*basemaps\.json is not a valid list of basemaps.*\[0\]\.maxzoom/);
  });
});
