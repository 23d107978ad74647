import type { HistoryPoint, ZoneHistory } from '../../geodata/api.ts';
import type { OccupancyBasis } from '../../geodata/metrics.ts';
import type { ProvinceIndicator, YearlyFile } from '../../geodata/schema.ts';
import type { Queryable } from '../db/database.ts';

type EditRow = {
  id: number;
  zone_id: string;
  at: string;
  /** occupancyBasis is absent in rows written before it was stored: those figures were the layout's sums, on all leasable land. */
  zone_metrics: { occupancyPct: number | null; occupancyBasis?: OccupancyBasis | null; infraProgressPct: number | null; status: string };
};

const byDate = (a: HistoryPoint, b: HistoryPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The yearly figures the database was seeded with (the configured dataset's yearly.json). */
async function seededYearly(db: Queryable): Promise<YearlyFile> {
  const [meta] = await db.query<{ value: YearlyFile }>(`SELECT value FROM meta WHERE key = 'yearly'`);
  return meta?.value ?? { zones: [], province: [] };
}

/** The province's yearly indicators (growth, budget…) of the configured dataset, oldest first. */
export async function provinceYearly(db: Queryable): Promise<ProvinceIndicator[]> {
  return [...(await seededYearly(db)).province].sort((a, b) => a.year - b.year);
}

/**
 * Dated series of many zones at once (all of them when `zoneIds` is null): the seeded yearly
 * figures, then one point per edit with the figures as they stood right after it (stored with
 * the audit entry in the same transaction). Two queries whatever the number of zones, so the
 * leaders' dashboard does not ask once per zone.
 */
export async function zoneHistories(db: Queryable, zoneIds: readonly string[] | null): Promise<ZoneHistory[]> {
  const zones = zoneIds ?? (await db.query<{ id: string }>('SELECT id FROM zones ORDER BY id')).map((r) => r.id);
  const points = new Map<string, HistoryPoint[]>(zones.map((id) => [id, []]));
  for (const s of (await seededYearly(db)).zones) {
    points.get(s.zoneId)?.push({
      date: s.date,
      occupancyPct: s.occupancyPct,
      occupancyBasis: s.occupancyBasis ?? null,
      infraProgressPct: s.infraProgressPct,
      status: s.status,
      origin: 'yearly',
      sourceId: s.sourceId,
      auditId: null,
    });
  }
  const edits = await db.query<EditRow>(
    `SELECT audit_log.id AS id, zone_id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, zone_metrics
       FROM audit_log WHERE zone_metrics IS NOT NULL AND ($1::text IS NULL OR zone_id = ANY(string_to_array($1::text, ','))) ORDER BY audit_log.id`,
    // Ids are letters, digits and hyphens (idParam), so a comma list is unambiguous.
    [zoneIds ? zoneIds.join(',') : null],
  );
  for (const e of edits) {
    points.get(e.zone_id)?.push({
      date: e.at,
      occupancyPct: e.zone_metrics.occupancyPct,
      occupancyBasis: e.zone_metrics.occupancyBasis !== undefined ? e.zone_metrics.occupancyBasis : e.zone_metrics.occupancyPct === null ? null : 'industrial_land',
      infraProgressPct: e.zone_metrics.infraProgressPct,
      status: e.zone_metrics.status,
      origin: 'edit',
      sourceId: 'iz-atlas-edits',
      auditId: Number(e.id),
    });
  }
  // A stable sort: points of one date keep the yearly-then-edit order.
  return zones.map((zoneId) => ({ zoneId, points: points.get(zoneId)!.sort(byDate) }));
}

/** One zone's dated series (see zoneHistories). */
export async function zoneHistory(db: Queryable, zoneId: string): Promise<ZoneHistory> {
  return (await zoneHistories(db, [zoneId]))[0]!;
}
