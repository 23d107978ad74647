import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../geodata/exchange.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'iz-atlas-import-cli-'));
const FIX = join(import.meta.dirname, '../fixtures/import');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (script: 'import' | 'export', args: string[]) =>
  spawnSync('node_modules/.bin/tsx', [`server/cli/${script}.ts`, ...args], { env: { ...process.env, DATA_DIR: dataDir, IMPORT_LANG: 'en' }, encoding: 'utf8' });

// PGlite in a DATA_DIR of its own (with DATABASE_URL set the CLIs would use that server instead).
describe.skipIf(!!process.env.DATABASE_URL)('npm run import / npm run export', () => {
  it('dry-runs a VN-2000 Shapefile: report on stdout, normalised GeoJSON in --out, report in --report-json, nothing written', () => {
    const out = join(dataDir, 'out.geojson');
    const rep = join(dataDir, 'report.json');
    const r = run('import', [join(FIX, 'vang-muoi-9213.zip'), '--layer', 'plots', '--zone', 'ccn-vang-muoi', '--dry-run', '--out', out, '--report-json', rep]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/EPSG:9213 VN-2000 \/ TM-3 106-30 \[prj/);
    expect(r.stdout).toMatch(/dry run: nothing written/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection).features).toHaveLength(8);
    expect(JSON.parse(readFileSync(rep, 'utf8'))).toMatchObject({ ok: true, dryRun: true, committed: false, crs: { code: 'EPSG:9213' } });
  }, 60_000);

  it('exits 1 on a file with errors and 2 on an unreadable one', () => {
    const bad = join(dataDir, 'bad.geojson');
    const fc = JSON.parse(readFileSync(join(FIX, 'plots-vang-muoi.geojson'), 'utf8')) as FeatureCollection;
    fc.features[0]!.properties!.status = 'maybe';
    writeFileSync(bad, JSON.stringify(fc));
    const r1 = run('import', [bad, '--layer', 'plots', '--zone', 'ccn-vang-muoi']);
    expect(r1.status).toBe(1);
    expect(r1.stdout).toMatch(/ERROR #0 ccn-vang-muoi-cn-01: unknown status "maybe"/);
    expect(r1.stdout).toMatch(/Nothing was written/);
    const r2 = run('import', [join(FIX, 'bad/no-prj.zip'), '--layer', 'plots', '--zone', 'ccn-vang-muoi']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/no \.prj.*--crs/);
  }, 60_000);

  it('commits, then exports what it wrote', () => {
    const r = run('import', [join(FIX, 'vang-muoi-9213.zip'), '--layer', 'plots', '--zone', 'ccn-vang-muoi']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/done: zone ccn-vang-muoi: 8 plots replaced by 8 \(audit #\d+\)/);
    const file = join(dataDir, 'vm.gpkg');
    const e = run('export', ['--layer', 'plots', '--zone', 'ccn-vang-muoi', '--format', 'gpkg', '--crs', 'EPSG:9213', '--out', file]);
    expect(e.status).toBe(0);
    expect(e.stdout).toMatch(/8 plots, gpkg, EPSG:9213/);
    expect(existsSync(file)).toBe(true);
  }, 60_000);

  it('refuses a DATA_DIR that a running server holds', () => {
    // Another live node process stands in for the server.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(join(dataDir, 'server.pid'), String(holder.pid));
    try {
      const r = run('import', [join(FIX, 'plots-vang-muoi.geojson'), '--layer', 'plots', '--dry-run']);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/in use by process/);
    } finally {
      holder.kill('SIGKILL');
      rmSync(join(dataDir, 'server.pid'));
    }
  });

  it('prints the report in Vietnamese by default: every issue and note, no English sentence', () => {
    const rep = join(dataDir, 'report-vi.json');
    const r = spawnSync('node_modules/.bin/tsx', ['server/cli/import.ts', join(FIX, 'in/plots-every-problem.csv'), '--layer', 'plots', '--zone', 'ccn-vang-muoi', '--dry-run', '--report-json', rep], {
      env: { ...process.env, DATA_DIR: dataDir, IMPORT_LANG: '' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(rep, 'utf8')) as ImportReport;
    expect(report.issues.length).toBeGreaterThan(3);
    // What the file and the run bring (ids, columns, values, the user's name) is data, not prose.
    const data = [...report.issues, ...report.notes].flatMap((x) => Object.values(x.reason.params ?? {}).map(String));
    const lines = r.stdout.split('\n').map((l) => withoutNames(l, [...data, 'plots-every-problem.csv', 'EPSG:4326', 'WGS 84', 'csv', ...report.issues.flatMap((i) => [i.id ?? '', i.field ?? ''])]));
    expect(lines.flatMap((l) => foreignText(l, 'vi', []))).toEqual([]);
    for (const i of report.issues) expect(r.stdout).toContain(i.message);
  });

  it('creates and seeds the database on a new DATA_DIR before the first server start', () => {
    const fresh = join(dataDir, 'new', 'data');
    const r = spawnSync('node_modules/.bin/tsx', ['server/cli/import.ts', join(FIX, 'plots-vang-muoi.geojson'), '--layer', 'plots', '--zone', 'ccn-vang-muoi', '--dry-run', '--lang', 'en'], {
      env: { ...process.env, DATA_DIR: fresh },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dry run: nothing written/);
    expect(existsSync(join(fresh, 'pglite'))).toBe(true);
  }, 60_000);
});
