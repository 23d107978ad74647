/**
 * What a file-reading library's failure means, as a code of the reason table: the libraries
 * (JSON.parse, JSZip, shapefile, sql.js, papaparse, xmldom) explain themselves in English, and a
 * planner reading Vietnamese must not get that English inside the sentence. The library's own
 * words are kept apart (`cause`), for operators and logs, never filled into a message.
 */
import { jsonSyntaxReason } from '../../geodata/json-syntax.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';

export type LibraryFailure = { reason: Reason; cause: string };

const textOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** JSON.parse's failure (geodata/json-syntax.ts, shared with the tour editor). */
export const jsonFailure = (err: unknown, text: string): LibraryFailure => ({ reason: jsonSyntaxReason(err, text), cause: textOf(err) });

/** JSZip's refusal of the archive as a whole. */
export function zipFailure(err: unknown): LibraryFailure {
  const cause = textOf(err);
  return { reason: { code: /encrypted/i.test(cause) ? 'fileZipEncrypted' : 'fileZipCorrupt' }, cause };
}

/** sql.js failing to open or read a GeoPackage: not a database at all, a damaged one, anything else. */
export function sqliteFailure(err: unknown, opening: boolean): LibraryFailure {
  const cause = textOf(err);
  if (/file is not a database|file is encrypted/i.test(cause)) return { reason: { code: 'fileGpkgNotDatabase' }, cause };
  if (/malformed|corrupt/i.test(cause)) return { reason: { code: 'fileGpkgMalformed' }, cause };
  return { reason: { code: opening ? 'fileGpkgNotDatabase' : 'fileGpkgUnreadable' }, cause };
}

/** papaparse's fatal errors carry a code: an unclosed quote (with its data row, counted from 1 here) or no separator found. */
export function csvFailure(err: { code?: string; type?: string; message: string; row?: number }): LibraryFailure {
  if (err.code === 'MissingQuotes') return { reason: { code: 'fileCsvUnclosedQuote', params: { row: (err.row ?? 0) + 1 } }, cause: err.message };
  if (err.type === 'Delimiter') return { reason: { code: 'fileCsvNoDelimiter' }, cause: err.message };
  return { reason: { code: 'fileCsvUnreadable' }, cause: err.message };
}
