// Apart from ./readers.ts so that the server's routes and its heavy-thread client can recognise
// this error without loading the readers' libraries (JSZip, Shapefile, sql.js, xmldom) at start.
import type { ImportFileErrorKind } from '../../geodata/exchange.ts';
import { fileErrorMessage } from '../../geodata/import-report-text.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';

/**
 * A file that cannot be read at all: the import stops before anything is checked or written. Why is
 * a code of the reason table with its params (`why`, when given, fills its {why}); the message is
 * its English, and the API and the CLI word it in the reader's language (fileErrorMessage).
 * `cause` is a library's own words about the failure (English, technical): sent apart for
 * operators and logs, never inside the sentence (./library-causes.ts).
 */
export class ImportFileError extends Error {
  readonly reason: Reason;
  constructor(
    reason: Reason,
    readonly kind: ImportFileErrorKind,
    readonly why?: Reason,
    override readonly cause?: string,
  ) {
    // Limits are quoted as written in the code ("1000 files"), the same in both languages.
    const params = reason.params && Object.fromEntries(Object.entries(reason.params).map(([k, v]) => [k, String(v)]));
    const stated: Reason = params ? { code: reason.code, params } : { code: reason.code };
    super(fileErrorMessage('en', stated, why));
    this.reason = stated;
  }
}
