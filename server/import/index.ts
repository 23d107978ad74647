/**
 * One import, as the CLI and the upload endpoint run it: read → analyse → (unless a dry run or
 * an error) commit. The report is the same JSON in both.
 */
import type { SessionUser } from '../../geodata/api.ts';
import { note } from '../../geodata/import-report-text.ts';
import { type Reason, reasonMessage } from '../../geodata/rules/reasons.ts';
import { storable } from '../../geodata/schema.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Database } from '../db/database.ts';
import { type DerivedCommune, plotCommunes } from '../domain/communes.ts';
import type { Layer } from './attributes.ts';
import type { AnalysedUpload, UploadToAnalyse } from './analyse-upload.ts';
import { commitImport, importSource, loadImportContext, planChanges } from './commit.ts';
import { importMaxBytes } from './limits.ts';
import { ImportFileError } from './file-error.ts';

export { ImportFileError } from './file-error.ts';
export { LAYERS, type Layer } from './attributes.ts';

/** Upload and CLI limit: IMPORT_MAX_BYTES, default 50 MB (also what a zip may unpack to). */
export { importMaxBytes } from './limits.ts';

export type ImportRequest = {
  bytes: Uint8Array;
  fileName: string | null;
  layer: Layer;
  zone?: string | null;
  crs?: string | null;
  dryRun: boolean;
  user: SessionUser;
};

import type { ImportReport, ImportResult } from '../../geodata/exchange.ts';
export type { ImportReport, ImportResult };

export const MAX_FILE_NAME_CHARS = 255;

/**
 * Why a file name cannot be recorded, or null. The name goes into the import's source title and
 * audit reason, so it is checked before the dry run and the commit alike: a name the dry run
 * accepted once failed in the commit (NUL cannot be stored).
 */
export function fileNameProblem(name: string | null): Reason | null {
  if (name === null) return null;
  if (name.length > MAX_FILE_NAME_CHARS) return { code: 'maxChars', params: { n: MAX_FILE_NAME_CHARS } };
  if (!storable(name)) return { code: 'notStorable' };
  return null;
}

/** The CPU-heavy steps of an import: reading and checking the file, and deriving the communes of what a commit writes. */
export type ImportJobs = {
  analyse: (u: UploadToAnalyse) => Promise<AnalysedUpload>;
  communes: (geometries: (Polygon | MultiPolygon)[]) => Promise<DerivedCommune[]>;
};

// In process, the readers and checks load only when a file comes (the server passes its heavy-work
// thread's jobs, and need not load them at all).
const IN_PROCESS: ImportJobs = {
  analyse: async (u) => (await import('./analyse-upload.ts')).readAndAnalyse(u),
  communes: async (geometries) => plotCommunes(geometries),
};

/**
 * Reads what the checks need from the database, has the file read and checked by `jobs.analyse`
 * (in process by default; the upload endpoint passes the heavy-work thread's), then commits unless
 * it is a dry run or has errors, with the communes `jobs.communes` derived before the transaction.
 * `jobs.analyse` may take the bytes away (a transfer to a thread): everything this function needs
 * from them is taken first.
 */
export async function runImport(db: Database, req: ImportRequest, jobs: ImportJobs = IN_PROCESS): Promise<ImportResult> {
  const badName = fileNameProblem(req.fileName);
  if (badName) throw new ImportFileError({ code: 'fileBadName' }, 'bad_name', badName);
  const maxBytes = importMaxBytes();
  const fileBytes = req.bytes.length;
  if (fileBytes > maxBytes) throw new ImportFileError({ code: 'fileBytesOver', params: { bytes: fileBytes, max: maxBytes } }, 'too_large');
  const source = importSource(req.bytes, req.fileName, req.user.username);
  const ctx = await loadImportContext(db, source.id);
  const { file: raw, analysis: a } = await jobs.analyse({ bytes: req.bytes, fileName: req.fileName, layer: req.layer, zone: req.zone ?? null, crs: req.crs ?? null, maxBytes, ctx });
  const errors = a.counts.errors;
  const ok = errors === 0 && a.features.length > 0;
  const notes: Reason[] = [...a.notes];
  notes.push({ code: req.layer === 'plots' ? 'importNotePlotsReplace' : req.layer === 'zones' ? 'importNoteZonesUpdate' : 'importNoteContextUpdate' });
  notes.push({ code: 'importNoteDefaultSource', params: { file: req.fileName ?? '—', user: req.user.username } });
  if (!ok) notes.push({ code: errors ? 'importNoteNothingWritten' : 'importNoteNothingToWrite' });
  let changes = planChanges(a, ctx);
  let committed = false;
  if (ok && !req.dryRun) {
    const geometries = a.layer === 'context' ? [] : a.features.map((f) => f.geometry as Polygon | MultiPolygon);
    const derived = await jobs.communes(geometries);
    const communes = new Map(derived.map((c, i) => [a.features[i]!.id, c]));
    changes = await commitImport(db, a, communes, req.user, source, req.fileName);
    committed = true;
  }
  const report: ImportReport = {
    ok,
    dryRun: req.dryRun,
    committed,
    file: { name: req.fileName, format: raw.format, bytes: fileBytes, layerName: raw.layerName, encoding: raw.encoding },
    layer: req.layer,
    zone: req.zone ?? null,
    crs: { ...a.crs, detail: reasonMessage('en', a.crs.detail), reason: a.crs.detail },
    counts: {
      features: raw.features,
      accepted: a.features.length,
      rejected: a.rejected.length,
      errors,
      warnings: a.counts.warnings,
      repaired: a.counts.repaired,
    },
    changes,
    sourceId: source.id,
    notes: notes.map((n) => note('en', n)),
    issues: a.issues,
  };
  return { report, preview: { type: 'FeatureCollection', features: a.features as Feature[] } };
}
