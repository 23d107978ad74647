import type { FieldReason, Reason } from '../../geodata/rules/reasons.ts';

/** What an edit can come to; routes turn each outcome into its HTTP status. */
export type EditResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; current: unknown }
  | { ok: false; reason: 'invalid'; problems: FieldReason[] };

export const invalidFields = (problems: FieldReason[]) => ({ ok: false, reason: 'invalid', problems }) as const;
export const invalidField = (field: string, reason: Reason) => invalidFields([{ field, reason }]);

/** Today's date in the form the data uses for as-of dates. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Only the keys whose values differ, for a readable audit entry. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}
