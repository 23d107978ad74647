/** What a tour may hold: the schema's shape, and stops that name a zone that exists or the province. */
import { tourSchema, type Tour } from '../tour.ts';
import type { FieldReason } from './reasons.ts';
import { reasonOfIssue } from './zod-reasons.ts';

/** The stops whose target is neither "province" nor one of `zoneIds`. */
export function tourTargetProblems(tour: Tour, zoneIds: ReadonlySet<string>): FieldReason[] {
  return tour.stops.flatMap((s, i) => (s.target === 'province' || zoneIds.has(s.target) ? [] : [{ field: `stops.${i}.target`, reason: { code: 'tourTarget' } as const }]));
}

/** Every problem of a tour typed as JSON, named by dotted path as the API names them. */
export function tourProblems(value: unknown, zoneIds: ReadonlySet<string>): FieldReason[] {
  const parsed = tourSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', reason: reasonOfIssue(i) }));
  return tourTargetProblems(parsed.data, zoneIds);
}
