import type { KindStats, Stats } from '../../geodata/api.ts';
import { regionOfCommune } from '../../geodata/admin/zone-region.ts';
import { REGIONS } from '../../geodata/regions.ts';
import { aggregateOccupancy, summarizeLand } from '../../geodata/metrics.ts';
import type { ZoneProperties } from '../../geodata/schema.ts';
import { ZONE_KINDS, ZONE_STATUSES, type ZoneKind, type ZoneStatus } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { occupancyContext, plotAreas, zoneMetrics, type AreaRow } from './zones-repo.ts';

export const OCCUPANCY_DEFINITION =
  'Leased industrial and service land ÷ total industrial and service land (Decree 35/2022/NĐ-CP). A zone shows the figure its latest source states, with its basis and date, unless its plots are sourced plot by plot or a planner changed them since; a group of zones has a figure only when every zone that could hold tenants has one.';

/** Province totals. KCN and CCN are reported apart because the resolution targets them apart. */
export async function provinceStats(db: Queryable): Promise<Stats> {
  const [zones, areas, ctx, [stamp]] = await Promise.all([
    db.query<{ id: string; kind: ZoneKind; status: ZoneStatus; props: ZoneProperties; commune_code: string | null }>('SELECT id, kind, status, props, commune_code FROM zones ORDER BY id'),
    plotAreas(db),
    occupancyContext(db),
    db.query<{ t: string }>(
      `SELECT to_char(greatest((SELECT max(updated_at) FROM zones), (SELECT max(updated_at) FROM plots)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS t`,
    ),
  ]);
  const kindStats = (subset: typeof zones): KindStats => {
    const rows: AreaRow[] = subset.flatMap((z) => areas.get(z.id) ?? []);
    return {
      occupancy: aggregateOccupancy(
        subset.map((z) => {
          const m = zoneMetrics(z.id, z.props, areas.get(z.id), ctx);
          return { id: z.id, name: z.props.name, totalAreaHa: z.props.totalAreaHa.value, occupancy: m.occupancy, confidence: m.confidence.occupancy.code };
        }),
      ),
      layoutLand: summarizeLand(rows),
      zoneCount: subset.length,
      zonesWithLayout: subset.filter((z) => areas.has(z.id)).length,
    };
  };
  const kindsOf = (subset: typeof zones) => Object.fromEntries(ZONE_KINDS.map((k) => [k, kindStats(subset.filter((z) => z.kind === k))])) as Record<ZoneKind, KindStats>;
  const byKind = kindsOf(zones);
  // Each region's totals, KCN and CCN apart, by the same rule as the whole province's.
  const byRegion = Object.fromEntries(
    REGIONS.map((r) => {
      const subset = zones.filter((z) => regionOfCommune(z.commune_code) === r);
      return [r, { byKind: kindsOf(subset), all: kindStats(subset) }];
    }),
  ) as Stats['byRegion'];
  const zonesByStatus = Object.fromEntries(
    ZONE_STATUSES.map((s) => [s, zones.filter((z) => z.status === s).length]),
  ) as Record<ZoneStatus, number>;
  return { updatedAt: stamp?.t ?? '', byKind, all: kindStats(zones), byRegion, zonesByStatus, definition: OCCUPANCY_DEFINITION };
}
