/**
 * Reading what the checks need from the database, and writing an analysed import: one
 * transaction, all or nothing, with an audit entry per zone (or context feature) it touches.
 */
import { createHash } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { SessionUser } from '../../geodata/api.ts';
import { envelopeOf } from '../../geodata/admin/outlines.ts';
import type { ContextProperties, PlotProperties, Source, ZoneProperties } from '../../geodata/schema.ts';
import { importSourceLabel } from '../../geodata/own-sources.ts';
import type { Database, Queryable } from '../db/database.ts';
import { insertPlots, insertZone } from '../db/seed.ts';
import { type DerivedCommune, zoneCommune } from '../domain/communes.ts';
import { writeAudit } from '../domain/audit.ts';
import { moveEnquiries } from '../domain/enquiries.ts';
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';

type Box = ReturnType<typeof bbox>;
const apart = (a: Box, b: Box) => a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3];

/** The id of the feature sharing the most area with `old`, or null when none overlaps it. */
function largestOverlap(old: Polygon, feats: NormalisedFeature[], boxes: Box[]): string | null {
  let best: { id: string; m2: number } | null = null;
  const box = bbox(old);
  for (const [i, f] of feats.entries()) {
    // Only features whose boxes meet are cut: of a 10,000-plot file, a handful.
    if (apart(box, boxes[i]!)) continue;
    let shared = 0;
    try {
      const cut = intersect(featureCollection([feature(old), feature(f.geometry as Polygon)]));
      shared = cut ? area(cut) : 0;
    } catch {
      shared = 0; // a degenerate ring: no overlap to speak of
    }
    if (shared > 1 && (!best || shared > best.m2)) best = { id: f.id, m2: shared };
  }
  return best?.id ?? null;
}
import { changedFields, today } from '../domain/edit-result.ts';
import type { Analysis, ImportContext, NormalisedFeature } from './engine.ts';

/** The sources row an import adds: same file on the same day → same id. */
export function importSource(fileBytes: Uint8Array, fileName: string | null, user: string, date = today()): Source {
  const hash = createHash('sha1').update(fileBytes).digest('hex').slice(0, 8);
  return {
    id: `import-${date.replace(/-/g, '')}-${hash}`,
    title: `Imported from ${fileName ?? 'an uploaded file'} by ${user}`,
    label: importSourceLabel(fileName, user),
    url: null,
    publisher: 'iz-atlas import',
    date,
    note: `File SHA-1 ${createHash('sha1').update(fileBytes).digest('hex')}. The figures and geometry it brought are the uploader's; check them against the source document.`,
  };
}

export async function loadImportContext(db: Queryable, importSourceId: string): Promise<ImportContext> {
  const [zones, plots, context, sources] = await Promise.all([
    db.query<{ id: string; props: ZoneProperties; geometry: Polygon | MultiPolygon; version: number }>('SELECT id, props, geometry, version FROM zones'),
    db.query<{ id: string; zone_id: string }>('SELECT id, zone_id FROM plots ORDER BY id'),
    db.query<{ id: string }>('SELECT id FROM context'),
    db.query<{ id: string }>('SELECT id FROM sources'),
  ]);
  const plotIds = new Map<string, string[]>();
  for (const p of plots) plotIds.set(p.zone_id, [...(plotIds.get(p.zone_id) ?? []), p.id]);
  return {
    province: envelopeOf(zones.map((z) => z.props.addressNew.province)),
    zones: new Map(zones.map((z) => [z.id, { props: z.props, geometry: z.geometry, version: z.version }])),
    plotIds,
    contextIds: new Set(context.map((c) => c.id)),
    sourceIds: new Set([...sources.map((s) => s.id), importSourceId]),
    importSourceId,
    today: today(),
  };
}

import type { ChangeSummary } from '../../geodata/exchange.ts';
export type { ChangeSummary };

/** What a commit would do, computed without writing (the dry run's report says the same). */
export function planChanges(a: Analysis, ctx: ImportContext): ChangeSummary[] {
  if (a.layer === 'plots') {
    const byZone = new Map<string, string[]>();
    for (const f of a.features) {
      const z = (f.properties as PlotProperties).zoneId;
      byZone.set(z, [...(byZone.get(z) ?? []), f.id]);
    }
    return [...byZone].map(([zoneId, ids]) => {
      const before = ctx.plotIds.get(zoneId) ?? [];
      return { zoneId, created: ids.filter((i) => !before.includes(i)), updated: ids.filter((i) => before.includes(i)), replaced: before, auditId: null };
    });
  }
  const existing = a.layer === 'zones' ? new Set(ctx.zones.keys()) : ctx.contextIds;
  return [{ zoneId: null, created: a.features.filter((f) => !existing.has(f.id)).map((f) => f.id), updated: a.features.filter((f) => existing.has(f.id)).map((f) => f.id), replaced: [], auditId: null }];
}

type OldPlot = { id: string; props: PlotProperties; geometry: Polygon; version: number };

/**
 * Writes the analysed features in one transaction; returns per-zone summaries with audit ids.
 * `communes` holds each zone's or plot's commune by feature id, derived before the transaction
 * (by the heavy-work thread for an upload), so the transaction only writes: deriving 10,000 plots'
 * communes inside it held the database, and on PGlite the event loop, for 20 seconds or more.
 */
