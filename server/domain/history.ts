import type { HistoryPoint, ZoneHistory } from '../../geodata/api.ts';
import type { YearlyFile } from '../../geodata/schema.ts';
import type { Queryable } from '../db/database.ts';

type EditRow = { id: number; at: string; zone_metrics: { occupancyPct: number | null; infraProgressPct: number | null; status: string } };

/**
 * A zone's dated series: the seeded yearly figures, then one point per edit with the figures as
 * they stood right after it (stored with the audit entry in the same transaction).
 */
export async function zoneHistory(db: Queryable, zoneId: string): Promise<ZoneHistory> {
  const [meta] = await db.query<{ value: YearlyFile }>(`SELECT value FROM meta WHERE key = 'yearly'`);
  const yearly: HistoryPoint[] = (meta?.value.zones ?? [])
    .filter((s) => s.zoneId === zoneId)
    .map((s) => ({
      date: s.date,
      occupancyPct: s.occupancyPct,
      infraProgressPct: s.infraProgressPct,
      status: s.status,
      origin: 'yearly',
      sourceId: s.sourceId,
      auditId: null,
    }));
  const edits = await db.query<EditRow>(
    `SELECT audit_log.id AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, zone_metrics
       FROM audit_log WHERE zone_id = $1 AND zone_metrics IS NOT NULL ORDER BY audit_log.id`,
    [zoneId],
  );
  const points = [
    ...yearly,
    ...edits.map((e): HistoryPoint => ({
      date: e.at,
      occupancyPct: e.zone_metrics.occupancyPct,
      infraProgressPct: e.zone_metrics.infraProgressPct,
      status: e.zone_metrics.status,
      origin: 'edit',
      sourceId: 'iz-atlas-edits',
      auditId: Number(e.id),
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { zoneId, points };
}
