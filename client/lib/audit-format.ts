/**
 * Turns audit entries into readable lines: which record, what happened, and "before → after" for
 * each changed field, in the interface language. Pure, so it can be tested without a browser.
 */
import type { AuditEntry } from '../../geodata/api.ts';
import { INFRA_LABELS, PLOT_STATUS_LABELS, ZONE_STATUS_LABELS, type InfraItem, type PlotStatus, type ZoneStatus } from '../../geodata/vocabulary.ts';
import type { Lang, StringKey } from '../i18n/strings.ts';

export type Change = { field: string; before: string; after: string };

type Fmt = { t: (key: StringKey) => string; lang: Lang; num: (n: number, digits?: number) => string };

const FIELD_LABELS: Record<string, StringKey> = {
  status: 'status',
  tenant: 'tenant',
  sector: 'sector',
  leaseStart: 'leaseStart',
  leaseEnd: 'leaseEnd',
  priceVndM2Year: 'price',
  name: 'zoneName',
  developer: 'developer',
  sectors: 'sectors',
  note: 'note',
};

/** Kept out of the list: implied by another field (the status) or too bulky to read (geometry). */
const SKIPPED = new Set(['statusHistory', 'geometry']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type InfraEntry = { item: InfraItem; progressPct: number | null; asOf: string | null; note?: string };

function value(key: string, v: unknown, entity: AuditEntry['entityType'], f: Fmt): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
  if (key === 'status' && typeof v === 'string') {
    const labels = entity === 'plot' ? PLOT_STATUS_LABELS : ZONE_STATUS_LABELS;
    return (labels as Record<string, { vi: string; en: string }>)[v as PlotStatus & ZoneStatus]?.[f.lang] ?? v;
  }
  if (typeof v === 'number') return f.num(v, 2);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (Array.isArray(v)) return v.map((x) => value(key, x, entity, f)).join(', ');
  if (isRecord(v)) {
    if ('value' in v) return value(key, v.value, entity, f); // a figure, e.g. the price
    if ('text' in v) return value(key, v.text, entity, f); // sourced text, e.g. the developer
    if ('vi' in v && 'en' in v) return `${String(v.vi)} / ${String(v.en)}`;
  }
  return JSON.stringify(v);
}

function infraChanges(before: unknown, after: unknown, f: Fmt): Change[] {
  const list = (x: unknown) => (Array.isArray(x) ? (x as InfraEntry[]) : []);
  const show = (e: InfraEntry | undefined) => (e ? `${e.progressPct === null ? '—' : `${f.num(e.progressPct)} %`}${e.asOf ? ` (${e.asOf})` : ''}` : '—');
  const b = new Map(list(before).map((e) => [e.item, e]));
  const out: Change[] = [];
  for (const e of list(after)) {
    const old = b.get(e.item);
    if (JSON.stringify(old) === JSON.stringify(e)) continue;
    const label = INFRA_LABELS[e.item]?.[f.lang] ?? e.item;
    out.push({ field: label, before: show(old), after: `${show(e)}${e.note ? ` · ${e.note}` : ''}` });
  }
  return out;
}

const codes = (x: unknown): string =>
  (Array.isArray(x) ? x : [x])
    .filter(isRecord)
    .map((p) => String(p.code ?? p.id ?? '?'))
    .join(', ');

export function describeChanges(e: AuditEntry, f: Fmt): Change[] {
  if (e.action === 'split' || e.action === 'merge') {
    return [{ field: f.t('plot'), before: codes(e.before), after: codes(e.after) }];
  }
  const before = isRecord(e.before) ? e.before : {};
  const after = isRecord(e.after) ? e.after : {};
  const out: Change[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SKIPPED.has(key)) continue;
    if (key === 'infrastructure') {
      out.push(...infraChanges(before[key], after[key], f));
      continue;
    }
    if (key === 'password') {
      out.push({ field: f.t('password'), before: '', after: f.t('passwordChanged') });
      continue;
    }
    const label = FIELD_LABELS[key];
    out.push({ field: label ? f.t(label) : key, before: value(key, before[key], e.entityType, f), after: value(key, after[key], e.entityType, f) });
  }
  return out;
}

/** The record an entry is about: "Lô CN-02", a zone's name, or the raw id when it is gone. */
export function entityLabel(e: AuditEntry, names: { plotCode(id: string): string | null; zoneName(id: string): string | null }, f: Fmt): string {
  if (e.entityType === 'plot') {
    const fromEntry = e.action === 'split' ? codes(e.before) : e.action === 'merge' ? codes(e.after) : null;
    return `${f.t('plot')} ${names.plotCode(e.entityId) ?? fromEntry ?? e.entityId}`;
  }
  if (e.entityType === 'zone') return names.zoneName(e.entityId) ?? e.entityId;
  if (e.entityType === 'user') return `${f.t('user')} ${e.entityId}`;
  return `${e.entityType} ${e.entityId}`;
}

/** Actions without a label here (the log grows new kinds) are shown by their name. */
const ACTION_LABELS: Partial<Record<AuditEntry['action'], StringKey>> = {
  update: 'actionUpdate',
  split: 'actionSplit',
  merge: 'actionMerge',
  create: 'actionCreate',
  infrastructure: 'actionInfrastructure',
};

export function actionLabel(action: AuditEntry['action'], f: Pick<Fmt, 't'>): string {
  const key = ACTION_LABELS[action];
  return key ? f.t(key) : action;
}
