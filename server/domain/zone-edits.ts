import type { SessionUser, ZoneApiFeature } from '../../geodata/api.ts';
import type { InfrastructurePatch, ZonePatch } from '../../geodata/requests.ts';
import type { ZoneProperties } from '../../geodata/schema.ts';
import { sectorOf, type InfraItem } from '../../geodata/vocabulary.ts';
import type { Database, Queryable } from '../db/database.ts';
import { writeAudit } from './audit.ts';
import { changedFields, today, type EditResult } from './edit-result.ts';
import { getZone } from './zones-repo.ts';
import { EDITS_SOURCE_ID } from '../../geodata/own-sources.ts';

/** Figures a planner types carry this source; the note says where the planner got them. */
const EDIT_SOURCE = EDITS_SOURCE_ID;

type Locked = { props: ZoneProperties; version: number };

const lock = async (tx: Queryable, id: string) =>
  (await tx.query<Locked>('SELECT props, version FROM zones WHERE id = $1 FOR UPDATE', [id]))[0] ?? null;

/** Locks the zone, checks its version, applies change(props) and logs the difference, all in one transaction. */
async function editZone(
  db: Database,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  action: 'update' | 'infrastructure',
  reason: string | undefined,
  change: (p: ZoneProperties) => ZoneProperties,
): Promise<EditResult<ZoneApiFeature>> {
  return db.transaction(async (tx) => {
    const row = await lock(tx, id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.version !== expectedVersion) return { ok: false, reason: 'conflict', current: await getZone(tx, id) };
    const next = change(structuredClone(row.props));
    await tx.query('UPDATE zones SET status = $2, props = $3, version = version + 1, updated_at = now() WHERE id = $1', [id, next.status, next]);
    await writeAudit(tx, { user, entityType: 'zone', entityId: id, zoneId: id, action, ...changedFields(row.props, next), reason });
    return { ok: true, value: (await getZone(tx, id))! };
  });
}

export function patchZone(db: Database, user: SessionUser, id: string, version: number, patch: ZonePatch) {
  const { reason, ...fields } = patch;
  return editZone(db, user, id, version, 'update', reason, (p) => {
    if (fields.status && fields.status !== p.status) {
      p.status = fields.status;
      p.statusHistory.push({ status: fields.status, date: today(), sourceId: EDIT_SOURCE, ...(reason ? { note: reason } : {}) });
    }
    if (fields.name) p.name = fields.name;
    if (fields.developer !== undefined) p.developer = fields.developer ? { text: fields.developer, sourceId: EDIT_SOURCE } : null;
    // Sectors typed as vocabulary labels are stored as codes; other text as given.
    if (fields.sectors) p.sectors = fields.sectors.map(sectorOf);
    if (fields.note !== undefined) {
      if (fields.note) p.note = fields.note;
      else delete p.note;
    }
    return p;
  });
}

export function patchInfrastructure(db: Database, user: SessionUser, id: string, version: number, item: InfraItem, patch: InfrastructurePatch) {
  return editZone(db, user, id, version, 'infrastructure', patch.reason, (p) => {
    const entry = { item, progressPct: patch.progressPct, sourceId: EDIT_SOURCE, asOf: patch.asOf, note: patch.sourceNote };
    const i = p.infrastructure.findIndex((x) => x.item === item);
    if (i >= 0) p.infrastructure[i] = entry;
    else p.infrastructure.push(entry);
    return p;
  });
}
