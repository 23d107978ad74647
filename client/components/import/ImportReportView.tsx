import type { FeatureCollection } from 'geojson';
import type { ImportReport } from '../../../geodata/exchange.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ISSUE_LABELS } from './issue-labels.ts';
import { issueDetail } from './issue-text.ts';
import { reasonMessage } from '../../../geodata/rules/reasons.ts';

/** A long list is cut here; the counts above it stay exact. */
const MAX_ISSUES = 200;

type Props = {
  report: ImportReport;
  preview: FeatureCollection;
  zoneName: (id: string) => string | null;
  /** Frames and outlines one previewed feature. */
  onShow: (id: string) => void;
};

/** What the check (or the commit) found: file, CRS, counts, what would change, each issue by feature. */
export function ImportReportView({ report, preview, zoneName, onShow }: Props) {
  const { t, lang } = useI18n();
  const { file, crs, counts } = report;
  const previewIds = new Set(preview.features.map((f) => String(f.id)));
  const shown = report.issues.slice(0, MAX_ISSUES);
  return (
    <section className="import-report" data-testid="import-report" aria-label={t('imReport')}>
      <h3>{t('imReport')}</h3>
      <p>{t('imFileInfo', { name: file.name ?? '—', format: file.format.toUpperCase(), layer: file.layerName ?? '—', encoding: file.encoding ?? '—' })}</p>
      <p data-testid="import-crs">{t('imCrsFound', { name: crs.name, code: crs.code })}</p>
      <p data-testid="import-counts">
        <strong>{t('imCounts', { ...counts })}</strong>
      </p>
      <ul className="import-changes" data-testid="import-changes">
        {report.changes.map((c) =>
          report.layer === 'plots' ? (
            <li key={c.zoneId ?? ''}>
              {t(report.committed ? 'imReplaced' : 'imWouldReplace', {
                zone: (c.zoneId && zoneName(c.zoneId)) ?? c.zoneId ?? '—',
                before: c.replaced.length,
                after: c.created.length + c.updated.length,
              })}
            </li>
          ) : (
            <li key="upsert">{t(report.committed ? 'imUpserted' : 'imWouldUpsert', { created: c.created.length, updated: c.updated.length })}</li>
          ),
        )}
      </ul>
      <h4>{t('imIssues')}</h4>
      {report.issues.length === 0 ? (
        <p className="form-notice">{t('imNoIssues')}</p>
      ) : (
        <ol className="import-issues" data-testid="import-issues">
          {shown.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report is shown once and never reordered; two issues may read the same
            <li key={i} className={issue.level}>
              <span className="level">{issue.level === 'error' ? `✖ ${t('imError')}` : `⚠ ${t('imWarning')}`}</span>{' '}
              <strong>{ISSUE_LABELS[issue.code][lang]}</strong>
              {issue.fixed && <small className="fixed"> · {t('imFixed')}</small>}
              {' · '}
              {issue.index === null ? t('imWholeFile') : t('imFeature', { n: issue.index + 1 })}
              {issue.id && <code> {issue.id}</code>}
              {issue.id && previewIds.has(issue.id) && (
                <button type="button" className="link" onClick={() => onShow(issue.id!)}>
                  {t('imShowOnMap')}
                </button>
              )}
              <br />
              {issueDetail(lang, issue).map((d, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: message then suggestion, never reordered
                <small key={k}>
                  {k > 0 && ' '}
                  {d}
                </small>
              ))}
            </li>
          ))}
          {report.issues.length > shown.length && <li>… +{report.issues.length - shown.length}</li>}
        </ol>
      )}
      {report.notes.length > 0 && (
        <details>
          <summary>{t('imNotes')}</summary>
          <ul data-testid="import-notes">
            {report.notes.map((n) => (
              <li key={`${n.reason.code} ${JSON.stringify(n.reason.params ?? {})}`}>{reasonMessage(lang, n.reason)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
