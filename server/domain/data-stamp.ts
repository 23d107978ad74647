import { OPEN_ENQUIRY_STATUSES } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';

/**
 * A cheap fingerprint of the data: every edit and import appends to the audit log in the same
 * transaction, and seeding changes the zones table. Caches (tiles, the zones response) compare it
 * instead of holding authoritative state, so several server processes stay consistent.
 */
export async function dataStamp(db: Queryable): Promise<{ audits: number; lastAudit: string; zones: string }> {
  const [row] = await db.query<{ audits: string; last_audit: string; zones: string }>(
    `SELECT (SELECT count(*) FROM audit_log)::text AS audits,
            (SELECT coalesce(max(id), 0) FROM audit_log)::text AS last_audit,
            (SELECT count(*) || '.' || coalesce(sum(version), 0) || '.' || coalesce(max(updated_at)::text, '') FROM zones) AS zones`,
  );
  return { audits: Number(row!.audits), lastAudit: row!.last_audit, zones: row!.zones };
}

/**
 * Which enquiries are open: plots carry their count of open enquiries, and enquiries are not in
 * the audit log. The sum of open ids moves whenever one opens or closes.
 */
export async function openEnquiryStamp(db: Queryable): Promise<string> {
  const open = OPEN_ENQUIRY_STATUSES.map((s) => `'${s}'`).join(', ');
  const [row] = await db.query<{ s: string }>(
    `SELECT count(*) || '.' || coalesce(sum(id), 0) AS s FROM enquiries WHERE status IN (${open})`,
  );
  return row!.s;
}

/**
 * A stamp read at most every `maxAgeMs`, and at once after a write in this process (`stale()`):
 * a cached response never lags this process's own edits, and another process's by at most
 * `maxAgeMs`, as with the tiles. Saves a database round trip on every cached read.
 */
export class StampWatch {
  private value: string | null = null;
  private readAt = 0;
  private reading: Promise<string> | null = null;
  private generation = 0;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly maxAgeMs = 1000,
  ) {}

  /** A write happened: the next caller reads again, and a read already under way is not reused. */
  stale() {
    this.generation++;
    this.value = null;
    this.reading = null;
  }

  async current(): Promise<string> {
    if (this.value !== null && Date.now() - this.readAt < this.maxAgeMs) return this.value;
    if (!this.reading) {
      const generation = this.generation;
      const reading = this.read().then((v) => {
        if (generation === this.generation) {
          this.value = v;
          this.readAt = Date.now();
        }
        return v;
      });
      this.reading = reading;
      void reading.finally(() => {
        if (this.reading === reading) this.reading = null;
      }).catch(() => {});
    }
    return this.reading;
  }
}
