import type { Polygon } from 'geojson';
import type { PlotApiFeature, SessionUser } from '../../geodata/api.ts';
import type { PlotPatch } from '../../geodata/requests.ts';
import type { PlotProperties } from '../../geodata/schema.ts';
import { derivedId } from '../../geodata/ids.ts';
import { isHeld, mergeProblem, plotEditProblems } from '../../geodata/rules/plot-rules.ts';
import type { Database, Queryable } from '../db/database.ts';
import { insertPlot } from '../db/seed.ts';
import { writeAudit } from './audit.ts';
import { moveEnquiries } from './enquiries.ts';
import { changedFields, invalidField, invalidFields, today, type EditResult } from './edit-result.ts';
import { mergePolygons, splitPolygon } from './plot-geometry.ts';
import { getPlot } from './plots-repo.ts';
import { sectorOf } from '../../geodata/vocabulary.ts';

type Locked = { props: PlotProperties; geometry: Polygon; version: number; zone_id: string };

const lock = async (tx: Queryable, id: string) =>
  (await tx.query<Locked>('SELECT props, geometry, version, zone_id FROM plots WHERE id = $1 FOR UPDATE', [id]))[0] ?? null;

export async function patchPlot(db: Database, user: SessionUser, id: string, expectedVersion: number, patch: PlotPatch): Promise<EditResult<PlotApiFeature>> {
  return db.transaction(async (tx) => {
    const row = await lock(tx, id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.version !== expectedVersion) return { ok: false, reason: 'conflict', current: await getPlot(tx, id) };
    const { reason, priceVndM2Year, ...fields } = patch;
    const next: PlotProperties = { ...row.props };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) (next as Record<string, unknown>)[k] = v === '' ? null : v;
    // A sector typed as a vocabulary label (either language) is stored as its code; other text as given.
    if (next.sector) next.sector = sectorOf(next.sector);
    if (priceVndM2Year !== undefined) {
      next.priceVndM2Year = priceVndM2Year === null ? { value: null, sourceId: null, asOf: null } : { value: priceVndM2Year, sourceId: 'iz-atlas-edits', asOf: today() };
    }
    // A plot nobody holds has no tenant or lease dates (geodata/rules/plot-rules.ts).
    if (!isHeld(next.status)) {
      if (fields.tenant === undefined) next.tenant = null;
      if (fields.leaseStart === undefined) next.leaseStart = null;
      if (fields.leaseEnd === undefined) next.leaseEnd = null;
    }
    const problems = plotEditProblems(next, patch);
    if (problems.length) return invalidFields(problems);
    await tx.query('UPDATE plots SET status = $2, props = $3, version = version + 1, updated_at = now() WHERE id = $1', [id, next.status, next]);
    const diff = changedFields(row.props, next);
    await writeAudit(tx, { user, entityType: 'plot', entityId: id, zoneId: row.zone_id, action: 'update', ...diff, reason });
    return { ok: true, value: (await getPlot(tx, id))! };
  });
}

/** A free id next to an existing one: CN-03 splits into CN-03a and CN-03b; never longer than the id rule allows. */
async function freshId(tx: Queryable, base: string, suffix: string): Promise<string> {
  for (let n = 0; ; n++) {
    const id = derivedId(base, `${suffix}${n ? n : ''}`);
    if (!(await tx.query('SELECT 1 FROM plots WHERE id = $1', [id])).length) return id;
  }
}

export async function splitPlot(db: Database, user: SessionUser, id: string, line: GeoJSON.LineString, reason?: string): Promise<EditResult<PlotApiFeature[]>> {
  return db.transaction(async (tx) => {
    const row = await lock(tx, id);
    if (!row) return { ok: false, reason: 'not_found' };
    const parts = splitPolygon(row.geometry, line);
    if (!parts) return invalidField('line', { code: 'splitLine' });
    const created: PlotApiFeature[] = [];
    await tx.query('DELETE FROM plots WHERE id = $1', [id]);
    for (const [i, geometry] of parts.entries()) {
      const suffix = i === 0 ? 'a' : 'b';
      const newId = await freshId(tx, id, suffix);
      await insertPlot(tx, { geometry, properties: { ...row.props, id: newId, code: `${row.props.code}${suffix}` } });
      created.push((await getPlot(tx, newId))!);
    }
    // The investor asked about this land: the larger part now holds most of it.
    const larger = created.reduce((a, b) => (b.properties.areaHa > a.properties.areaHa ? b : a));
    const enquiries = await moveEnquiries(tx, new Map([[id, larger.id]]));
    await writeAudit(tx, {
      user, entityType: 'plot', entityId: id, zoneId: row.zone_id, action: 'split',
      before: { id, code: row.props.code, geometry: row.geometry }, after: created.map((f) => ({ id: f.id, code: f.properties.code, geometry: f.geometry })), reason,
      ...(enquiries.length ? { enquiries } : {}),
    });
    if (enquiries.length) for (const [i, f] of created.entries()) created[i] = (await getPlot(tx, f.id))!;
    return { ok: true, value: created };
  });
}

export async function mergePlots(db: Database, user: SessionUser, ids: string[], reason?: string): Promise<EditResult<PlotApiFeature>> {
  return db.transaction(async (tx) => {
    if (new Set(ids).size !== ids.length) return invalidField('ids', { code: 'plotTwice' });
    // Rows are locked in one order whatever order the request lists them in: merges of [a, b]
    // and [b, a] at the same moment then queue on a instead of each holding one and waiting.
    const locked = new Map<string, Locked & { id: string }>();
    for (const id of [...ids].sort()) {
      const r = await lock(tx, id);
      if (!r) return invalidField('ids', { code: 'noSuchPlot', params: { id } });
      locked.set(id, { ...r, id });
    }
    const rows = ids.map((id) => locked.get(id)!);
    const first = rows[0]!;
    const unmergeable = mergeProblem(rows.map((r) => ({ ...r.props, zoneId: r.zone_id })));
    if (unmergeable) return invalidFields([unmergeable]);
    const geometry = mergePolygons(rows.map((r) => r.geometry));
    if (!geometry) return invalidField('ids', { code: 'notAdjacent' });
    for (const r of rows) await tx.query('DELETE FROM plots WHERE id = $1', [r.id]);
    await insertPlot(tx, { geometry, properties: { ...first.props } });
    await tx.query('UPDATE plots SET version = $2 WHERE id = $1', [first.id, first.version + 1]);
    const enquiries = await moveEnquiries(tx, new Map(rows.map((r) => [r.id, first.id])));
    const merged = (await getPlot(tx, first.id))!;
    await writeAudit(tx, {
      ...(enquiries.length ? { enquiries } : {}),
      user, entityType: 'plot', entityId: first.id, zoneId: first.zone_id, action: 'merge',
      // Every input whole (all its properties, geometry and version), so the merge can be read back or undone by hand.
      before: rows.map((r) => ({ id: r.id, version: r.version, properties: r.props, geometry: r.geometry })),
      after: { id: merged.id, code: merged.properties.code, properties: merged.properties, geometry: merged.geometry }, reason,
    });
    return { ok: true, value: merged };
  });
}
