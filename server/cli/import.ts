/**
 * npm run import -- FILE --layer zones|plots|context [--zone ID] [--crs EPSG:NNNN] [--dry-run]
 *                   [--out OUT.geojson] [--report-json REPORT.json] [--user NAME] [--lang vi|en]
 *
 * Reads GeoJSON, KML/KMZ, a zipped Shapefile, a GeoPackage or a CSV, checks it and (unless
 * --dry-run or there are errors) writes it in one transaction with an audit entry. Works on the
 * DATA_DIR (or DATABASE_URL) the server uses, while the server is stopped, like `npm run user`.
 * The report is printed in Vietnamese unless --lang (or the IMPORT_LANG variable) says en; the
 * --report-json file carries the same language's messages next to every code.
 * Exit codes: 0 imported (or a clean dry run), 1 the file has errors (nothing written),
 * 2 usage, unreadable file or database in use.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { SessionUser } from '../../geodata/api.ts';
import { fileErrorMessage, reportIn, reportLines } from '../../geodata/import-report-text.ts';
import { loadDataset } from '../../geodata/load.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { ImportFileError, importMaxBytes, LAYERS, runImport, type Layer } from '../import/index.ts';
import { claimDataDir, releaseDataDir } from '../pidfile.ts';

function fail(msg: string): never {
  console.error(`import: ${msg}`);
  process.exit(2);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      layer: { type: 'string' }, zone: { type: 'string' }, crs: { type: 'string' }, 'dry-run': { type: 'boolean' },
      out: { type: 'string' }, 'report-json': { type: 'string' }, user: { type: 'string' }, lang: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || !values.layer) fail('usage: import FILE --layer zones|plots|context [--zone ID] [--crs EPSG:NNNN] [--dry-run] [--out OUT.geojson] [--report-json REPORT.json] [--user NAME] [--lang vi|en]');
  if (!(LAYERS as readonly string[]).includes(values.layer)) fail(`--layer must be one of ${LAYERS.join(', ')}`);
  const lang = values.lang || process.env.IMPORT_LANG || 'vi';
  if (lang !== 'vi' && lang !== 'en') fail('--lang (or IMPORT_LANG) must be vi or en');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    fail(`cannot read ${file}`);
  }
  if (size > importMaxBytes()) fail(`${file} is ${size} bytes; the limit is ${importMaxBytes()} (IMPORT_MAX_BYTES)`);
  const bytes = new Uint8Array(readFileSync(file));

  const cfg = readConfig();
  claimDataDir(cfg.dataDir);
  const db = await openDatabase({ dataDir: cfg.dataDir }, () => loadDataset(cfg.geodataDir));
  let code = 0;
  try {
    let user: SessionUser;
    if (values.user) {
      const [row] = await db.query<SessionUser>('SELECT id, username, role FROM users WHERE username = $1 AND NOT disabled', [values.user.toLowerCase()]);
      if (!row) fail(`no active user "${values.user}"`);
      user = row;
    } else {
      // The audit row names the shell user; user_id stays NULL as no account made the change.
      user = { id: null as unknown as number, username: `cli:${userInfo().username}`, role: 'admin' };
    }
    const result = await runImport(db, {
      bytes, fileName: basename(file), layer: values.layer as Layer, zone: values.zone ?? null, crs: values.crs ?? null, dryRun: !!values['dry-run'], user,
    });
    const report = reportIn(lang, result.report);
    console.log(reportLines(lang, report));
    if (values.out) writeFileSync(values.out, JSON.stringify(result.preview, null, 1));
    if (values['report-json']) writeFileSync(values['report-json'], JSON.stringify(report, null, 2));
    code = result.report.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof ImportFileError) {
      const message = fileErrorMessage(lang, err.reason, err.why);
      console.error(`import: ${file}: ${message}`);
      // The library's own words, for whoever runs the command: technical, in English, on their own line.
      if (err.cause) console.error(`import: cause: ${err.cause}`);
      if (values['report-json']) writeFileSync(values['report-json'], JSON.stringify({ ok: false, committed: false, error: { kind: err.kind, code: err.reason.code, ...(err.reason.params ? { params: err.reason.params } : {}), message, ...(err.cause ? { cause: err.cause } : {}) } }, null, 2));
      code = 2;
    } else throw err;
  } finally {
    await db.close();
    releaseDataDir(cfg.dataDir);
  }
  process.exit(code);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
