import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { busyProblem } from '../heavy/busy.ts';
import { runOffThread } from '../heavy/off-thread.ts';
import { HeavyWork } from '../heavy/queue.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, invalidFields, invalidParam, problem } from '../http/problem.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';
import { fileNameProblem, ImportFileError, type ImportJobs, importMaxBytes, type ImportResult, LAYERS, runImport } from '../import/index.ts';
import { idParam } from './query.ts';
import { fileErrorMessage, reportIn } from '../../geodata/import-report-text.ts';
import { requestLang } from '../http/lang.ts';

const importQuery = z
  .object({
    layer: z.enum(LAYERS),
    zone: idParam.optional(),
    crs: z.string().regex(/^(EPSG:)?\d{4,5}$/i, 'expected EPSG:NNNN').optional(),
    dryRun: z.enum(['true', 'false', '1', '0']).optional(),
    filename: z.string().max(255).optional(),
    lang: z.enum(['vi', 'en']).optional(),
  })
  .strict();

/**
 * A file that could not be read: 413 too large, 415 unsupported format, else 400; nothing was
 * written. A library's own words about it go in `cause`, apart from the translated detail.
 */
function fileProblem(c: Context, err: ImportFileError) {
  const status = err.kind === 'too_large' ? 413 : err.kind === 'unsupported' ? 415 : 400;
  const { code, params } = err.reason;
  return problem(c, status, err.kind === 'too_large' ? 'fileTooLarge' : 'fileCannotImport', {
    detail: fileErrorMessage(requestLang(c), err.reason, err.why),
    reason: err.kind,
    code,
    ...(params ? { params } : {}),
    ...(err.cause ? { cause: err.cause } : {}),
  });
}

/** The file name from ?filename= or Content-Disposition; undefined when the header's filename* is not percent-encoded UTF-8. */
function fileNameFrom(c: Context, query: string | undefined): string | null | undefined {
  if (query) return query;
  const cd = c.req.header('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return undefined;
    }
  }
  return /filename="?([^";]+)"?/i.exec(cd)?.[1] ?? null;
}

const badFileName = (c: Context, reason: Reason) => invalidFields(c, 'invalidFileName', [invalidParam({ field: 'filename', reason })]);

/** The import's heavy steps in the heavy-work thread: reading and checking the file, and the communes of what a commit writes. */
const OFF_THREAD: ImportJobs = {
  analyse: async (upload) => (await runOffThread('importAnalysis', upload)).result,
  communes: async (geometries) => (await runOffThread('communes', geometries)).result,
};

/**
 * POST /api/import?layer=zones|plots|context&zone=ID&crs=EPSG:NNNN&dryRun=true[&filename=NAME]
 * Body: the file itself (any Content-Type; name from ?filename= or Content-Disposition), or
 * multipart/form-data with the file in the field "file". Planner or admin, with the CSRF token.
 * The report's messages are in the language of ?lang=vi|en or Accept-Language (English by default);
 * every issue and note also carries its code and params.
 * Has its own size limit (IMPORT_MAX_BYTES, default 50 MB) instead of the API's 64 KiB.
 */
export function importRoutes(db: Database) {
  const maxSize = importMaxBytes();
  // Reading and checking a file, and deriving the communes a commit stores, run in the heavy-work
  // thread (../heavy/off-thread.ts); the database reads and writes stay here. One import at a
  // time, four waiting, then 503.
  const heavy = new HeavyWork<ImportResult>({ running: 1, waiting: 4, maxCacheBytes: 0, retryAfterSeconds: 5 });
  return new Hono<AppEnv>().post(
    '/import',
    requireRole('planner', 'admin'),
    bodyLimit({
      maxSize,
      onError: (c) => fileProblem(c, new ImportFileError({ code: 'fileLargerThan', params: { max: maxSize } }, 'too_large')),
    }),
    async (c) => {
      const q = importQuery.safeParse(c.req.query());
      if (!q.success) return invalid(c, q.error, 'query');
      let bytes: Uint8Array;
      let fileName = fileNameFrom(c, q.data.filename);
      if (fileName === undefined) return badFileName(c, { code: 'fileNameEncoding' });
      if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
        let form: Awaited<ReturnType<typeof c.req.parseBody>>;
        try {
          form = await c.req.parseBody();
        } catch (err) {
          return problem(c, 400, 'unreadableUpload', { cause: (err as Error).message });
        }
        const file = form.file;
        if (!(file instanceof File)) return problem(c, 400, 'noFile', { 'invalid-params': [invalidParam({ field: 'file', reason: { code: 'required' } })] });
        bytes = new Uint8Array(await file.arrayBuffer());
        fileName = fileName ?? (file.name || null);
      } else bytes = new Uint8Array(await c.req.arrayBuffer());
      const badName = fileNameProblem(fileName);
      if (badName) return badFileName(c, badName);
      const dryRun = q.data.dryRun === 'true' || q.data.dryRun === '1';
      try {
        const req = { bytes, fileName, layer: q.data.layer, zone: q.data.zone ?? null, crs: q.data.crs ?? null, dryRun, user: c.get('session')!.user };
        const result = await heavy.run(null, () => runImport(db, req, OFF_THREAD));
        return c.json({ ...result, report: reportIn(requestLang(c), result.report) }, dryRun || result.report.ok ? 200 : 422);
      } catch (err) {
        if (err instanceof ImportFileError) return fileProblem(c, err);
        const busy = busyProblem(c, err, 'busyImports');
        if (busy) return busy;
        throw err;
      }
    },
  );
}
