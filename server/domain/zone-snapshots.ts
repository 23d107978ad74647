import type { Stats, ZoneApiFeature } from '../../geodata/api.ts';
import type { Queryable } from '../db/database.ts';
import { lastChange, statsOf } from './stats.ts';
import { zoneFeatures, zoneInputs } from './zones-repo.ts';

/** The zones with their figures and the province totals, as of one data stamp. */
export type ZoneSnapshot = { stamp: string; zones: ZoneApiFeature[]; stats: Stats };

/**
 * The zones' figures and the province totals, computed once per data stamp and shared by the
 * zone list, one zone and the totals, with at most one computation under way.
 *
 * Under a stream of edits every write moves the stamp. Computing once per stamp then meant one
 * computation per write, several at a time, each a scan of the plots, the sources and the audit
 * log: with 200 clients and planners saving, reads queued behind them for up to 30 s. Now a
 * reader whose stamp is newer than the last snapshot waits for the next computation that starts
 * after it asked (it reads the stamp first, so it sees every write acknowledged before the
 * request, the reader's own included), and all readers arriving meanwhile share that one.
 */
export class ZoneSnapshots {
  private latest: ZoneSnapshot | null = null;
  /** A computation queued behind the running one, not started yet: late readers join it. */
  private queued: Promise<ZoneSnapshot> | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    /** The data stamp: what the caller's cached reads use, so a snapshot is current when they agree. */
    private readonly stamp: () => Promise<string>,
  ) {}

  async current(): Promise<ZoneSnapshot> {
    const stamp = await this.stamp();
    if (this.latest?.stamp === stamp) return this.latest;
    return this.next();
  }

  private next(): Promise<ZoneSnapshot> {
    if (this.queued) return this.queued;
    const run: Promise<ZoneSnapshot> = this.tail.then(() => {
      if (this.queued === run) this.queued = null;
      return this.compute();
    });
    this.queued = run;
    this.tail = run.catch(() => {});
    return run;
  }

  private async compute(): Promise<ZoneSnapshot> {
    // The stamp is read before the data: a write landing in between shows in the data and moves
    // the stamp, so the next reader computes again rather than trusting a snapshot too old.
    const stamp = await this.stamp();
    const [inputs, updatedAt] = await Promise.all([zoneInputs(this.db), lastChange(this.db)]);
    const snapshot = { stamp, zones: zoneFeatures(inputs), stats: statsOf(inputs, updatedAt) };
    this.latest = snapshot;
    return snapshot;
  }
}
