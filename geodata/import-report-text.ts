/**
 * The import report in a reader's language. Every issue and note carries a reason of the one
 * message table (geodata/rules/reasons.ts); its `message` is that reason rendered once, in the
 * language the report was asked for. The server renders English by default and the requested
 * language for the API (?lang, Accept-Language) and the CLI (--lang); the client renders each
 * reason itself, so what a planner reads never depends on the language the report was sent in.
 */
import type { ImportIssue, ImportNote, ImportReport } from './exchange.ts';
import { type Reason, reasonMessage } from './rules/reasons.ts';
import type { Label } from './vocabulary.ts';

export type ReportLang = keyof Label;

/** An issue's sentence; a refusal of the property schema is named by its column. */
export const issueMessage = (lang: ReportLang, issue: Pick<ImportIssue, 'reason' | 'field'>) =>
  (issue.field ? `${issue.field}: ` : '') + reasonMessage(lang, issue.reason);

/** What to do about the issue, when the import has advice. */
export const issueSuggestion = (lang: ReportLang, issue: Pick<ImportIssue, 'suggestionReason'>) =>
  issue.suggestionReason ? reasonMessage(lang, issue.suggestionReason) : null;

/** Why a file cannot be read at all (an ImportFileError's reason, and the reason its {why} names). */
export const fileErrorMessage = (lang: ReportLang, reason: Reason, why?: Reason) =>
  reasonMessage(lang, why ? { code: reason.code, params: { ...reason.params, why: reasonMessage(lang, why) } } : reason);

export const note = (lang: ReportLang, reason: Reason): ImportNote => ({ reason, message: reasonMessage(lang, reason) });

/** An issue's text fields, rendered in `lang` from its reasons. */
export function issueFields(lang: ReportLang, reason: Reason, suggestion?: Reason, field?: string): Pick<ImportIssue, 'message' | 'reason' | 'suggestion' | 'suggestionReason' | 'field'> {
  return {
    ...(field ? { field } : {}),
    message: issueMessage(lang, { reason, field }),
    reason,
    ...(suggestion ? { suggestion: reasonMessage(lang, suggestion), suggestionReason: suggestion } : {}),
  };
}

/** The same report with every message rendered in `lang` (codes and params unchanged). */
export function reportIn(lang: ReportLang, report: ImportReport): ImportReport {
  return {
    ...report,
    crs: { ...report.crs, detail: reasonMessage(lang, report.crs.reason) },
    notes: report.notes.map((n) => note(lang, n.reason)),
    issues: report.issues.map((i) => ({ ...i, ...issueFields(lang, i.reason, i.suggestionReason, i.field) })),
  };
}

/** The words around a report printed for a terminal (`npm run import`). */
const TERMINAL: Record<string, Label> = {
  error: { vi: 'LỖI ', en: 'ERROR' },
  warning: { vi: 'cảnh báo', en: 'warn ' },
  file: { vi: 'cả tệp', en: 'file' },
  feature: { vi: '#{n}', en: '#{n}' },
  repaired: { vi: ' [đã sửa]', en: ' [repaired]' },
  note: { vi: 'ghi chú', en: 'note' },
  header: { vi: '{name}: {format}{layer}, {n} đối tượng, hệ tọa độ {code} {crs} [{source}: {detail}]', en: '{name}: {format}{layer}, {n} features, CRS {code} {crs} [{source}: {detail}]' },
  layerName: { vi: ' (lớp {layer})', en: ' (layer {layer})' },
  done: { vi: 'đã làm', en: 'done' },
  wouldDo: { vi: 'sẽ làm', en: 'would do' },
  blocked: { vi: 'bị chặn', en: 'blocked' },
  plotsReplaced: { vi: 'khu/cụm {zone}: {before} lô được thay bằng {after} lô', en: 'zone {zone}: {before} plots replaced by {after}' },
  upserted: { vi: '{created} mới, {updated} cập nhật', en: '{created} new, {updated} updated' },
  audit: { vi: ' (nhật ký #{id})', en: ' (audit #{id})' },
  counts: { vi: '{errors} lỗi, {warnings} cảnh báo, {repaired} đã sửa; {outcome}', en: '{errors} error(s), {warnings} warning(s), {repaired} repaired; {outcome}' },
  committed: { vi: 'đã ghi', en: 'committed' },
  dryRun: { vi: 'chạy thử: chưa ghi gì', en: 'dry run: nothing written' },
  nothingWritten: { vi: 'chưa ghi gì', en: 'nothing written' },
};

const word = (lang: ReportLang, key: keyof typeof TERMINAL, vars: Record<string, string | number> = {}) =>
  TERMINAL[key]![lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** The report as lines for a terminal, in `lang`. */
export function reportLines(lang: ReportLang, r: ImportReport): string {
  const lines = [
    word(lang, 'header', {
      name: r.file.name ?? word(lang, 'file'), format: r.file.format, layer: r.file.layerName ? word(lang, 'layerName', { layer: r.file.layerName }) : '',
      n: r.counts.features, code: r.crs.code, crs: r.crs.name, source: r.crs.source, detail: r.crs.detail,
    }),
    ...r.issues.map((i) => {
      const where = i.index === null ? word(lang, 'file') : word(lang, 'feature', { n: i.index });
      const suggestion = issueSuggestion(lang, i);
      return `  ${word(lang, i.level)} ${where}${i.id ? ` ${i.id}` : ''}: ${issueMessage(lang, i)}${i.fixed ? word(lang, 'repaired') : ''}${suggestion ? `\n         → ${suggestion}` : ''}`;
    }),
    ...r.notes.map((n) => `  ${word(lang, 'note')}: ${reasonMessage(lang, n.reason)}`),
  ];
  for (const c of r.changes) {
    const what = r.layer === 'plots'
      ? word(lang, 'plotsReplaced', { zone: c.zoneId ?? '', before: c.replaced.length, after: c.created.length + c.updated.length })
      : word(lang, 'upserted', { created: c.created.length, updated: c.updated.length });
    lines.push(`  ${word(lang, r.committed ? 'done' : r.ok ? 'wouldDo' : 'blocked')}: ${what}${c.auditId ? word(lang, 'audit', { id: c.auditId }) : ''}`);
  }
  const outcome = word(lang, r.committed ? 'committed' : r.dryRun ? 'dryRun' : 'nothingWritten');
  lines.push(word(lang, 'counts', { errors: r.counts.errors, warnings: r.counts.warnings, repaired: r.counts.repaired, outcome }));
  return lines.join('\n');
}
