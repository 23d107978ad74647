import type { ZoneApiFeature } from '../../geodata/api.ts';

/** Every source a zone's figures cite, in order of first use: the panel, brochure and PDF number them alike. */
export function zoneSourceIds(z: ZoneApiFeature): string[] {
  const p = z.properties;
  const ids = [
    p.geometrySourceId,
    p.totalAreaHa.sourceId,
    p.industrialLandHa.sourceId,
    p.occupancyClaim?.sourceId,
    p.developer?.sourceId,
    p.decision?.sourceId,
    ...p.statusHistory.map((s) => s.sourceId),
    ...p.infrastructure.map((i) => i.sourceId),
    ...p.tenants.map((t) => t.sourceId),
  ];
  return [...new Set(ids.filter((x): x is string => !!x))];
}
