import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { ConfidenceBadge } from '../ConfidenceBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { markedFigure } from '../../lib/confidence-text.ts';
import { zoneOccupancyDetail } from '../../lib/occupancy-text.ts';
import { SourceRef } from '../SourceRef.tsx';
import type { Cited } from './cited-sources.ts';

/** The zone's occupancy figure with where it comes from, and the leased and available land of its layout. */
export function OccupancySection({ zone, cited }: { zone: ZoneApiFeature; cited: Cited }) {
  const { t, lang, num, pct } = useI18n();
  const p = zone.properties;
  return (
    <section className="occupancy" aria-label={t('occupancy')}>
      <h3>{t('occupancy')}</h3>
      {/* The displayed figure follows zoneOccupancy (geodata/metrics.ts): the sourced figure unless the plots are real or a planner changed them. */}
      {p.occupancy.valuePct === null ? (
        <p className="nodata" data-testid="zone-occupancy">
          {t('noData')}
        </p>
      ) : (
        // The figure carries its class itself ("~60 %", "95,5 % (2015)"), as on the map and in find-land; the badge says why.
        <p className="big" data-testid="zone-occupancy" data-confidence={p.confidence.occupancy.code} data-figure-source={p.figureSource}>
          {markedFigure(lang, pct(p.occupancy.valuePct), p.confidence.occupancy)}
        </p>
      )}
      <ConfidenceBadge confidence={p.confidence.occupancy} value={pct(p.occupancy.valuePct)} />
      <p className="sub" data-testid="zone-occupancy-detail">
        {zoneOccupancyDetail(lang, p.occupancy)}
        {p.occupancy.sourceId && (
          <>
            {' '}
            <SourceRef id={p.occupancy.sourceId} sources={cited} />
          </>
        )}
      </p>
      {p.land.leasableHa > 0 && (
        <p className="sub">
          {p.occupancy.origin === 'source' || p.occupancy.origin === null
            ? t('occLayoutSums', { leased: num(p.land.leasedHa), leasable: num(p.land.leasableHa) })
            : `${t('leased')} ${num(p.land.leasedHa)} / ${num(p.land.leasableHa)} ${t('ha')}`}{' '}
          · {t('available')} {num(p.land.availableHa)} {t('ha')}
          {p.land.notDevelopedHa > 0 && (
            <>
              {' '}
              · {t('notDeveloped')} {num(p.land.notDevelopedHa)} {t('ha')}
            </>
          )}
        </p>
      )}
      <p className="help">{t('occupancyHelp')}</p>
    </section>
  );
}
