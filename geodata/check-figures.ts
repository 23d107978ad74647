/**
 * Figure checks: the plots must add up to what the zone's sources say (occupancy claim, land
 * area), the drawn outline must match the stated area, and the status must follow its history.
 */
import type { Polygon } from 'geojson';
import { areaHa, summarizeLand } from './metrics.ts';
import type { Dataset, PlotFeature } from './schema.ts';
import type { CheckIssue } from './check-issue.ts';
import { GEODATA_FILES } from './load.ts';

/** Percentage points; the summary itself is rounded to 0.1. */
const OCCUPANCY_TOLERANCE_PP = 0.5;
/** Sketched outlines are sized to the stated area; 5 % leaves room for hand edits. */
const AREA_TOLERANCE = 0.05;

export function checkFigures(ds: Dataset): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const add = (featureId: string, problem: string, file: string = GEODATA_FILES.zones) => issues.push({ file, featureId, problem });

  const plotsByZone = new Map<string, PlotFeature[]>();
  for (const p of ds.plots) plotsByZone.set(p.properties.zoneId, [...(plotsByZone.get(p.properties.zoneId) ?? []), p]);

  for (const zone of ds.zones) {
    const z = zone.properties;
    const plots = plotsByZone.get(z.id) ?? [];

    if (z.hasLayout && !plots.length) add(z.id, 'hasLayout is true but no plots belong to the zone');
    if (!z.hasLayout) for (const p of plots) add(p.properties.id, `plot of zone ${z.id}, which has hasLayout false`, GEODATA_FILES.plots);

    const drawnHa = areaHa(zone.geometry);
    const statedHa = z.totalAreaHa.value;
    if (statedHa !== null && Math.abs(drawnHa / statedHa - 1) > AREA_TOLERANCE) {
      add(z.id, `drawn area ${drawnHa.toFixed(2)} ha is not within ${AREA_TOLERANCE * 100} % of totalAreaHa ${statedHa} ha`);
    }

    if (plots.length) {
      const land = summarizeLand(plots.map((p) => ({ ...p.properties, areaHa: areaHa(p.geometry as Polygon) })));
      const claim = z.occupancyClaim;
      if (claim) {
        const computed = claim.basis === 'industrial_land' ? land.occupancyPct : land.developedOccupancyPct;
        if (computed === null) {
          add(z.id, `occupancyClaim ${claim.valuePct} % (${claim.basis}) but the plots have no leasable land on that basis`);
        } else if (Math.abs(computed - claim.valuePct) > OCCUPANCY_TOLERANCE_PP) {
          add(
            z.id,
            `occupancyClaim ${claim.valuePct} % (${claim.basis}) disagrees with the plots: ${computed} % (${land.leasedHa} ha leased of ${land.leasableHa} ha leasable, ${land.notDevelopedHa} ha not developed)`,
          );
        }
      }
      const statedLand = z.industrialLandHa.value;
      if (statedLand !== null && Math.abs(land.leasableHa / statedLand - 1) > AREA_TOLERANCE) {
        add(z.id, `plots hold ${land.leasableHa} ha of industrial + service land, not within 5 % of industrialLandHa ${statedLand} ha`);
      }
    }

    const history = z.statusHistory;
    history.forEach((e, i) => {
      const prev = history[i - 1];
      if (prev && e.date < prev.date) add(z.id, `statusHistory is not in date order at ${e.date}`);
    });
    const latest = history[history.length - 1];
    if (latest && latest.status !== z.status) add(z.id, `status "${z.status}" differs from the latest statusHistory event "${latest.status}"`);
  }
  return issues;
}
