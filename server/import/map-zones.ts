/**
 * A zones file's columns → ZoneProperties: a full property model is taken as it is; otherwise the
 * columns update the stored zone (or make a new one, which then needs kind, name and status: since
 * 1 July 2025 there are no districts, and the zone's commune is derived from its geometry).
 */
import { zonePropertiesSchema, type ZoneProperties } from '../../geodata/schema.ts';
import { INFRA_ITEMS } from '../../geodata/vocabulary.ts';
import type { ImportContext } from './analysis-types.ts';
import { accuracy as accuracyOf, slug, toText, zoneKind, zoneStatus } from './attributes.ts';
import type { Push } from './issues.ts';
import { figureFrom } from './map-common.ts';

/** The stored zone without its derived commune, which the commit derives again from the new geometry. */
function withoutCommune(p: ZoneProperties): ZoneProperties {
  const { communeCode: _c, communeName: _n, communeBasis: _b, ...rest } = p;
  return rest;
}

export function zoneProps(values: Record<string, unknown>, raw: Record<string, unknown>, ctx: ImportContext, push: Push): ZoneProperties | null {
  // A GeoJSON with the full property model (e.g. our own export) is taken as it is.
  // The commune since 2025 is derived from the geometry when the zone is written, never taken from a file.
  const { land: _l, occupancy: _o, progress: _p, confidence: _k, plotCount: _c, version: _v, communeCode: _cc, communeName: _cn, communeBasis: _cb, region: _r, figureSource: _f, ...nested } = raw;
  const full = zonePropertiesSchema.safeParse(nested);
  if (full.success) return full.data;
  const id0 = toText(values.id);
  if (!id0) {
    push('error', 'missing', { code: 'importNoId' });
    return null;
  }
  const id = /^[a-z0-9-]+$/.test(id0) ? id0 : slug(id0);
  const existing = ctx.zones.get(id);
  const next: ZoneProperties = existing
    ? withoutCommune(structuredClone(existing.props))
    : {
        id, kind: 'CCN', name: { vi: id, en: id }, status: 'planned', statusHistory: [], accuracy: 'approximate',
        geometrySourceId: ctx.importSourceId, totalAreaHa: { value: null, sourceId: null, asOf: null }, industrialLandHa: { value: null, sourceId: null, asOf: null },
        developer: null, tenants: [], sectors: [], addressOld: null, addressNew: { commune: null, province: 'Thái Nguyên' },
        infrastructure: INFRA_ITEMS.map((item) => ({ item, progressPct: null, sourceId: null, asOf: null })), occupancyClaim: null, hasLayout: false, decision: null,
      };
  if (values.kind !== undefined && values.kind !== null && values.kind !== '') {
    const k = zoneKind(values.kind);
    if ('error' in k) push('error', 'unknown_value', k.error);
    else next.kind = k.value;
  } else if (!existing) push('error', 'missing', { code: 'importNewZoneKind' });
  const nameVi = values.nameVi && typeof values.nameVi === 'object' ? (values.nameVi as { vi?: string }).vi : toText(values.nameVi);
  const nameEn = values.nameVi && typeof values.nameVi === 'object' ? (values.nameVi as { en?: string }).en : toText(values.nameEn);
  if (nameVi) next.name = { vi: nameVi, en: nameEn || (existing ? next.name.en : nameVi) };
  else if (!existing) push('error', 'missing', { code: 'importNewZoneName' });
  if (values.status !== undefined && values.status !== null && values.status !== '') {
    const s = zoneStatus(values.status);
    if ('error' in s) push('error', 'unknown_value', s.error);
    else if (s.value !== next.status || !existing) {
      next.status = s.value;
      next.statusHistory = [...next.statusHistory, { status: s.value, date: ctx.today, sourceId: ctx.importSourceId, note: 'imported' }];
    }
  } else if (!existing) push('error', 'missing', { code: 'importNewZoneStatus' });
  if (values.accuracy) {
    const a = accuracyOf(values.accuracy);
    if ('error' in a) push('error', 'unknown_value', a.error);
    else next.accuracy = a.value;
  }
  if (values.totalAreaHa !== undefined && values.totalAreaHa !== null && values.totalAreaHa !== '') {
    const f = figureFrom(values.totalAreaHa, 'total_ha', ctx, push);
    if (f.value !== next.totalAreaHa.value) next.totalAreaHa = f;
  }
  const district = toText(values.district);
  // A pre-2025 address only where the file gives one (districts ended on 1 July 2025).
  const old = () => next.addressOld ?? { commune: null, district: null, province: 'Bắc Kạn' };
  if (district) next.addressOld = { ...old(), district };
  if (toText(values.commune)) next.addressOld = { ...old(), commune: toText(values.commune) };
  if (toText(values.communeNew)) next.addressNew = { ...next.addressNew, commune: toText(values.communeNew) };
  if (toText(values.note)) next.note = toText(values.note)!;
  const geomSrc = toText(values.geometrySourceId);
  next.geometrySourceId = geomSrc && ctx.sourceIds.has(geomSrc) ? geomSrc : ctx.importSourceId;
  return next;
}
