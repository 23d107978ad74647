/**
 * Addresses from geometry in geodata:check: no zone contradicts its sourced old commune
 * (geodata/admin/commune-rules.ts), and a stored commune is the one the geometry lies in most,
 * with the basis the merger table gives it.
 */
import { checkCommuneContradiction, communeBasisOf } from './admin/commune-rules.ts';
import { deriveCommune } from './admin/derive-commune.ts';
import { regionOfCommune } from './admin/zone-region.ts';
import { REGION_LABELS, regionOfFormerProvince } from './regions.ts';
import type { CheckIssue } from './check-issue.ts';
import { GEODATA_FILES } from './load.ts';
import { english } from './rules/reasons.ts';
import type { Dataset, PlotFeature, ZoneFeature } from './schema.ts';

type Stored = { communeCode?: string | null; communeName?: string | null };

/** A stored commune that is not where the geometry lies; null when it is (or none is stored). */
function storedCommuneProblem(f: ZoneFeature | PlotFeature, p: Stored): string | null {
  if (p.communeCode === undefined) return null;
  const derived = deriveCommune(f.geometry);
  if ((derived?.code ?? null) === p.communeCode && (derived?.name ?? null) === (p.communeName ?? null)) return null;
  return `communeCode ${p.communeCode} (${p.communeName}) is not the commune holding most of its geometry: ${derived ? `${derived.code} (${derived.name})` : 'none (outside every commune)'}`;
}

export function checkCommunes(ds: Dataset): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const zone of ds.zones) {
    const p = zone.properties;
    const at = (problem: string) => issues.push({ file: GEODATA_FILES.zones, featureId: p.id, problem });
    const contradiction = checkCommuneContradiction(zone);
    if (contradiction) at(`${contradiction.severity}: ${english(contradiction.reason.code, contradiction.reason.params)}`);
    const stored = storedCommuneProblem(zone, p);
    if (stored) at(stored);
    // The region is the derived commune's former province: a sourced old province must agree with it.
    const named = regionOfFormerProvince(p.addressOld?.province);
    const region = regionOfCommune(p.communeCode);
    if (named && region && !stored && named !== region) at(`lies in a commune of ${REGION_LABELS[region].en}, but its old address names the province ${p.addressOld?.province}`);
    if (p.communeBasis && p.communeCode && !stored) {
      const basis = communeBasisOf(p.communeCode, p.addressOld);
      if (p.communeBasis !== basis) at(`communeBasis is ${p.communeBasis}, but the merger table makes it ${basis} (old commune ${p.addressOld?.commune ?? 'not given'})`);
    }
  }
  for (const plot of ds.plots) {
    const stored = storedCommuneProblem(plot, plot.properties);
    if (stored) issues.push({ file: GEODATA_FILES.plots, featureId: plot.properties.id, problem: stored });
  }
  return issues;
}
