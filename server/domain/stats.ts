import type { KindStats, Stats } from '../../geodata/api.ts';
import { summarizeLand } from '../../geodata/metrics.ts';
import { ZONE_KINDS, ZONE_STATUSES, type ZoneKind, type ZoneStatus } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { plotAreas, type AreaRow } from './zones-repo.ts';

export const OCCUPANCY_DEFINITION =
  'Leased industrial and service land ÷ total industrial and service land (Decree 35/2022/NĐ-CP), from plot areas.';

/** Province totals. KCN and CCN are reported apart because the resolution targets them apart. */
export async function provinceStats(db: Queryable): Promise<Stats> {
  const [zones, areas, [stamp]] = await Promise.all([
    db.query<{ id: string; kind: ZoneKind; status: ZoneStatus }>('SELECT id, kind, status FROM zones'),
    plotAreas(db),
    db.query<{ t: string }>(
      `SELECT to_char(greatest((SELECT max(updated_at) FROM zones), (SELECT max(updated_at) FROM plots)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS t`,
    ),
  ]);
  const kindStats = (subset: typeof zones): KindStats => {
    const rows: AreaRow[] = subset.flatMap((z) => areas.get(z.id) ?? []);
    return {
      ...summarizeLand(rows),
      zoneCount: subset.length,
      zonesWithLayout: subset.filter((z) => areas.has(z.id)).length,
    };
  };
  const byKind = Object.fromEntries(ZONE_KINDS.map((k) => [k, kindStats(zones.filter((z) => z.kind === k))])) as Record<ZoneKind, KindStats>;
  const zonesByStatus = Object.fromEntries(
    ZONE_STATUSES.map((s) => [s, zones.filter((z) => z.status === s).length]),
  ) as Record<ZoneStatus, number>;
  return { updatedAt: stamp?.t ?? '', byKind, all: kindStats(zones), zonesByStatus, definition: OCCUPANCY_DEFINITION };
}