export async function commitImport(
  db: Database,
  a: Analysis,
  communes: ReadonlyMap<string, DerivedCommune>,
  user: SessionUser,
  source: Source,
  fileName: string | null,
): Promise<ChangeSummary[]> {
  const reason = `import of ${fileName ?? 'an uploaded file'} (${a.features.length} ${a.layer}, ${a.crs.code})`;
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO sources (id, data) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [source.id, source]);
    const out: ChangeSummary[] = [];
    if (a.layer === 'plots') {
      const byZone = new Map<string, NormalisedFeature[]>();
      for (const f of a.features) {
        const z = (f.properties as PlotProperties).zoneId;
        byZone.set(z, [...(byZone.get(z) ?? []), f]);
      }
      // Zones are locked in id order, as merges lock plots, so two imports never wait on each other in a circle.
      for (const [zoneId, feats] of [...byZone].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const [zone] = await tx.query<{ props: ZoneProperties }>('SELECT props FROM zones WHERE id = $1 FOR UPDATE', [zoneId]);
        if (!zone) throw new Error(`zone ${zoneId} vanished during the import`);
        const old = await tx.query<OldPlot>('SELECT id, props, geometry, version FROM plots WHERE zone_id = $1 ORDER BY id', [zoneId]);
        const oldVersion = new Map(old.map((p) => [p.id, p.version]));
        await tx.query('DELETE FROM plots WHERE zone_id = $1', [zoneId]);
        await insertPlots(tx, feats.map((f) => ({ geometry: f.geometry as Polygon, properties: f.properties as PlotProperties, commune: communes.get(f.id) })));
        // A plot that existed keeps counting versions, so an edit based on the old one gets 412.
        const again = feats.filter((f) => oldVersion.has(f.id));
        if (again.length) {
          await tx.query('UPDATE plots p SET version = v.version FROM unnest($1::text[], $2::int[]) AS v(id, version) WHERE p.id = v.id', [
            again.map((f) => f.id),
            again.map((f) => oldVersion.get(f.id)! + 1),
          ]);
        }
        if (!zone.props.hasLayout) {
          await tx.query('UPDATE zones SET props = $2, version = version + 1, updated_at = now() WHERE id = $1', [zoneId, { ...zone.props, hasLayout: true }]);
        } else await tx.query('UPDATE zones SET updated_at = now() WHERE id = $1', [zoneId]);
        // Enquiries on plots the file no longer has go to the new plot that covers most of that land, else to the zone.
        const kept = new Set(feats.map((f) => f.id));
        const gone = old.filter((p) => !kept.has(p.id));
        const asked = gone.length ? new Set((await tx.query<{ plot_id: string }>('SELECT DISTINCT plot_id FROM enquiries WHERE plot_id = ANY($1)', [gone.map((p) => p.id)])).map((r) => r.plot_id)) : new Set<string>();
        const boxes = asked.size ? feats.map((f) => bbox(f.geometry)) : [];
        const enquiries = await moveEnquiries(tx, new Map(gone.filter((p) => asked.has(p.id)).map((p) => [p.id, largestOverlap(p.geometry, feats, boxes)])));
        const auditId = await writeAudit(tx, {
          enquiries,
          user, entityType: 'zone', entityId: zoneId, zoneId, action: 'import',
          before: { plots: old.map((p) => ({ id: p.id, properties: p.props, geometry: p.geometry })) },
          after: { plots: feats.map((f) => f.id), sourceId: source.id, crs: a.crs.code },
          reason,
        });
        const ids = feats.map((f) => f.id);
        out.push({ zoneId, created: ids.filter((i) => !oldVersion.has(i)), updated: ids.filter((i) => oldVersion.has(i)), replaced: old.map((p) => p.id), auditId });
      }
      return out;
    }
    const summary: ChangeSummary = { zoneId: null, created: [], updated: [], replaced: [], auditId: null };
    for (const f of a.features) {
      if (a.layer === 'zones') {
        const p = f.properties as ZoneProperties;
        const [row] = await tx.query<{ props: ZoneProperties; geometry: unknown }>('SELECT props, geometry FROM zones WHERE id = $1 FOR UPDATE', [p.id]);
        if (row) {
          const c = zoneCommune(f.geometry as Polygon | MultiPolygon, p.addressOld, communes.get(p.id));
          await tx.query(
            'UPDATE zones SET kind = $2, status = $3, props = $4, geometry = $5, commune_code = $6, commune_name = $7, commune_basis = $8, version = version + 1, updated_at = now() WHERE id = $1',
            [p.id, p.kind, p.status, { ...p, ...c }, f.geometry, c.communeCode, c.communeName, c.communeBasis],
          );
          summary.updated.push(p.id);
          const diff = changedFields({ ...row.props, geometry: row.geometry }, { ...p, geometry: f.geometry });
          summary.auditId = await writeAudit(tx, { user, entityType: 'zone', entityId: p.id, zoneId: p.id, action: 'import', ...diff, reason });
        } else {
          await insertZone(tx, p, f.geometry as Polygon | MultiPolygon, communes.get(p.id));
          summary.created.push(p.id);
          summary.auditId = await writeAudit(tx, { user, entityType: 'zone', entityId: p.id, zoneId: p.id, action: 'import', before: null, after: { properties: p, geometry: f.geometry }, reason });
        }
      } else {
        const p = f.properties as ContextProperties;
        const [row] = await tx.query<{ props: ContextProperties; geometry: unknown }>('SELECT props, geometry FROM context WHERE id = $1 FOR UPDATE', [p.id]);
        await tx.query(
          `INSERT INTO context (id, kind, props, geometry) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, props = EXCLUDED.props, geometry = EXCLUDED.geometry`,
          [p.id, p.kind, p, f.geometry],
        );
        (row ? summary.updated : summary.created).push(p.id);
        summary.auditId = await writeAudit(tx, {
          user, entityType: 'context', entityId: p.id, zoneId: null, action: 'import',
          before: row ? { properties: row.props, geometry: row.geometry } : null, after: { properties: p, geometry: f.geometry }, reason,
        });
      }
    }
    out.push(summary);
    return out;
  });
}
