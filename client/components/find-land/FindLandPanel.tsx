import { useEffect, useId, useMemo, type ReactNode } from 'react';
import { ConfidenceBadge, ConfidentFigure } from '../ConfidenceBadge.tsx';
import type { ContextCollection, PlotApiFeature, ZoneApiFeature } from '../../../geodata/api.ts';
import { confidenceOf } from '../../../geodata/confidence.ts';
import { REGION_LABELS } from '../../../geodata/regions.ts';
import { INFRA_ITEMS, INFRA_LABELS, ZONE_KIND_LABELS, ZONE_KINDS, ZONE_STATUSES, ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { findLand, findZonesWithoutLayout, NATIONAL_ROADS, NO_FILTERS, SORTS, totalHa, type LandFilters, type LandResult, type RoadRef, type Sort } from '../../lib/land-search.ts';
import type { MapController } from '../../map/map-controller.ts';
import { NumberInput } from './NumberInput.tsx';
import { SHORTLIST_MAX, useShortlist } from './shortlist.ts';
import { VI_ORDER } from '../../lib/vi-order.ts';
import { sectorLabel } from '../../../geodata/vocabulary.ts';

type Props = {
  zones: ZoneApiFeature[];
  plots: PlotApiFeature[] | null;
  context: ContextCollection | null;
  filters: LandFilters;
  onFilters: (f: LandFilters) => void;
  controller: MapController | null;
  /** A result row was chosen: open the plot and frame it. */
  onPick: (plotId: string) => void;
  /** Frame all results. */
  onShowAll: (plots: PlotApiFeature[]) => void;
  /** A zone without a plot layout was chosen from its list: open its panel. */
  onPickZone: (zoneId: string) => void;
};

const SORT_KEYS = { area: 'sortArea', distance: 'sortDistance', readiness: 'sortReadiness' } as const;

const toggled = <T,>(list: readonly T[], x: T, on: boolean): T[] => (on ? [...list.filter((y) => y !== x), x] : list.filter((y) => y !== x));
const distinct = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort(VI_ORDER.compare);

/** The nearest national road among those the search is about, for the result row. */
function nearestRoad(r: LandResult, roads: RoadRef[]): { ref: RoadRef; km: number } | null {
  let best: { ref: RoadRef; km: number } | null = null;
  for (const ref of roads.length ? roads : NATIONAL_ROADS) {
    const km = r.distances[ref];
    if (km !== null && (!best || km < best.km)) best = { ref, km };
  }
  return best;
}

function Checks({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * "Find land": filters over the available plots, the matching list and its map highlight. The
 * search itself is findLand() (client/lib/land-search.ts); this panel only edits the filters,
 * which live in the URL, and shows the answer.
 */
export function FindLandPanel({ zones, plots, context, filters: f, onFilters, controller, onPick, onShowAll, onPickZone }: Props) {
  const { t, lang, num, pct, when } = useI18n();
  const id = useId();
  const shortlist = useShortlist();
  const results = useMemo(() => (plots && context ? findLand(plots, zones, context, f) : null), [plots, zones, context, f]);
  const unlaidZones = useMemo(() => (context ? findZonesWithoutLayout(zones, context, f) : []), [zones, context, f]);
  const set = (patch: Partial<LandFilters>) => onFilters({ ...f, ...patch });

  // The answers are outlined on the map for as long as the panel is open.
  const matchIds = useMemo(() => (results ?? []).map((r) => r.plot.id), [results]);
  const matchZones = useMemo(() => [...new Set((results ?? []).map((r) => r.zone.id))], [results]);
  useEffect(() => {
    controller?.setPlotMatches(matchIds);
    controller?.setZoneMatches(matchZones);
  }, [controller, matchIds, matchZones]);
  useEffect(
    () => () => {
      controller?.setPlotMatches([]);
      controller?.setZoneMatches([]);
      controller?.hoverPlot(null);
    },
    [controller],
  );

  const districts = useMemo(() => distinct(zones.map((z) => z.properties.addressOld?.district)), [zones]);
  const communes = useMemo(() => distinct(zones.flatMap((z) => [z.properties.addressNew.commune, z.properties.addressOld?.commune])), [zones]);
  const sectors = useMemo(() => distinct(zones.flatMap((z) => z.properties.sectors)), [zones]);

  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {hint && <small className="hint">{hint}</small>}
    </div>
  );

  return (
    <div className="find-land" data-testid="find-land">
      <p className="help">{t('findIntro')}</p>
      {results && (
        <p className="find-summary">
          <strong data-testid="find-count" role="status">
            {t('findCount', { n: results.length, ha: num(totalHa(results), 2) })}
          </strong>
          <button
            type="button"
            className="link"
            onClick={() => document.getElementById(`${id}-results`)?.scrollIntoView({ block: 'start', behavior: 'smooth' })}
          >
            {t('findSeeResults')}
          </button>
        </p>
      )}
      <form className="find-filters" aria-label={t('findFilters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field-row">
          {field('minHa', t('findMinHa'), <NumberInput id={`${id}-minHa`} value={f.minHa} onValue={(minHa) => set({ minHa })} />)}
          {field('maxHa', t('findMaxHa'), <NumberInput id={`${id}-maxHa`} value={f.maxHa} onValue={(maxHa) => set({ maxHa })} />)}
        </div>
        <Checks legend={t('kind')}>
          {ZONE_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={f.kinds.includes(k)} onChange={(e) => set({ kinds: toggled(f.kinds, k, e.target.checked) })} /> {k}
              <span className="sr-only"> {ZONE_KIND_LABELS[k][lang]}</span>
            </label>
          ))}
        </Checks>
        <details className="find-more" open={f.items.length > 0 || f.minProgress !== null}>
          <summary>{t('findReadiness')}</summary>
          {field('minProgress', t('findMinProgress'), <NumberInput id={`${id}-minProgress`} value={f.minProgress} onValue={(minProgress) => set({ minProgress })} />)}
          <Checks legend={t('findItemsDone')}>
            {INFRA_ITEMS.map((item) => (
              <label key={item}>
                <input type="checkbox" checked={f.items.includes(item)} onChange={(e) => set({ items: toggled(f.items, item, e.target.checked) })} />{' '}
                {INFRA_LABELS[item][lang]}
              </label>
            ))}
          </Checks>
        </details>
        <details className="find-more" open={f.maxRoadKm !== null || f.maxSeatKm !== null || f.roads.length > 0}>
          <summary>{t('findDistance')}</summary>
          {field('maxRoadKm', t('findMaxRoadKm'), <NumberInput id={`${id}-maxRoadKm`} value={f.maxRoadKm} onValue={(maxRoadKm) => set({ maxRoadKm })} />)}
          <Checks legend={t('findRoads')}>
            {NATIONAL_ROADS.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={f.roads.includes(r)} onChange={(e) => set({ roads: toggled(f.roads, r, e.target.checked) })} /> {r}
              </label>
            ))}
            <small className="hint">{t('findRoadsHint')}</small>
          </Checks>
          {field('maxSeatKm', t('findMaxSeatKm'), <NumberInput id={`${id}-maxSeatKm`} value={f.maxSeatKm} onValue={(maxSeatKm) => set({ maxSeatKm })} />)}
        </details>
        <details className="find-more" open={!!(f.district || f.commune || f.statuses.length || f.sector)}>
          <summary>{t('findLocationMore')}</summary>
          <div className="field-row">
            {field(
              'district',
              t('findDistrict'),
              <select id={`${id}-district`} value={f.district ?? ''} onChange={(e) => set({ district: e.target.value || null })}>
                <option value="">{t('findAny')}</option>
                {districts.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>,
            )}
            {field(
              'commune',
              t('findCommune'),
              <select id={`${id}-commune`} value={f.commune ?? ''} onChange={(e) => set({ commune: e.target.value || null })}>
                <option value="">{t('findAny')}</option>
                {communes.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>,
            )}
          </div>
          <Checks legend={t('findZoneStatus')}>
            {ZONE_STATUSES.map((s) => (
              <label key={s}>
                <input type="checkbox" checked={f.statuses.includes(s)} onChange={(e) => set({ statuses: toggled(f.statuses, s, e.target.checked) })} />{' '}
                {ZONE_STATUS_LABELS[s][lang]}
              </label>
            ))}
          </Checks>
          {field(
            'sector',
            t('findSector'),
            <>
              <input id={`${id}-sector`} list={`${id}-sectors`} value={f.sector ?? ''} autoComplete="off" onChange={(e) => set({ sector: e.target.value.trim() ? e.target.value : null })} />
              <datalist id={`${id}-sectors`}>
                {sectors.map((s) => (
                  <option key={s} value={sectorLabel(s, lang).text} />
                ))}
              </datalist>
            </>,
            t('findSectorHint'),
          )}
        </details>
        <div className="find-sort">
          {field(
            'sort',
            t('findSort'),
            <select id={`${id}-sort`} value={f.sort} onChange={(e) => set({ sort: e.target.value as Sort })}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(SORT_KEYS[s])}
                </option>
              ))}
            </select>,
          )}
          <button type="button" className="secondary" onClick={() => onFilters({ ...NO_FILTERS, sort: f.sort })}>
            {t('findReset')}
          </button>
        </div>
      </form>

      <section className="find-results" aria-labelledby={`${id}-results`}>
        <h3 id={`${id}-results`}>{t('findResults')}</h3>
        {!results ? (
          <p className="form-notice">{t('loading')}</p>
        ) : (
          <>
            <p className="find-count">{t('findCount', { n: results.length, ha: num(totalHa(results), 2) })}</p>
            {results.length === 0 ? (
              <p className="nodata">{t('findNone')}</p>
            ) : (
              <>
                <button type="button" className="link" onClick={() => onShowAll(results.map((r) => r.plot))}>
                  {t('findShowAll')}
                </button>
                <ol className="result-list" data-testid="find-results">
                  {results.map((r) => {
                    const road = nearestRoad(r, f.roads);
                    const item = { kind: 'plot', id: r.plot.id } as const;
                    const listed = shortlist.has(item);
                    return (
                      <li
                        key={r.plot.id}
                        data-plot-id={r.plot.id}
                        onMouseEnter={() => controller?.hoverPlot(r.plot.id)}
                        onMouseLeave={() => controller?.hoverPlot(null)}
                      >
                        <button
                          type="button"
                          className="result"
                          onClick={() => onPick(r.plot.id)}
                          onFocus={() => controller?.hoverPlot(r.plot.id)}
                          onBlur={() => controller?.hoverPlot(null)}
                        >
                          <strong>
                            {t('plot')} {r.plot.properties.code}
                          </strong>{' '}
                          · {r.zone.properties.name[lang]}
                          <ConfidenceBadge confidence={confidenceOf(r.plot.properties.statusConfidence)} />
                          <span className="result-figures">
                            {num(r.areaHa, 2)} {t('ha')}
                            {road && (
                              <>
                                {' '}
                                · {road.ref} {num(road.km)} km
                              </>
                            )}
                            {r.distances.seat !== null && (
                              <>
                                {' '}
                                · {t('seatShort')} {num(r.distances.seat)} km
                              </>
                            )}{' '}
                            · {t('progress')} <ConfidentFigure value={pct(r.readinessPct)} confidence={r.zone.properties.confidence.progress} />
                          </span>
                        </button>
                        <button
                          type="button"
                          className="link star"
                          aria-pressed={listed}
                          disabled={!listed && shortlist.items.length >= SHORTLIST_MAX}
                          title={!listed && shortlist.items.length >= SHORTLIST_MAX ? t('shortlistFull', { n: SHORTLIST_MAX }) : t(listed ? 'shortlistRemove' : 'shortlistAdd')}
                          aria-label={`${t(listed ? 'shortlistRemove' : 'shortlistAdd')}: ${t('plot')} ${r.plot.properties.code}`}
                          onClick={() => shortlist.toggle(item)}
                        >
                          {listed ? '★' : '☆'}
                        </button>
                      </li>
                    );
                  })}
                </ol>
                <p className="hint">{t('findDistanceNote')}</p>
              </>
            )}
          </>
        )}
        {unlaidZones.length > 0 && (
          <div className="unlaid-zones" data-testid="find-zones">
            <h4>{t('findZonesNoLayout', { n: unlaidZones.length })}</h4>
            <p className="hint">{t('findZonesNoLayoutNote')}</p>
            <ul className="result-list">
              {unlaidZones.map((z) => (
                <li key={z.id} data-zone-id={z.id}>
                  <button type="button" className="result" onClick={() => onPickZone(z.id)}>
                    <strong>{z.properties.name[lang]}</strong>
                    {z.properties.region && <> · {REGION_LABELS[z.properties.region][lang]}</>}
                    <span className="result-figures">
                      {ZONE_STATUS_LABELS[z.properties.status][lang]} · {t('occupancy')}{' '}
                      <ConfidentFigure value={pct(z.properties.occupancy.valuePct)} confidence={z.properties.confidence.occupancy} />
                      {z.properties.occupancy.asOf && <> ({when(z.properties.occupancy.asOf)})</>}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
