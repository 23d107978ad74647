import type { ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { zoneSourceIds } from '../../lib/zone-sources.ts';

/** The sources a zone panel cites, by id, numbered in order of first use. */
export type Cited = Map<string, { n: number; source: Source }>;

/** Collects every source the zone cites, numbered in order of first use. */
export function citedSources(zone: ZoneApiFeature, all: Source[]): Cited {
  const ids = zoneSourceIds(zone);
  const byId = new Map(all.map((s) => [s.id, s]));
  const cited: Cited = new Map();
  for (const id of ids) {
    const source = byId.get(id);
    if (source && !cited.has(id)) cited.set(id, { n: cited.size + 1, source });
  }
  return cited;
}
