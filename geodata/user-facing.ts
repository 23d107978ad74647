/**
 * What of a dataset users may see. The `note` fields of the bundled data are the researchers'
 * notes, in English, citing source keys: kept in the data files for maintainers, never shown.
 * Everything a user needs from them is a structured field the interface explains through a
 * caveat code (geodata/caveats.ts). The database is seeded through `forUsers`, so the API, the
 * vector tiles, the OGC API and the exports, which all read the database, cannot carry a research
 * note; sources are also read through `sourceForUsers`. Notes a planner types later (a zone's
 * note, an edited figure's source note) are theirs and are kept.
 */
import type { Dataset, Figure, Infrastructure, PlotFeature, Source, ZoneFeature } from './schema.ts';

function withoutNote<T extends { note?: unknown }>(x: T): Omit<T, 'note'> {
  const { note: _researchNote, ...rest } = x;
  return rest;
}

const figure = (f: Figure): Figure => withoutNote(f);
const infrastructure = (i: Infrastructure): Infrastructure => withoutNote(i);

function zone(z: ZoneFeature): ZoneFeature {
  const p = withoutNote(z.properties);
  return {
    ...z,
    properties: {
      ...p,
      statusHistory: p.statusHistory.map(withoutNote),
      totalAreaHa: figure(p.totalAreaHa),
      industrialLandHa: figure(p.industrialLandHa),
      ...(p.tenantCount ? { tenantCount: figure(p.tenantCount) } : {}),
      infrastructure: p.infrastructure.map(infrastructure),
      occupancyClaim: p.occupancyClaim && withoutNote(p.occupancyClaim),
    },
  };
}

const plot = (pl: PlotFeature): PlotFeature => ({
  ...pl,
  properties: { ...withoutNote(pl.properties), priceVndM2Year: figure(pl.properties.priceVndM2Year) },
});
/**
 * A source as users get it (API, exports, OGC API): without the maintainers' `note` nor the
 * research's reason for a missing date (`undated`, English prose citing source keys). Applied
 * where sources are read, so rows written before this rule, and the notes the atlas keeps with
 * its own sources (an imported file's hash), stay in the database for maintainers.
 */
export function sourceForUsers(s: Source): Source {
  const { note: _note, undated: _undated, ...rest } = s;
  return rest;
}

/** The dataset without its research notes: what the database is seeded with. */
export function forUsers(ds: Dataset): Dataset {
  return {
    zones: ds.zones.map(zone),
    plots: ds.plots.map(plot),
    context: ds.context,
    sources: ds.sources.map(sourceForUsers),
    yearly: { zones: ds.yearly.zones.map(withoutNote), province: ds.yearly.province.map(withoutNote) },
  };
}
