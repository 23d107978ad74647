/** Small constructors that keep the data tables readable and every figure's provenance explicit. */
import type { Figure, Infrastructure } from '../schema.ts';
import { INFRA_ITEMS, type InfraItem } from '../vocabulary.ts';

export const fig = (value: number, sourceId: string, asOf: string, note?: string): Figure =>
  note === undefined ? { value, sourceId, asOf } : { value, sourceId, asOf, note };

/** An unknown figure: shown as "no data", with the reason. */
export const noFig = (note: string): Figure => ({ value: null, sourceId: null, asOf: null, note });

export type InfraEntry = { pct: number | null; sourceId: string; asOf: string; note?: string };

/** All seven items in vocabulary order; items not given are unknown (null) with `unknownNote`. */
export function infraItems(known: Partial<Record<InfraItem, InfraEntry>>, unknownNote: string): Infrastructure[] {
  return INFRA_ITEMS.map((item) => {
    const k = known[item];
    if (!k) return { item, progressPct: null, sourceId: null, asOf: null, note: unknownNote };
    const entry: Infrastructure = { item, progressPct: k.pct, sourceId: k.sourceId, asOf: k.asOf };
    if (k.note !== undefined) entry.note = k.note;
    return entry;
  });
}
