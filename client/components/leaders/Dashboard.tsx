import { useRef, type ReactNode } from 'react';
import { useFocusWhileOpen } from '../../lib/focus-while-open.ts';
import type { HistoryPoint, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import type { Target } from '../../../geodata/targets.ts';
import type { TargetsResponse } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { SourceTitle } from './charts/chart-kit.tsx';
import { GrowthChart } from './charts/GrowthChart.tsx';
import { OccupancyChart } from './charts/OccupancyChart.tsx';
import { LandBars, ProgressBars } from './charts/ZoneBars.tsx';
import { unitLabel } from './key-figures.ts';
import { aggregateText } from '../../lib/occupancy-text.ts';
import { useProvinceSeries } from '../../data/queries.ts';

const STATUS_TEXT: Record<Target['status'], StringKey> = { met: 'ldMet', not_met: 'ldNotMet', unknown: 'ldUnknown' };
const STATUS_ICON: Record<Target['status'], string> = { met: '✓', not_met: '✗', unknown: '?' };

function TargetCard({ target, current, sources }: { target: Target; current: TargetsResponse['current']; sources: Source[] }) {
  const { t, lang, num } = useI18n();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const source = target.sourceId ? byId.get(target.sourceId) : undefined;
  const statusSource = byId.get(target.statusSourceId);
  const series = useProvinceSeries(target.series);
  const goal = target.value === null ? null : `${target.comparator === 'range' ? '' : `${target.comparator ?? ''} `}${num(target.value)} ${unitLabel(target.unit, lang)}`.trim();
  return (
    <li className={`target ${target.status}`} data-testid={`target-${target.id}`} data-status={target.status}>
      <div className="target-head">
        <p className={`target-status ${target.status}`} data-testid="target-status">
          <span aria-hidden="true">{STATUS_ICON[target.status]}</span> {t(STATUS_TEXT[target.status])}
        </p>
        <h4>{target.label ? target.label[lang] : <span className="nodata">{t('ldUnnamedTarget')}</span>}</h4>
      </div>
      <dl className="facts">
        <dt>{t('ldGoal')}</dt>
        <dd>{goal ?? <span className="nodata">{t('noData')}</span>}</dd>
        <dt>{t('ldActual')}</dt>
        <dd>
          {series.length > 0 ? (
            <span className="series-values">
              {series.map((p) => (
                <span key={p.year}>
                  {p.year}: {p.value === null ? <span className="nodata">{t('noData')}</span> : `${num(p.value, 2)} %`}
                </span>
              ))}
            </span>
          ) : target.id === 'ccn-occupancy' ? (
            <>
              {aggregateText(lang, current.ccn).value} <small data-testid="target-ccn-detail">({aggregateText(lang, current.ccn).detail})</small>
            </>
          ) : (
            <span className="nodata">{t('noData')}</span>
          )}
        </dd>
        <dt>{t('ldTargetSource')}</dt>
        <dd>{source ? <SourceTitle source={source} /> : <span className="nodata">{t('noData')}</span>}</dd>
        <dt>{t('ldStatusSource')}</dt>
        <dd data-testid="target-status-source">{statusSource ? <SourceTitle source={statusSource} /> : target.statusSourceId}</dd>
      </dl>
      <p className="note">{target.note[lang]}</p>
    </li>
  );
}

/**
 * Targets whose wording no source gives cannot be presented one by one: a card per target would
 * show three green "met" badges over "no data". They are one line per status the review gives
 * them, e.g. "3 chỉ tiêu còn lại: Kết luận ghi là đạt; chưa tìm thấy nội dung", with the review as source.
 */
function UnnamedTargets({ targets, sources }: { targets: Target[]; sources: Source[] }) {
  const { t, lang } = useI18n();
  if (!targets.length) return null;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const statuses = [...new Set(targets.map((tg) => tg.status))];
  const notes = [...new Set(targets.map((tg) => tg.note[lang]))];
  return (
    <div className="targets-unnamed" data-testid="targets-unnamed">
      {statuses.map((st) => {
        const group = targets.filter((tg) => tg.status === st);
        const source = byId.get(group[0]!.statusSourceId);
        return (
          <p key={st} data-status={st}>
            <span aria-hidden="true">{STATUS_ICON[st]}</span>{' '}
            {t('ldUnnamedGroup', { n: group.length, status: t(STATUS_TEXT[st]).toLocaleLowerCase(lang) })}
            {source && (
              <>
                {' '}
                (<SourceTitle source={source} />)
              </>
            )}
          </p>
        );
      })}
      {notes.length > 0 && (
        <details>
          <summary>{t('ldUnnamedNotes')}</summary>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

type Props = {
  zones: ZoneApiFeature[];
  histories: ReadonlyMap<string, readonly HistoryPoint[]> | null;
  targets: TargetsResponse | null;
  targetsError: unknown;
  sources: Source[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  onShowZone: (id: string) => void;
  onClose: () => void;
  today: Date;
  /** The tour list, the presentation button and, for planners, the tour editor. */
  tourSection?: ReactNode;
};

/** "Nghị quyết 16 / Resolution 16": the five targets as the review states them, then the charts. */
export function Dashboard({ zones, histories, targets, targetsError, sources, selected, onSelect, onShowZone, onClose, today, tourSection }: Props) {
  const { t, lang } = useI18n();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const selectedZone = zones.find((z) => z.id === selected) ?? null;
  const growth = targets?.targets.find((x) => x.series !== null && x.unit?.includes('%'));
  const reviewSource = targets ? byId.get(targets.review.sourceId) : undefined;
  // Opened, the focus is on its title; closed, back on the header's button.
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhileOpen(() => title.current, () => document.querySelector<HTMLElement>('[data-testid="open-dashboard"]'));
  return (
    <aside
      className="panel leaders-panel"
      data-testid="r16-dashboard"
      aria-labelledby="r16-title"
      onKeyDown={(e) => {
        // An editor inside (the tour's) keeps its own Escape.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        onClose();
      }}
    >
      <header>
        <div>
          <p className="kind">{t('ldDashboardKicker')}</p>
          <h2 id="r16-title" ref={title} tabIndex={-1}>
            {t('ldR16')}
          </h2>
          {targets && <p className="alt-name">{targets.resolution.title[lang]}</p>}
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      {targetsError ? <p className="form-error" role="alert">{errorMessage(targetsError, t)}</p> : null}
      {!targets && !targetsError && <p className="form-notice">{t('loading')}</p>}
      {targets && (
        <section aria-labelledby="r16-targets">
          <h3 id="r16-targets">{t('ldTargets')}</h3>
          <p className="review-summary" data-testid="review-summary">
            <strong>{t('ldReviewSummary', { met: targets.review.met, total: targets.review.total })}</strong> · {targets.review.title[lang]}
            {reviewSource && (
              <>
                {' '}
                (<SourceTitle source={reviewSource} />)
              </>
            )}
          </p>
          <ol className="targets">
            {targets.targets
              .filter((tg) => tg.label !== null)
              .map((tg) => (
                <TargetCard key={tg.id} target={tg} current={targets.current} sources={sources} />
              ))}
          </ol>
          <UnnamedTargets targets={targets.targets.filter((tg) => tg.label === null)} sources={sources} />
        </section>
      )}
      <section aria-labelledby="r16-charts" className="charts">
        <h3 id="r16-charts">{t('ldCharts')}</h3>
        <p className="help">{t('ldCrossFilterHelp')}</p>
        {selectedZone && (
          <p className="selected-zone" data-testid="dashboard-selected">
            {t('ldSelected')}: <strong>{selectedZone.properties.name[lang]}</strong>{' '}
            <button type="button" className="link" onClick={() => onShowZone(selectedZone.id)}>
              {t('ldZoneDetails')}
            </button>{' '}
            ·{' '}
            <button type="button" className="link" onClick={() => onSelect(null)}>
              {t('ldClearSelection')}
            </button>
          </p>
        )}
        {histories ? (
          <>
            <OccupancyChart kind="KCN" zones={zones} histories={histories} provinceNow={targets?.current.kcnOccupancyPct ?? null} today={today} selected={selected} onSelect={onSelect} sources={sources} />
            <OccupancyChart kind="CCN" zones={zones} histories={histories} provinceNow={targets?.current.ccnOccupancyPct ?? null} today={today} selected={selected} onSelect={onSelect} sources={sources} />
          </>
        ) : (
          <p className="form-notice">{t('loading')}</p>
        )}
        <ProgressBars zones={zones} selected={selected} onSelect={onSelect} sources={sources} />
        {growth && <GrowthChart target={growth} sources={sources} />}
        <LandBars zones={zones} selected={selected} onSelect={onSelect} sources={sources} />
      </section>
      {tourSection}
    </aside>
  );
}
