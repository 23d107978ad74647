/**
 * Provenance checks: every figure is true to a dated source. A source has a date or says why
 * not; a number cites a source, an unknown is null with its reason; nothing is dated later than
 * the source that states it; "basically complete" stays a state; schematic plot layouts are
 * marked as such so they never produce a headline figure (zoneOccupancy in metrics.ts).
 */
import type { CheckIssue } from './check-issue.ts';
import { GEODATA_FILES } from './load.ts';
import type { Dataset, Figure, Source } from './schema.ts';

/** The last day a date can mean: "2024" → "2024-12-31", "2024-05" → "2024-05-31". */
export function endOfPeriod(date: string): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}
/** The first day a date can mean: "2024" → "2024-01-01". */
const startOfPeriod = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

/** True when `date` is surely later than anything the source, published on its date, can state. */
export const postdates = (date: string, source: Source) => source.date !== null && startOfPeriod(date) > endOfPeriod(source.date);

export function checkProvenance(ds: Dataset): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const add = (file: string, featureId: string | null, problem: string) => issues.push({ file, featureId, problem });
  const sources = new Map(ds.sources.map((s) => [s.id, s]));

  for (const s of ds.sources) {
    if (s.date === null && !s.undated) add(GEODATA_FILES.sources, s.id, 'no date and no "undated" reason');
  }

  /** A dated value must not be later than its source; unknown sources are reported by the reference check. */
  const notAfterSource = (file: string, id: string, what: string, date: string | null, sourceId: string | null) => {
    const source = sourceId ? sources.get(sourceId) : undefined;
    if (date && source && postdates(date, source)) add(file, id, `${what} is dated ${date}, after its source "${source.id}" (${source.date})`);
  };
  const figure = (file: string, id: string, what: string, f: Figure) => {
    if (f.value === null) {
      if (!f.note) add(file, id, `${what} is null without a reason (note)`);
      return;
    }
    notAfterSource(file, id, what, f.asOf, f.sourceId);
  };

  for (const zone of ds.zones) {
    const z = zone.properties;
    const file = GEODATA_FILES.zones;
    figure(file, z.id, 'totalAreaHa', z.totalAreaHa);
    figure(file, z.id, 'industrialLandHa', z.industrialLandHa);
    if (z.tenantCount) figure(file, z.id, 'tenantCount', z.tenantCount);
    if (z.occupancyClaim) notAfterSource(file, z.id, 'occupancyClaim', z.occupancyClaim.asOf, z.occupancyClaim.sourceId);
    for (const e of z.statusHistory) notAfterSource(file, z.id, `status event "${e.status}"`, e.date, e.sourceId);
    for (const it of z.infrastructure) {
      const what = `infrastructure ${it.item}`;
      if (it.progressPct !== null && (it.sourceId === null || it.asOf === null)) add(file, z.id, `${what} has a percentage without a source and date`);
      if (it.progressPct === null && !it.note && !it.state) add(file, z.id, `${what} is null without a reason (note or state)`);
      if (it.state === 'basically_complete' && it.progressPct !== null) add(file, z.id, `${what} is "basically complete" yet carries ${it.progressPct} %: a state is not a percentage`);
      notAfterSource(file, z.id, what, it.asOf, it.sourceId);
    }
  }

  for (const p of ds.plots) {
    const pr = p.properties;
    figure(GEODATA_FILES.plots, pr.id, 'priceVndM2Year', pr.priceVndM2Year);
    const source = sources.get(pr.sourceId);
    if (source && pr.accuracy === 'approximate' && !source.schematic) {
      add(GEODATA_FILES.plots, pr.id, `approximate plot cites "${source.id}", which is not marked schematic: its invented hectares would become the zone's headline occupancy`);
    }
  }

  for (const s of ds.yearly.zones) {
    const source = sources.get(s.sourceId);
    if (source && postdates(s.date, source)) add(GEODATA_FILES.yearly, s.zoneId, `snapshot ${s.date} postdates its source "${source.id}" (${source.date})`);
  }
  for (const row of ds.yearly.province) {
    const id = `${row.indicator}@${row.year}`;
    if (row.value === null) {
      if (!row.note) add(GEODATA_FILES.yearly, id, 'null without a reason (note)');
      continue;
    }
    if (row.sourceId === null) {
      add(GEODATA_FILES.yearly, id, `value ${row.value} without a source`);
      continue;
    }
    const source = sources.get(row.sourceId);
    if (source && !row.target && postdates(String(row.year), source)) add(GEODATA_FILES.yearly, id, `the ${row.year} figure postdates its source "${source.id}" (${source.date})`);
  }
  return issues;
}
