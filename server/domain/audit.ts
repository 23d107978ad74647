import type { AuditEntry, SessionUser } from '../../geodata/api.ts';
import type { Queryable } from '../db/database.ts';
import type { EnquiryMove } from './enquiries.ts';
import { getZone } from './zones-repo.ts';

export type AuditWrite = {
  user: SessionUser;
  entityType: AuditEntry['entityType'];
  entityId: string;
  zoneId: string | null;
  action: AuditEntry['action'];
  before: unknown;
  after: unknown;
  reason?: string | undefined;
  /** Enquiries a geometry change moved to other land (split, merge, import): kept with the change's row. */
  enquiries?: EnquiryMove[] | undefined;
};

/**
 * Appends to the audit log inside the caller's transaction, with the zone's figures after the
 * change, so the history series needs no recomputation and a failed change leaves no row. The
 * occupancy kept is the one the zone displays (zoneOccupancy), with its basis: a schematic
 * layout's sums are not a figure, and a series must know what each point is a share of.
 */
export async function writeAudit(tx: Queryable, e: AuditWrite): Promise<number> {
  // A change to plots counts as the zone's latest plot edit (the rule in zoneOccupancy), as the
  // zone will be read once this row is in: the figure recorded is the one the zone then shows.
  const after0 = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : null;
  const plotChange = e.entityType === 'plot' || (e.action === 'import' && !!after0 && 'plots' in after0);
  const zone = e.zoneId ? await getZone(tx, e.zoneId, plotChange ? { at: new Date().toISOString().slice(0, 19) + 'Z', by: e.user.username } : undefined) : null;
  const metrics = zone
    ? {
        occupancyPct: zone.properties.occupancy.valuePct,
        occupancyBasis: zone.properties.occupancy.basis,
        infraProgressPct: zone.properties.progress.progressPct,
        status: zone.properties.status,
      }
    : null;
  // The moves ride in `after`, so the log's columns (and its readers) stay as they are.
  const after = e.enquiries?.length ? { ...(e.after && typeof e.after === 'object' && !Array.isArray(e.after) ? e.after : { value: e.after }), enquiriesMoved: e.enquiries } : e.after;
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO audit_log (user_id, username, entity_type, entity_id, zone_id, action, before, after, reason, zone_metrics)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [e.user.id, e.user.username, e.entityType, e.entityId, e.zoneId, e.action, e.before ?? null, after ?? null, e.reason ?? null, metrics],
  );
  return Number(row!.id);
}

type AuditRow = {
  id: number; at: string; username: string; entity_type: AuditEntry['entityType']; entity_id: string; zone_id: string | null;
  action: AuditEntry['action']; before: unknown; after: unknown; reason: string | null;
};

export type AuditQuery = { entity?: string | undefined; zone?: string | undefined; since?: string | undefined; before?: number | undefined; limit?: number | undefined };
export type AuditPage = { entries: AuditEntry[]; next: number | null };

/**
 * A page of the log, newest first. Ordered by the numeric id in SQL (the bigserial grows with
 * every commit's insert): an `id::text` in the select list once made `ORDER BY id` sort the text,
 * so entry 999 came before 1000. `before` is the cursor: the `next` of the previous page.
 */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (q.entity) {
    const [type, id] = q.entity.split(':');
    where.push(`entity_type = ${param(type)} AND entity_id = ${param(id)}`);
  }
  if (q.zone) where.push(`zone_id = ${param(q.zone)}`);
  if (q.since) where.push(`at >= ${param(q.since)}::timestamptz`);
  if (q.before !== undefined) where.push(`audit_log.id < ${param(q.before)}`);
  const limit = q.limit ?? 100;
  const rows = await db.query<AuditRow>(
    `SELECT audit_log.id AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, username, entity_type, entity_id, zone_id, action, before, after, reason
       FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY audit_log.id DESC LIMIT ${param(limit + 1)}`,
    params,
  );
  const entries = rows.slice(0, limit).map((r) => ({
    id: Number(r.id), at: r.at, username: r.username, entityType: r.entity_type, entityId: r.entity_id, zoneId: r.zone_id,
    action: r.action, before: r.before, after: r.after, reason: r.reason,
  }));
  return { entries, next: rows.length > limit ? entries[entries.length - 1]!.id : null };
}
