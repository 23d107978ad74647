/**
 * Overlaps between the features of one file: between plots they double-count land (an error),
 * between zones they are worth a look (a warning). Only pairs whose boxes meet are compared
 * (geodata's grid), convex pairs with a separating axis share nothing, and at most
 * IMPORT_LIMITS.overlapClips pairs are clipped.
 */
import { bbox } from '@turf/bbox';
import type { Geometry } from 'geojson';
import { isArea, overlapM2, TOLERANCE_M2, type Area } from '../../geodata/check-geometry.ts';
import { candidatePairs, convexRing, separatedConvex, type Ring } from '../../geodata/geometry-index.ts';
import type { NormalisedFeature } from './analysis-types.ts';
import { issueText, type IssueList } from './issues.ts';
import { IMPORT_LIMITS } from './limits.ts';

export function findOverlaps(features: (NormalisedFeature & { index: number })[], layer: 'plots' | 'zones', issues: IssueList, rejected: Set<number>) {
  const level = layer === 'plots' ? 'error' : 'warning';
  const areas = features.filter((f) => isArea(f.geometry as Geometry)) as (NormalisedFeature & { index: number; geometry: Area })[];
  const convex = areas.map((f): Ring | null => (f.geometry.type === 'Polygon' && f.geometry.coordinates.length === 1 ? convexRing(f.geometry.coordinates[0]!) : null));
  const found: { i: number; j: number; shared: number }[] = [];
  let clips = 0;
  const stop = new Error('overlap budget');
  try {
    candidatePairs(areas.map((f) => bbox(f.geometry)), (i, j) => {
      if (convex[i] && convex[j] && separatedConvex(convex[i]!, convex[j]!)) return;
      if (++clips > IMPORT_LIMITS.overlapClips) throw stop;
      const shared = overlapM2(areas[i]!.geometry, areas[j]!.geometry);
      if (shared > TOLERANCE_M2) found.push({ i, j, shared });
    });
  } catch (err) {
    if (err !== stop) throw err;
    issues.push({
      level, index: null, id: null, code: 'overlap',
      ...issueText({ code: layer === 'plots' ? 'importOverlapStoppedPlots' : 'importOverlapStoppedZones', params: { n: IMPORT_LIMITS.overlapClips, found: found.length } }),
    });
  }
  found.sort((p, q) => p.j - q.j || p.i - q.i);
  for (const { i, j, shared } of found) {
    const b = areas[j]!;
    issues.push({ level, index: b.index, id: b.id, code: 'overlap', ...issueText({ code: layer === 'plots' ? 'importOverlapPlot' : 'importOverlapZone', params: { id: areas[i]!.id, m2: Math.round(shared) } }) });
    if (level === 'error') rejected.add(b.index);
  }
}
