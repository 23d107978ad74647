import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatHash, parseHash } from '../../lib/hash-state.ts';
import { SHORTLIST_MAX, useShortlist } from '../find-land/shortlist.ts';
import { deferred } from '../deferred.tsx';

/** Loaded when an investor opens it. */
const EnquiryForm = deferred(() => import('./EnquiryForm.tsx').then((m) => m.EnquiryForm));

type Props = {
  kind: 'plot' | 'zone';
  id: string;
  /** "Plot CN-02 · CCN Nam Bằng Lũng", for the form's "About:" line. */
  about: string;
  /** A plot someone already holds: the enquiry goes to its zone instead (id and name). */
  zoneInstead?: { id: string; about: string } | undefined;
};

/** A link to the printable brochure, in the current language, opened in a new tab. */
export function brochureHref(kind: 'plot' | 'zone', id: string): string {
  const { lang } = parseHash(window.location.hash);
  return `${window.location.pathname}${window.location.search}${formatHash({ view: null, zone: null, mode: 'occupancy', lang, brochure: `${kind}:${id}` })}`;
}

/**
 * What an investor can do from a plot or zone panel: shortlist it for comparison, print its
 * brochure, and send an enquiry about it.
 */
export function InvestorActions({ kind, id, about, zoneInstead }: Props) {
  const { t } = useI18n();
  const shortlist = useShortlist();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState(false);
  const item = { kind, id };
  const listed = shortlist.has(item);
  useEffect(() => {
    setOpen(false);
    setFull(false);
  }, [kind, id]);

  return (
    <section className="investor" aria-label={t('forInvestors')} data-testid="investor-actions">
      <h3>{t('forInvestors')}</h3>
      <div className="actions">
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t(zoneInstead ? 'enquireZone' : 'enquire')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={listed}
          onClick={() => setFull(shortlist.toggle(item) === 'full')}
        >
          {t(listed ? 'shortlistRemove' : 'shortlistAdd')}
        </button>
        <a className="button-link" href={brochureHref(kind, id)} target="_blank" rel="noopener">
          {t('brochure')}
        </a>
      </div>
      {full && (
        <p className="form-error" role="alert">
          {t('shortlistFull', { n: SHORTLIST_MAX })}
        </p>
      )}
      {zoneInstead && <p className="hint">{t('enquireZoneWhy')}</p>}
      {open &&
        (zoneInstead ? (
          <EnquiryForm key={`zone:${zoneInstead.id}`} target={{ zoneId: zoneInstead.id }} about={zoneInstead.about} />
        ) : (
          <EnquiryForm key={`${kind}:${id}`} target={kind === 'plot' ? { plotId: id } : { zoneId: id }} about={about} />
        ))}
    </section>
  );
}
