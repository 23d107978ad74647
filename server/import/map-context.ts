/** A basemap (context) file's columns → ContextProperties: id, kind, names, road number, accuracy, source. */
import type { ContextProperties } from '../../geodata/schema.ts';
import type { ImportContext } from './analysis-types.ts';
import { contextAccuracy, contextKind, slug, toText } from './attributes.ts';
import type { Push } from './issues.ts';
import { sourceFrom } from './map-common.ts';

export function contextProps(values: Record<string, unknown>, ctx: ImportContext, push: Push): ContextProperties | null {
  const id0 = toText(values.id);
  if (!id0) {
    push('error', 'missing', { code: 'importNoId' });
    return null;
  }
  const k = contextKind(values.kind);
  if ('error' in k) {
    push('error', values.kind ? 'unknown_value' : 'missing', k.error);
    return null;
  }
  const nested = values.nameVi && typeof values.nameVi === 'object' ? (values.nameVi as { vi?: string; en?: string }) : null;
  const vi = nested?.vi ?? toText(values.nameVi);
  if (!vi) {
    push('error', 'missing', { code: 'importNoName' });
    return null;
  }
  const acc = values.accuracy ? contextAccuracy(values.accuracy) : { value: 'approximate' as const };
  if ('error' in acc) push('error', 'unknown_value', acc.error);
  return {
    id: /^[a-z0-9-]+$/.test(id0) ? id0 : slug(id0),
    kind: k.value,
    name: { vi, en: nested?.en ?? toText(values.nameEn) ?? vi },
    ref: toText(values.ref),
    accuracy: 'error' in acc ? 'approximate' : acc.value,
    sourceId: sourceFrom(values.sourceId, ctx, push),
  };
}
