import { bbox } from '@turf/bbox';
import { OLD_AFTER_YEARS } from '../../../geodata/confidence.ts';
import { ConfidenceBadge, ConfidentFigure } from '../ConfidenceBadge.tsx';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useFocusWhileOpen } from '../../lib/focus-while-open.ts';
import { createPortal } from 'react-dom';
import type { ContextCollection, PlotApiFeature, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { ACCURACY_LABELS, INFRA_LABELS, ZONE_KIND_LABELS } from '../../../geodata/vocabulary.ts';
import { localToday } from '../../i18n/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NATIONAL_ROADS } from '../../lib/land-search.ts';
import { parseBrochure } from '../../lib/hash-state.ts';
import type { MapController } from '../../map/map-controller.ts';
import { resolveSubject, subjectFacts } from './facts.ts';
import { sectorLabel } from '../../../geodata/vocabulary.ts';

type Props = {
  subject: string;
  zones: ZoneApiFeature[] | null;
  plots: PlotApiFeature[] | null;
  context: ContextCollection | null;
  sources: Source[] | null;
  controller: MapController | null;
  onClose: () => void;
};

/**
 * A one-page, printable brochure for a plot or a zone (#brochure=plot:ID): a picture of the map,
 * the key figures with their as-of date, the developer, and the sources. On screen it covers the
 * app; in print (@media print) it is the only thing on the page.
 */
export function Brochure({ subject, zones, plots, context, sources, controller, onClose }: Props) {
  const { t, lang, num, pct, when } = useI18n();
  const ref = parseBrochure(subject);
  const s = ref && zones && plots ? resolveSubject(ref, zones, plots) : null;
  const facts = useMemo(() => (s && plots ? subjectFacts(s, context, plots) : null), [s?.kind, ref?.id, zones, plots, context]);
  const [picture, setPicture] = useState<string | null | 'failed'>(null);

  // It covers the app, so the app behind it is out of the keyboard's and screen readers' way
  // (inert) while it is open; Escape goes back to the map, whose keys then work at once.
  const back = useRef<HTMLButtonElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useFocusWhileOpen(() => back.current, () => {
    controller?.focus();
    return null;
  });
  useEffect(() => {
    document.body.classList.add('has-brochure');
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.body.classList.remove('has-brochure');
      app?.removeAttribute('inert');
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);

  // The map behind the brochure frames the subject, outlines it, and is read as a picture.
  useEffect(() => {
    if (!controller || !facts) return;
    let live = true;
    const isPlot = ref?.kind === 'plot';
    if (isPlot) controller.hoverPlot(ref!.id);
    const raf = requestAnimationFrame(() => {
      // A plot is shown within its zone, for context; the plot itself is outlined.
      const frame = s?.kind === 'plot' && s.zone ? s.zone : facts.feature;
      controller.snapshot(bbox(frame) as [number, number, number, number], 50).then((url) => live && setPicture(url ?? 'failed'));
    });
    return () => {
      live = false;
      cancelAnimationFrame(raf);
      if (isPlot) controller.hoverPlot(null);
    };
  }, [controller, facts]);

  const noData = <span className="nodata">{t('noData')}</span>;
  const today = when(localToday());
  const sourceList = facts ? facts.sourceIds.map((id) => sources?.find((x) => x.id === id)).filter((x): x is Source => !!x) : [];

  const body = !ref || (zones && plots && !s) ? (
    <p className="nodata">{t('brochureNotFound')}</p>
  ) : !facts || !s ? (
    <p className="form-notice">{t('loading')}</p>
  ) : (
    <article className="brochure-sheet" data-testid="brochure">
      <header className="brochure-head">
        <p className="kind">
          {t('brochureTitle')} · {ZONE_KIND_LABELS[s.kind === 'plot' ? (s.zone?.properties.kind ?? 'CCN') : s.zone.properties.kind][lang]}
        </p>
        <h1>{facts.title[lang]}</h1>
        {facts.zoneName && <p className="alt-name">{facts.zoneName[lang]}</p>}
      </header>
      <figure className="brochure-map">
        {picture === null ? (
          <p className="form-notice">{t('mapPictureLoading')}</p>
        ) : picture === 'failed' ? (
          <p className="nodata">{t('mapPictureFailed')}</p>
        ) : (
          <img src={picture} alt={`${t('mapPicture')}: ${facts.title[lang]}`} data-testid="brochure-map" />
        )}
        <figcaption>
          {t('mapPicture')} · ⚠ {ACCURACY_LABELS.approximate[lang]}
        </figcaption>
      </figure>
      <div className="brochure-cols">
        <section>
          <h2>{t('keyFigures')}</h2>
          <dl className="facts">
            <dt>{t('area')}</dt>
            <dd>{facts.areaHa === null ? noData : `${num(facts.areaHa, 2)} ${t('ha')}`}</dd>
            <dt>{t('availableLand')}</dt>
            <dd>{facts.availableHa === null ? noData : <ConfidentFigure value={`${num(facts.availableHa, 2)} ${t('ha')}`} confidence={facts.statusConfidence} />}</dd>
            <dt>{t('status')}</dt>
            <dd>
              {facts.status[lang]}
              {facts.zoneStatus && ` (${facts.zoneStatus[lang]})`}
              <ConfidenceBadge confidence={facts.statusConfidence} />
            </dd>
            <dt>{t('progress')}</dt>
            <dd>
              <ConfidentFigure value={pct(facts.readinessPct)} confidence={facts.readinessConfidence} />
            </dd>
            <dt>{t('itemsComplete')}</dt>
            <dd>{facts.itemsComplete.length ? facts.itemsComplete.map((i) => INFRA_LABELS[i][lang]).join(', ') : noData}</dd>
            <dt>{t('price')}</dt>
            <dd>
              {facts.price
                ? `${num(facts.price.min, 0)}${facts.price.max !== facts.price.min ? `–${num(facts.price.max, 0)}` : ''} ${t('priceUnit')}`
                : noData}
            </dd>
            <dt>{t('sectors')}</dt>
            <dd>{facts.sectors.length ? facts.sectors.map((s) => sectorLabel(s, lang).text).join(', ') : noData}</dd>
          </dl>
        </section>
        <section>
          <h2>
            {t('findDistance')}
          </h2>
          <dl className="facts">
            {NATIONAL_ROADS.map((r) => (
              <Fragment key={r}>
                <dt>{r}</dt>
                <dd>{facts.distances?.[r] == null ? noData : `${num(facts.distances[r]!)} km`}</dd>
              </Fragment>
            ))}
            <dt>{t('seatLong')}</dt>
            <dd>{facts.distances?.seat == null ? noData : `${num(facts.distances.seat)} km`}</dd>
          </dl>
          <h2>{t('contactHeading')}</h2>
          <dl className="facts">
            <dt>{t('developer')}</dt>
            <dd>{facts.developer ?? noData}</dd>
            <dt>{t('contact')}</dt>
            <dd>{noData}</dd>
          </dl>
        </section>
      </div>
      <footer className="brochure-foot">
        <p>
          {t('dataAsOf')}: <strong>{facts.asOf ? when(facts.asOf) : t('noData')}</strong> · {t('printedOn')}: {today}
        </p>
        <p className="help">{t('approximateHelp')}</p>
        <p className="help">{t('confLine', { years: OLD_AFTER_YEARS })}</p>
        {sourceList.length > 0 && (
          <p className="brochure-sources">
            {t('sources')}: {sourceList.map((x) => x.title + (x.date ? ` (${when(x.date)})` : '')).join('; ')}
          </p>
        )}
      </footer>
    </article>
  );

  return createPortal(
    <div className="brochure" lang={lang} role="dialog" aria-modal="true" aria-label={facts ? `${t('brochureTitle')}: ${facts.title[lang]}` : t('brochureTitle')}>
      <div className="brochure-bar no-print">
        <button type="button" className="secondary" onClick={onClose} ref={back}>
          {t('backToMap')}
        </button>
        <button type="button" onClick={() => window.print()} disabled={!facts}>
          {t('print')}
        </button>
      </div>
      {body}
    </div>,
    document.body,
  );
}
