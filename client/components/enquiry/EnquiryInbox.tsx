import { useEffect, useState } from 'react';
import type { Enquiry, PlotApiFeature, ZoneApiFeature } from '../../../geodata/api.ts';
import { ENQUIRY_STATUSES, ENQUIRY_STATUS_LABELS, OPEN_ENQUIRY_STATUSES, type EnquiryStatus } from '../../../geodata/vocabulary.ts';
import { ApiError } from '../../api.ts';
import { useEnquiries } from '../../data/queries.ts';
import { useDataUpdates } from '../../data/updates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useSession } from '../../session/session.tsx';

type Props = {
  plotById: Map<string, PlotApiFeature>;
  zoneById: Map<string, ZoneApiFeature>;
  onOpenPlot: (id: string) => void;
  onOpenZone: (id: string) => void;
};

type Show = 'open' | 'all';

/**
 * The planners' inbox of investor enquiries, newest first. Each moves new → contacted → site
 * visit → closed; each links to its plot (or zone) on the map.
 */
export function EnquiryInbox({ plotById, zoneById, onOpenPlot, onOpenZone }: Props) {
  const { t, lang, num, when } = useI18n();
  const { editor, expired } = useSession();
  // Asked again each time the inbox opens: investors write at any time.
  const query = useEnquiries(true, true);
  const list = query.data ?? null;
  const updates = useDataUpdates();
  const [show, setShow] = useState<Show>('open');
  const [failure, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const shownError = failure ?? (query.isFetching ? null : query.error);
  const error = shownError ? errorMessage(shownError, t) : null;

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) expired();
    setError(e);
  };
  useEffect(() => {
    if (query.error instanceof ApiError && query.error.status === 401) expired();
  }, [query.error]);
  const load = () => {
    setError(null);
    void query.refetch();
  };

  async function setStatus(e: Enquiry, status: EnquiryStatus) {
    if (!editor) return;
    setBusy(e.id);
    setError(null);
    try {
      const updated = await editor.patchEnquiry(e.id, status);
      // The inbox and the header's count take the answer; the plot's open-enquiry mark follows.
      await updates.enquiryChanged(updated);
    } catch (x) {
      fail(x);
    } finally {
      setBusy(null);
    }
  }

  const shown = (list ?? []).filter((e) => show === 'all' || OPEN_ENQUIRY_STATUSES.includes(e.status));

  return (
    <div className="inbox" data-testid="enquiry-inbox">
      <div className="inbox-head">
        <label>
          {t('inboxShow')}{' '}
          <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
            <option value="open">{t('inboxOpen')}</option>
            <option value="all">{t('inboxAll')}</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={load}>
          {t('inboxRefresh')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!list ? (
        !error && <p className="form-notice">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p className="nodata">{t('inboxEmpty')}</p>
      ) : (
        <ol className="enquiries">
          {shown.map((e) => {
            const plot = e.plotId ? plotById.get(e.plotId) : undefined;
            const zone = zoneById.get(e.zoneId);
            const target = [plot ? `${t('plot')} ${plot.properties.code}` : e.plotId, zone?.properties.name[lang] ?? e.zoneId].filter(Boolean).join(' · ');
            return (
              <li key={e.id} className={`enquiry status-${e.status}`} data-testid="enquiry">
                <div className="enquiry-head">
                  <span className="reference">{e.reference}</span> <strong>{e.name}</strong>
                  {e.organisation && <span> · {e.organisation}</span>}
                  <time dateTime={e.createdAt}>{when(e.createdAt)}</time>
                </div>
                <button type="button" className="link" onClick={() => (e.plotId ? onOpenPlot(e.plotId) : onOpenZone(e.zoneId))} title={t('openOnMap')}>
                  {target} →
                </button>
                <p className="enquiry-contact">
                  {e.email && <a href={`mailto:${e.email}`}>{e.email}</a>}
                  {e.email && e.phone && ' · '}
                  {e.phone && <a href={`tel:${e.phone.replace(/[^+0-9]/g, '')}`}>{e.phone}</a>}
                </p>
                {(e.sector || e.areaHa !== null || e.timeline) && (
                  <p className="enquiry-needs">
                    {[e.sector, e.areaHa !== null ? `${num(e.areaHa, 2)} ${t('ha')}` : null, e.timeline].filter(Boolean).join(' · ')}
                  </p>
                )}
                {e.message && <p className="enquiry-message">{e.message}</p>}
                <label className="enquiry-status">
                  {t('enquiryStatus')}{' '}
                  <select value={e.status} disabled={busy === e.id || !editor} onChange={(x) => void setStatus(e, x.target.value as EnquiryStatus)}>
                    {ENQUIRY_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {ENQUIRY_STATUS_LABELS[s][lang]}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
