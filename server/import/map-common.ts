/** Attribute mapping shared by the layers: a figure with its source and date, a cited source. */
import type { ZoneProperties } from '../../geodata/schema.ts';
import type { ImportContext } from './analysis-types.ts';
import { toNumber, toText } from './attributes.ts';
import type { Push } from './issues.ts';

export function figureFrom(raw: unknown, field: string, ctx: ImportContext, push: Push) {
  if (raw && typeof raw === 'object') return raw as ZoneProperties['totalAreaHa'];
  const n = toNumber(raw, field);
  if ('error' in n) {
    push('error', 'attribute_type', n.error);
    return { value: null, sourceId: null, asOf: null };
  }
  return n.value === null ? { value: null, sourceId: null, asOf: null } : { value: n.value, sourceId: ctx.importSourceId, asOf: ctx.today };
}

export function sourceFrom(raw: unknown, ctx: ImportContext, push: Push): string {
  const s = toText(raw);
  if (!s) return ctx.importSourceId;
  if (ctx.sourceIds.has(s)) return s;
  push('warning', 'unknown_source', { code: 'importUnknownSource', params: { source: s, used: ctx.importSourceId } }, true);
  return ctx.importSourceId;
}
