import { statfs } from 'node:fs/promises';
import type { Database } from './database.ts';

/**
 * Whether the database can write, for /api/health and for the 503 a failed write gets.
 *
 * A full disk or a read-only database does not stop reads, so "the database answers" is not
 * enough: a small write fails only once PostgreSQL must extend a file, and the first sign is
 * usually one planner's save. So the health check (1) tries a write, (2) on the embedded database
 * looks at the free space under DATA_DIR, and (3) remembers any write that failed for storage
 * reasons in the last minute (on either database).
 */
export const LOW_DISK_BYTES = 64 * 1024 * 1024;
const REMEMBER_MS = 60_000;

/** Why the database cannot write, as a kind the API words in the reader's language; null for any other error. */
export type StorageKind = 'full' | 'readOnly' | 'storage';

export function storageKind(err: unknown): StorageKind | null {
  const e = err as { code?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return null;
  const msg = e.message ?? '';
  // SQLSTATE 53100 disk_full, 53000 insufficient_resources, 58030 io_error, 25006 read_only_sql_transaction.
  if (e.code === '53100' || /No space left on device|ENOSPC/i.test(msg)) return 'full';
  if (e.code === '25006' || /Read-only file system|EROFS/i.test(msg)) return 'readOnly';
  if (e.code === '58030' || e.code === '53000' || /could not (extend|write|create|open) file|EIO\b|EACCES|Permission denied/i.test(msg)) return 'storage';
  return null;
}

const OPERATOR_WORDS: Record<StorageKind, string> = {
  full: 'the disk holding the database is full',
  readOnly: 'the database is read-only',
  storage: 'the database cannot write to its storage',
};

/** The cause, in words for the operator (English, with the database's own message), when an error means the database cannot write; null for any other error. */
export function storageFailure(err: unknown): string | null {
  const kind = storageKind(err);
  return kind && `${OPERATOR_WORDS[kind]} (${(err as { message?: string }).message ?? ''})`;
}

export class WriteHealth {
  private lastFailure: { cause: string; at: number } | null = null;

  constructor(
    private readonly db: Database,
    /** DATA_DIR of the embedded database, whose free space is checked; absent on PostgreSQL. */
    private readonly dataDir?: string,
  ) {}

  /** Called with every error a request ends in: remembers the ones that say the database cannot write. */
  note(err: unknown): string | null {
    const cause = storageFailure(err);
    if (cause) this.lastFailure = { cause, at: Date.now() };
    return cause;
  }

  /** Null when writes work; else why not. */
  async problem(): Promise<string | null> {
    try {
      // A write that changes nothing but still takes a row lock and writes a WAL record.
      await this.db.transaction(async (tx) => void (await tx.query(`UPDATE meta SET value = value WHERE key = 'seeded_at'`)));
    } catch (err) {
      const cause = this.note(err);
      if (cause) return cause;
      throw err;
    }
    if (this.dataDir) {
      const fs = await statfs(this.dataDir).catch(() => null);
      if (fs && fs.bavail * fs.bsize < LOW_DISK_BYTES) {
        return `only ${Math.floor((fs.bavail * fs.bsize) / 1024 / 1024)} MiB free on the disk holding the database (DATA_DIR)`;
      }
    }
    if (this.lastFailure && Date.now() - this.lastFailure.at < REMEMBER_MS) return `a write failed ${Math.round((Date.now() - this.lastFailure.at) / 1000)} s ago: ${this.lastFailure.cause}`;
    return null;
  }
}
