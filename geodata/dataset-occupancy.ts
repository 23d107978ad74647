/**
 * The displayed occupancy of a dataset's zones and of its KCN and CCN, straight from the files
 * (no database, no edits): what a fresh atlas shows. Used by the tests that pin the headline
 * figures to their sources; the server applies the same zoneOccupancy/aggregateOccupancy to the
 * database's plots and audit log.
 */
import { occupancyConfidence, referenceDateOf, type ConfidenceCode } from './confidence.ts';
import { aggregateOccupancy, areaHa, summarizeLand, zoneOccupancy, type LayoutProvenance, type OccupancyAggregate, type ZoneOccupancy } from './metrics.ts';
import type { Dataset } from './schema.ts';
import type { ZoneKind } from './vocabulary.ts';

export function datasetOccupancy(ds: Dataset): { zones: Map<string, ZoneOccupancy>; byKind: Record<ZoneKind, OccupancyAggregate> } {
  const schematic = new Set(ds.sources.filter((s) => s.schematic).map((s) => s.id));
  const zones = new Map<string, ZoneOccupancy>();
  const classes = new Map<string, ConfidenceCode>();
  const referenceDate = referenceDateOf(ds.sources.map((s) => s.date));
  for (const z of ds.zones) {
    const plots = ds.plots.filter((p) => p.properties.zoneId === z.properties.id);
    const layout: LayoutProvenance = !plots.length ? 'none' : plots.some((p) => schematic.has(p.properties.sourceId)) ? 'schematic' : 'sourced';
    const land = summarizeLand(plots.map((p) => ({ ...p.properties, areaHa: areaHa(p.geometry) })));
    const occupancy = zoneOccupancy({ status: z.properties.status, layout, land, claim: z.properties.occupancyClaim, lastPlotEdit: null });
    zones.set(z.properties.id, occupancy);
    classes.set(z.properties.id, occupancyConfidence(occupancy, layout, referenceDate).code);
  }
  const of = (kind: ZoneKind) =>
    aggregateOccupancy(
      ds.zones
        .filter((z) => z.properties.kind === kind)
        .map((z) => ({ id: z.properties.id, name: z.properties.name, totalAreaHa: z.properties.totalAreaHa.value, occupancy: zones.get(z.properties.id)!, confidence: classes.get(z.properties.id)! })),
    );
  return { zones, byKind: { KCN: of('KCN'), CCN: of('CCN') } };
}
