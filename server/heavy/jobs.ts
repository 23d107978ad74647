/**
 * The heavy jobs a worker thread runs (one table, so the worker and its callers agree on names and
 * types): encoding an export file, reading and checking an uploaded import file, and deriving the
 * communes of what an import commits (against the real boundaries: seconds for 10,000 plots). Each takes
 * plain data the main thread read from the database and returns plain data (structured clone).
 */
import { plotCommunes } from '../domain/communes.ts';
import { encodeExport } from '../export/encode.ts';
import { readAndAnalyse } from '../import/analyse-upload.ts';

export const JOBS = {
  export: encodeExport,
  importAnalysis: readAndAnalyse,
  communes: plotCommunes,
};

export type JobName = keyof typeof JOBS;
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
export type JobResult<K extends JobName> = Awaited<ReturnType<(typeof JOBS)[K]>>;
