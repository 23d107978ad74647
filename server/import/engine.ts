/**
 * The import engine: a raw layer (any format, any CRS) → WGS 84 features in the geodata property
 * model, with a report of every error and warning (feature index and id). Pure: the database is
 * only read through the ImportContext handed in; commit.ts writes.
 *
 * This file is the pipeline; each step is a file of its own: crs-guess.ts (which CRS), rings.ts
 * (geometry repair), clean-text.ts (control characters, legacy encodings), map-plots.ts /
 * map-zones.ts / map-context.ts (attributes per layer, with the plot rules), overlaps.ts.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { checkCommuneContradiction } from '../../geodata/admin/commune-rules.ts';
import { positions, positionsOutside, zoneSpillM2 } from '../../geodata/check-geometry.ts';
import { toWgs84 } from '../../geodata/crs/index.ts';
import { reasonOfIssue } from '../../geodata/rules/zod-reasons.ts';
import { contextPropertiesSchema, plotPropertiesSchema, zonePropertiesSchema, type PlotProperties, type ZoneProperties } from '../../geodata/schema.ts';
import type { Analysis, ImportContext, ImportOptions, NormalisedFeature } from './analysis-types.ts';
import { asText, canonicalKeys } from './attributes.ts';
import { legacyFields, withoutControls } from './clean-text.ts';
import { decideCrs, inProvince, mapPositions } from './crs-guess.ts';
import { IssueList, issueText, type Push } from './issues.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { contextProps } from './map-context.ts';
import { plotProps } from './map-plots.ts';
import { zoneProps } from './map-zones.ts';
import { findOverlaps } from './overlaps.ts';
import { ImportFileError } from './file-error.ts';
import type { RawFeature, RawLayer } from './readers.ts';
import { normaliseGeometry } from './rings.ts';

export type { ImportIssue } from '../../geodata/exchange.ts';
export type { Analysis, ImportContext, ImportOptions, NormalisedFeature } from './analysis-types.ts';

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

const SCHEMAS = { plots: plotPropertiesSchema, zones: zonePropertiesSchema, context: contextPropertiesSchema } as const;

export function analyse(raw: RawLayer, opts: ImportOptions, ctx: ImportContext): Analysis {
  const issues = new IssueList();
  const notes = [...raw.notes];
  const kinkBudget = { left: IMPORT_LIMITS.segmentPairs };
  if (opts.layer === 'plots' && opts.zone && !ctx.zones.has(opts.zone)) throw new ImportFileError({ code: 'fileNoSuchZone', params: { id: opts.zone } }, 'unsupported');
  const decision = decideCrs(raw, opts, ctx, issues);
  const plotZone = new Map([...ctx.plotIds].flatMap(([zoneId, ids]) => ids.map((id) => [id, zoneId] as const)));
  const t = toWgs84(decision.crs);
  let zDropped = false;
  const project = (p: Position): Position => {
    if (p.length > 2) zDropped = true;
    const q = decision.swap ? [p[1]!, p[0]!] : [p[0]!, p[1]!];
    const [x, y] = t(q);
    return [round7(x!), round7(y!)];
  };
  const features: (NormalisedFeature & { index: number })[] = [];
  const rejected = new Set<number>();
  const featureIds = new Map<string, number>();

  for (const rf of raw.features as RawFeature[]) {
    const rawId = rf.properties.id ?? rf.properties.ID ?? rf.properties.Id ?? null;
    let id: string | null = rawId === null || rawId === undefined ? null : asText(rawId);
    const push: Push = (level, code, message, fixed, suggestion, field) => {
      issues.push({ level, index: rf.index, id, code, ...issueText(message, suggestion, field), ...(fixed ? { fixed } : {}) });
      if (level === 'error') rejected.add(rf.index);
    };
    const geometryError = rf.geometryError;
    if (geometryError) push('error', 'no_geometry', geometryError);
    if (!rf.geometry) {
      if (!geometryError) push('error', 'no_geometry', { code: 'importNoGeometry' });
      continue;
    }
    const bad = positions(rf.geometry).find((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
    if (bad) {
      push('error', 'no_geometry', { code: 'importBadCoordinate', params: { at: bad.join(', ') } });
      continue;
    }
    const projected = mapPositions(rf.geometry, project);
    const unplaced = positions(projected).findIndex((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
    if (unplaced >= 0) {
      push('error', 'no_geometry', { code: 'importUnplaceable', params: { at: positions(rf.geometry)[unplaced]!.join(', '), crs: decision.crs.code } });
      continue;
    }
    const geometry = normaliseGeometry(projected, opts.layer, push, raw.format === 'shp', kinkBudget);
    // Attributes: legacy encodings first, then the property model.
    const clean = withoutControls(rf.properties);
    if (clean.dropped) push('warning', 'attribute_type', { code: 'importControlChars' }, true);
    const props = legacyFields(clean.value as Record<string, unknown>, push);
    const { values, unknown } = canonicalKeys(props);
    if (unknown.length && rf.index === 0) notes.push({ code: 'importNoteColumnsUnused', params: { columns: unknown.join(', ') } });
    const mapped =
      opts.layer === 'plots' ? plotProps(values, opts, ctx, push)
      : opts.layer === 'zones' ? zoneProps(values, props, ctx, push)
      : contextProps(values, ctx, push);
    if (mapped) id = mapped.id;
    if (!geometry || !mapped) {
      if (!geometry && !rejected.has(rf.index)) rejected.add(rf.index);
      continue;
    }
    const schema = SCHEMAS[opts.layer].safeParse(mapped);
    if (!schema.success) {
      for (const i of schema.error.issues) push('error', 'schema', reasonOfIssue(i), false, undefined, i.path.join('.') || 'properties');
      continue;
    }
    if (featureIds.has(mapped.id)) {
      push('error', 'duplicate_id', { code: 'importDuplicateId', params: { id: mapped.id, n: featureIds.get(mapped.id)! } });
      continue;
    }
    // A plots import replaces the plots of the zones it names; an id held by another zone's plot would collide with it.
    const holder = opts.layer === 'plots' ? plotZone.get(mapped.id) : undefined;
    if (holder !== undefined && holder !== (mapped as PlotProperties).zoneId) {
      push('error', 'duplicate_id', { code: 'importIdOfOtherZone', params: { id: mapped.id, zone: holder } });
      continue;
    }
    featureIds.set(mapped.id, rf.index);
    // Where it lies: the province, and for plots their zone.
    if (ctx.province) {
      const out = positionsOutside(geometry, ctx.province.geometry);
      if (out) {
        const swapped = mapPositions(geometry, (p) => [p[1]!, p[0]!]);
        const isLatLon = decision.crs.kind === 'geographic' && positions(swapped).every((p) => Math.abs(p[1]!) <= 90 && inProvince(p, ctx.province!.geometry));
        const params = { n: out.n, at: out.first.join(', '), province: ctx.province.name };
        push(opts.layer === 'context' ? 'warning' : 'error', 'outside_province', { code: isLatLon ? 'importOutsideProvinceSwapped' : 'importOutsideProvince', params });
        if (opts.layer !== 'context') continue;
      }
    }
    // A zone drawn outside every commune formed from its sourced old commune (geodata's rule):
    // an error for surveyed geometry, a warning for approximate, naming both communes.
    if (opts.layer === 'zones') {
      const contradiction = checkCommuneContradiction({ geometry: geometry as Polygon | MultiPolygon, properties: mapped as ZoneProperties });
      if (contradiction) push(contradiction.severity, 'rule', contradiction.reason);
    }
    if (opts.layer === 'plots') {
      const zone = ctx.zones.get((mapped as PlotProperties).zoneId);
      if (zone) {
        const m2 = zoneSpillM2(geometry as Polygon, zone.geometry);
        if (m2 !== null) {
          push('error', 'outside_zone', { code: 'importOutsideZone', params: { zone: zone.props.id, m2 } });
          continue;
        }
      }
    }
    if (rejected.has(rf.index)) continue;
    features.push({ type: 'Feature', id: mapped.id, geometry, properties: mapped, index: rf.index } as NormalisedFeature & { index: number });
  }

  if (zDropped) issues.push({ level: 'warning', index: null, id: null, code: 'z_dropped', ...issueText({ code: 'importZDropped' }), fixed: true });
  if (opts.layer !== 'context') findOverlaps(features, opts.layer, issues, rejected);
  if (issues.omitted > 0) notes.push({ code: 'importNoteMoreIssues', params: { n: issues.omitted, listed: IMPORT_LIMITS.issuesListed } });

  const kept = features.filter((f) => !rejected.has(f.index)).map(({ index: _i, ...f }) => f as NormalisedFeature);
  return {
    layer: opts.layer,
    crs: { code: decision.crs.code, name: decision.crs.name, source: decision.source, detail: decision.detail },
    features: kept,
    issues: issues.items,
    counts: issues.counts,
    notes,
    rejected: [...rejected].sort((a, b) => a - b),
  };
}

