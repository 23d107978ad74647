/** Identity and reference checks: unique ids per file, every source and zone reference resolves. */
import type { Dataset } from './schema.ts';
import type { CheckIssue } from './check-issue.ts';
import { GEODATA_FILES } from './load.ts';

function duplicates(file: string, ids: string[], what = 'id'): CheckIssue[] {
  const seen = new Set<string>();
  const issues: CheckIssue[] = [];
  for (const id of ids) {
    if (seen.has(id)) issues.push({ file, featureId: id, problem: `duplicate ${what} "${id}"` });
    seen.add(id);
  }
  return issues;
}

/**
 * Every `sourceId` / `…SourceId` string anywhere in the value, with its path. Walking the data
 * rather than listing fields means a source reference added to the schema is checked too.
 */
function sourceRefs(value: unknown, path = ''): { path: string; id: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourceRefs(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = path ? `${path}.${key}` : key;
    if ((key === 'sourceId' || key.endsWith('SourceId')) && typeof v === 'string') return [{ path: here, id: v }];
    return sourceRefs(v, here);
  });
}

export function checkReferences(ds: Dataset): CheckIssue[] {
  const issues: CheckIssue[] = [
    ...duplicates(GEODATA_FILES.zones, ds.zones.map((f) => f.properties.id)),
    ...duplicates(GEODATA_FILES.plots, ds.plots.map((f) => f.properties.id)),
    ...duplicates(GEODATA_FILES.context, ds.context.map((f) => f.properties.id)),
    ...duplicates(GEODATA_FILES.sources, ds.sources.map((s) => s.id)),
    ...duplicates(GEODATA_FILES.yearly, ds.yearly.zones.map((s) => `${s.zoneId}@${s.date}`), 'zone snapshot'),
    ...duplicates(GEODATA_FILES.yearly, ds.yearly.province.map((p) => `${p.indicator}@${p.year}`), 'indicator year'),
  ];

  const sources = new Set(ds.sources.map((s) => s.id));
  const unresolved = (file: string, featureId: string, value: unknown) => {
    for (const ref of sourceRefs(value)) {
      if (!sources.has(ref.id)) issues.push({ file, featureId, problem: `unknown sourceId "${ref.id}" at ${ref.path}` });
    }
  };
  ds.zones.forEach((f) => {
    unresolved(GEODATA_FILES.zones, f.properties.id, f.properties);
  });
  ds.plots.forEach((f) => {
    unresolved(GEODATA_FILES.plots, f.properties.id, f.properties);
  });
  ds.context.forEach((f) => {
    unresolved(GEODATA_FILES.context, f.properties.id, f.properties);
  });
  ds.yearly.zones.forEach((s) => {
    unresolved(GEODATA_FILES.yearly, s.zoneId, s);
  });
  ds.yearly.province.forEach((p) => {
    unresolved(GEODATA_FILES.yearly, p.indicator, p);
  });

  const zones = new Set(ds.zones.map((f) => f.properties.id));
  for (const p of ds.plots) {
    if (!zones.has(p.properties.zoneId)) {
      issues.push({ file: GEODATA_FILES.plots, featureId: p.properties.id, problem: `unknown zoneId "${p.properties.zoneId}"` });
    }
  }
  for (const s of ds.yearly.zones) {
    if (!zones.has(s.zoneId)) issues.push({ file: GEODATA_FILES.yearly, featureId: s.zoneId, problem: `snapshot ${s.date} for unknown zone` });
  }
  return issues;
}
