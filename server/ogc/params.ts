/**
 * Query parameters of OGC API – Features Part 1, checked by hand so each problem names its
 * parameter: bbox, limit, offset, datetime, f, lang, the collection's property filters, and nothing
 * else. Each refusal is a code of the reason table (worded in the language asked for, like the
 * rest of the API).
 */
import type { InvalidParam } from '../../geodata/api.ts';
import type { Reason, ReasonCode, ReasonParams } from '../../geodata/rules/reasons.ts';
import { invalidParam } from '../http/problem.ts';
import type { BBox, CollectionMeta, FieldMeta } from './collections.ts';

export const LIMIT = { default: 100, max: 10_000 } as const;

export type Format = 'json' | 'html';
export type Issue = InvalidParam;

/** The refusal of parameter `name`, by code. */
export const issue = (name: string, code: ReasonCode, params?: ReasonParams): Issue => invalidParam({ field: name, reason: params ? { code, params } : { code } });
export type Filter = { field: FieldMeta; values: string[] };
export type ItemsQuery = { bbox: BBox | null; limit: number; offset: number; filters: Filter[]; format: Format | null };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** bbox=minLon,minLat,maxLon,maxLat (or with minZ/maxZ: six numbers), WGS 84 (CRS84). */
export function parseBbox(raw: string): BBox | Reason {
  const parts = raw.split(',').map((p) => p.trim());
  if ((parts.length !== 4 && parts.length !== 6) || parts.some((p) => !NUMBER.test(p))) return { code: 'bboxNumbers' };
  const n = parts.map(Number);
  const [w, s, e, nn] = n.length === 6 ? [n[0]!, n[1]!, n[3]!, n[4]!] : [n[0]!, n[1]!, n[2]!, n[3]!];
  if ([w, e].some((x) => x < -180 || x > 180) || [s, nn].some((y) => y < -90 || y > 90)) return { code: 'bboxRange' };
  if (s > nn) return { code: 'bboxLatOrder' };
  if (n.length === 6 && n[2]! > n[5]!) return { code: 'bboxZOrder' };
  // minLon > maxLon is allowed: a box across the antimeridian.
  return [w, s, e, nn];
}

const nonNegativeInt = (raw: string) => (/^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : null);

/** f=json|html; absent means "look at Accept". */
export function parseFormat(raw: string | undefined): Format | null | Issue {
  if (raw === undefined) return null;
  if (raw === 'json' || raw === 'html') return raw;
  return issue('f', 'ogcFormat');
}

/** lang=vi|en: the language of the refusals' words (read by server/http/lang.ts); anything else is refused. */
export const checkLang = (raw: string | undefined): Issue | null => (raw === undefined || raw === 'vi' || raw === 'en' ? null : issue('lang', 'langCode'));

/** datetime: an instant or an interval (RFC 3339, "..", or open ends). Accepted and checked; nothing here has a time dimension to filter on. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;
export function checkDatetime(raw: string): ReasonCode | null {
  const parts = raw.split('/');
  if (parts.length > 2) return 'datetimeParts';
  if (parts.length === 1) return INSTANT.test(parts[0]!) ? null : 'datetimeInstant';
  const ok = parts.every((p) => p === '' || p === '..' || INSTANT.test(p));
  return ok && !(parts.every((p) => p === '' || p === '..')) ? null : 'datetimeInterval';
}

const COMMON = ['f', 'bbox', 'limit', 'offset', 'datetime', 'lang'];

export function filterNames(c: CollectionMeta): string[] {
  return [...c.fields.filter((f) => f.filter).map((f) => f.name), ...Object.keys(c.aliases)];
}

/** Validates the query of /collections/{id}/items; every bad or unknown parameter is reported. */
export function parseItemsQuery(c: CollectionMeta, query: Record<string, string[]>): { ok: true; value: ItemsQuery } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const one = (name: string): string | undefined => {
    const v = query[name];
    if (!v) return undefined;
    if (v.length > 1) issues.push(issue(name, 'givenTwice'));
    return v[0];
  };
  const filterable = new Map(c.fields.filter((f) => f.filter).map((f) => [f.name, f]));
  for (const name of Object.keys(query)) {
    if (COMMON.includes(name) || filterable.has(name) || name in c.aliases) continue;
    issues.push(issue(name, 'ogcItemsParams', { collection: c.id, common: COMMON.join(', '), filters: filterNames(c).join(', ') }));
  }

  const f = parseFormat(one('f'));
  if (f && typeof f === 'object') issues.push(f);
  const lang = checkLang(one('lang'));
  if (lang) issues.push(lang);

  let bbox: BBox | null = null;
  const rawBbox = one('bbox');
  if (rawBbox !== undefined) {
    const b = parseBbox(rawBbox);
    if (Array.isArray(b)) bbox = b;
    else issues.push(invalidParam({ field: 'bbox', reason: b }));
  }

  let limit: number = LIMIT.default;
  const rawLimit = one('limit');
  if (rawLimit !== undefined) {
    const n = nonNegativeInt(rawLimit);
    if (n === null || n < 1) issues.push(issue('limit', 'ogcLimit', { max: LIMIT.max }));
    else limit = Math.min(n, LIMIT.max);
  }

  let offset = 0;
  const rawOffset = one('offset');
  if (rawOffset !== undefined) {
    const n = nonNegativeInt(rawOffset);
    if (n === null) issues.push(issue('offset', 'ogcOffset'));
    else offset = n;
  }

  const rawDatetime = one('datetime');
  if (rawDatetime !== undefined) {
    const bad = checkDatetime(rawDatetime);
    if (bad) issues.push(issue('datetime', bad));
  }

  const filters: Filter[] = [];
  for (const [name, target] of [...[...filterable.keys()].map((k) => [k, k] as const), ...Object.entries(c.aliases)]) {
    const raw = one(name);
    if (raw === undefined) continue;
    const field = filterable.get(target)!;
    const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
    if (!values.length) {
      issues.push(issue(name, 'filterValue'));
      continue;
    }
    if (field.type === 'boolean' && values.some((v) => v !== 'true' && v !== 'false')) {
      issues.push(issue(name, 'filterBoolean'));
      continue;
    }
    if (field.enum) {
      const bad = values.filter((v) => !field.enum!.includes(v));
      if (bad.length) {
        issues.push(issue(name, 'filterValues', { values: bad.join(', '), allowed: field.enum.join(', ') }));
        continue;
      }
    }
    filters.push({ field, values });
  }

  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { bbox, limit, offset, filters, format: f as Format | null } };
}

/** Whether a feature's property matches a filter: equal to any of the values (compared as text). */
export const matches = (value: unknown, filter: Filter) => value !== null && value !== undefined && filter.values.includes(String(value));
