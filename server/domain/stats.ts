import type { KindStats, Stats } from '../../geodata/api.ts';
import { regionOfCommune } from '../../geodata/admin/zone-region.ts';
import { REGIONS } from '../../geodata/regions.ts';
import { aggregateOccupancy, summarizeLand } from '../../geodata/metrics.ts';
import { ZONE_KINDS, ZONE_STATUSES, type ZoneKind, type ZoneStatus } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { zoneInputs, zoneMetrics, type AreaRow, type ZoneInputs } from './zones-repo.ts';

export const OCCUPANCY_DEFINITION =
  'Leased industrial and service land ÷ total industrial and service land (Decree 35/2022/NĐ-CP). A zone shows the figure its latest source states, with its basis and date, unless its plots are sourced plot by plot or a planner changed them since; a group of zones has a figure only when every zone that could hold tenants has one.';

/** When the zones or plots last changed, for the totals' "as of". */
export async function lastChange(db: Queryable): Promise<string> {
  const [row] = await db.query<{ t: string }>(
    `SELECT to_char(greatest((SELECT max(updated_at) FROM zones), (SELECT max(updated_at) FROM plots)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS t`,
  );
  return row?.t ?? '';
}

/** Province totals. KCN and CCN are reported apart because the resolution targets them apart. */
export async function provinceStats(db: Queryable): Promise<Stats> {
  const [inputs, updatedAt] = await Promise.all([zoneInputs(db), lastChange(db)]);
  return statsOf(inputs, updatedAt);
}

/** The totals from the same inputs as the zones' own figures (the server computes both from one read). */
export function statsOf({ rows, areas, ctx }: ZoneInputs, updatedAt: string): Stats {
  const zones = rows.map((r) => ({ id: r.id, kind: r.props.kind, status: r.props.status, props: r.props, commune_code: r.commune_code }));
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
  return { updatedAt, byKind, all: kindStats(zones), byRegion, zonesByStatus, definition: OCCUPANCY_DEFINITION };
}
