/** Small constructors that keep the data tables readable and every figure's provenance explicit. */
import type { Figure, Infrastructure } from '../schema.ts';
import { INFRA_ITEMS, type FigureGap, type InfraItem, type InfraState, type Label } from '../vocabulary.ts';

export const fig = (value: number, sourceId: string, asOf: string, note?: string): Figure =>
  note === undefined ? { value, sourceId, asOf } : { value, sourceId, asOf, note };

/** An unknown figure: shown as "no data" with the translated reason (`gap`); the note is for maintainers. */
export const noFig = (gap: FigureGap, note: string): Figure => ({ value: null, sourceId: null, asOf: null, gap, note });

/** A sourced item: a percentage only where the source gives one, else the source's state or words. */
export type InfraEntry = { pct: number | null; state?: InfraState; statedAs?: Label; sourceId: string; asOf: string; note?: string };

/** All seven items in vocabulary order; items not given are unknown (null) because of `unknownGap`, with `unknownNote` for maintainers. */
export function infraItems(known: Partial<Record<InfraItem, InfraEntry>>, unknownGap: FigureGap, unknownNote: string): Infrastructure[] {
  return INFRA_ITEMS.map((item) => {
    const k = known[item];
    if (!k) return { item, progressPct: null, sourceId: null, asOf: null, gap: unknownGap, note: unknownNote };
    const entry: Infrastructure = { item, progressPct: k.pct, sourceId: k.sourceId, asOf: k.asOf };
    if (k.state !== undefined) entry.state = k.state;
    if (k.statedAs !== undefined) entry.statedAs = k.statedAs;
    if (k.note !== undefined) entry.note = k.note;
    return entry;
  });
}
