/** targets.json and tour.json, when a dataset has them: schema, sources and zone ids resolve. */
import { readFile } from 'node:fs/promises';
import type { CheckIssue } from './check-issue.ts';
import { datasetFile } from './dataset-parts.ts';
import type { Dataset } from './schema.ts';
import { targetsFileSchema, tourSchema } from './targets.ts';

async function parseFile<T>(dir: string, file: string, parse: (raw: unknown) => T, issues: CheckIssue[]): Promise<T | null> {
  const path = datasetFile(dir, file);
  if (!path) return null;
  try {
    return parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (e) {
    issues.push({ file, featureId: null, problem: `schema: ${(e as Error).message.slice(0, 500)}` });
    return null;
  }
}

export async function checkTargetsAndTour(dir: string, ds: Dataset): Promise<CheckIssue[]> {
  const issues: CheckIssue[] = [];
  const sources = new Set(ds.sources.map((s) => s.id));
  const zones = new Set(ds.zones.map((z) => z.properties.id));
  const series = new Set(ds.yearly.province.map((p) => p.indicator));
  const targets = await parseFile(dir, 'targets.json', (r) => targetsFileSchema.parse(r), issues);
  if (targets) {
    const refs = [targets.resolution.sourceId, targets.review.sourceId];
    for (const t of targets.targets) {
      for (const s of [t.sourceId, t.statusSourceId, ...refs]) if (s && !sources.has(s)) issues.push({ file: 'targets.json', featureId: t.id, problem: `unknown sourceId "${s}"` });
      if (t.series && !series.has(t.series)) issues.push({ file: 'targets.json', featureId: t.id, problem: `unknown series "${t.series}"` });
      if (t.value !== null && !t.sourceId) issues.push({ file: 'targets.json', featureId: t.id, problem: 'a target value needs a sourceId' });
    }
    const met = targets.targets.filter((t) => t.status === 'met').length;
    if (met !== targets.review.met) issues.push({ file: 'targets.json', featureId: null, problem: `${met} targets marked met, the review says ${targets.review.met}` });
  }
  const tour = await parseFile(dir, 'tour.json', (r) => tourSchema.parse(r), issues);
  tour?.stops.forEach((s, i) => {
    if (s.target !== 'province' && !zones.has(s.target)) issues.push({ file: 'tour.json', featureId: `stop ${i}`, problem: `unknown zone "${s.target}"` });
  });
  return issues;
}
