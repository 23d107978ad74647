/**
 * A plots file's columns → PlotProperties: its zone and id, land use (from the column or the code),
 * status, lease dates, price, accuracy, source; then the rules a plot must obey (which land uses
 * may be leased or available).
 */
import { landUseAllows } from '../../geodata/rules/plot-rules.ts';
import type { PlotProperties } from '../../geodata/schema.ts';
import type { ImportContext, ImportOptions } from './analysis-types.ts';
import { accuracy as accuracyOf, landUse as landUseOf, landUseFromCode, plotStatus, slug, toDate, toText } from './attributes.ts';
import type { Push } from './issues.ts';
import { figureFrom, sourceFrom } from './map-common.ts';
import { sectorOf } from '../../geodata/vocabulary.ts';

export function plotProps(values: Record<string, unknown>, opts: ImportOptions, ctx: ImportContext, push: Push): PlotProperties | null {
  const zoneId = toText(values.zoneId) ?? opts.zone ?? null;
  if (!zoneId) {
    push('error', 'missing', { code: 'importNoZone' });
    return null;
  }
  if (opts.zone && zoneId !== opts.zone) {
    push('error', 'zone_mismatch', { code: 'importZoneMismatch', params: { zone: zoneId, expected: opts.zone } });
    return null;
  }
  if (!ctx.zones.has(zoneId)) {
    push('error', 'unknown_zone', { code: 'importUnknownZone', params: { zone: zoneId } });
    return null;
  }
  const code = toText(values.code);
  let id = toText(values.id);
  if (!id && code) id = `${zoneId}-${slug(code)}`;
  if (!id) {
    push('error', 'missing', { code: 'importNoPlotId' });
    return null;
  }
  if (!/^[a-z0-9-]+$/.test(id)) {
    const s = slug(id);
    push('warning', 'attribute_type', { code: 'importIdSlug', params: { id, stored: s } }, true);
    id = s;
  }
  let lu = values.landUse !== undefined && values.landUse !== null && values.landUse !== '' ? landUseOf(values.landUse) : null;
  if (!lu) {
    const fromCode = code ? landUseFromCode(code) : null;
    if (!fromCode) {
      push('error', 'missing', { code: 'importNoLandUse' });
      return null;
    }
    lu = { value: fromCode };
  }
  if ('error' in lu) {
    push('error', 'unknown_value', lu.error);
    return null;
  }
  const st = plotStatus(values.status);
  if ('error' in st) {
    push('error', 'unknown_value', st.error);
    return null;
  }
  const dates = (['leaseStart', 'leaseEnd'] as const).map((k) => {
    const d = toDate(values[k], k);
    if ('error' in d) push('error', 'attribute_type', d.error);
    else if (d.warning) push('warning', 'attribute_type', d.warning, true);
    return 'error' in d ? null : d.value;
  });
  const acc = values.accuracy ? accuracyOf(values.accuracy) : { value: 'approximate' as const };
  if ('error' in acc) push('error', 'unknown_value', acc.error);
  const price = figureFrom(values.priceVndM2Year, 'price_m2y', ctx, push);
  const props: PlotProperties = {
    id,
    zoneId,
    code: code ?? id.replace(`${zoneId}-`, '').toUpperCase(),
    landUse: lu.value,
    status: st.value,
    tenant: toText(values.tenant),
    sector: toText(values.sector) === null ? null : sectorOf(toText(values.sector)!),
    leaseStart: dates[0] ?? null,
    leaseEnd: dates[1] ?? null,
    priceVndM2Year: price,
    accuracy: 'error' in acc ? 'approximate' : acc.value,
    sourceId: sourceFrom(values.sourceId, ctx, push),
    ...(toText(values.note) ? { note: toText(values.note)! } : {}),
  };
  if (!landUseAllows(props.landUse, props.status)) {
    push('error', 'rule', { code: 'importLandUseStatus', params: { landUse: props.landUse, status: props.status } });
  }
  if (props.status === 'leased' && !props.tenant) push('warning', 'rule', { code: 'importLeasedNoTenant' });
  return props;
}
