import type { ReactNode } from 'react';
import { ConfidenceBadge, ConfidentFigure } from '../ConfidenceBadge.tsx';
import type { ContextCollection, PlotApiFeature, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { INFRA_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NATIONAL_ROADS } from '../../lib/land-search.ts';
import { brochureHref } from '../enquiry/InvestorActions.tsx';
import { resolveSubject, subjectFacts, type Facts } from './facts.ts';
import { SHORTLIST_MAX, useShortlist, type ShortItem } from './shortlist.ts';
import { sectorLabel } from '../../../geodata/vocabulary.ts';

type Props = {
  zones: ZoneApiFeature[];
  plots: PlotApiFeature[];
  context: ContextCollection | null;
  sources: Source[];
  comparing: boolean;
  onCompare: (on: boolean) => void;
  onOpen: (item: ShortItem) => void;
};

/** The shortlist, and side by side the figures an investor weighs, "no data" where none is sourced. */
export function ShortlistPanel({ zones, plots, context, sources, comparing, onCompare, onOpen }: Props) {
  const { t, lang, num, pct, when } = useI18n();
  const shortlist = useShortlist();
  const rows = shortlist.items.map((item) => {
    const s = resolveSubject(item, zones, plots);
    return { item, facts: s ? subjectFacts(s, context, plots) : null };
  });
  const known = rows.filter((r): r is { item: ShortItem; facts: Facts } => !!r.facts);
  const noData = <span className="nodata">{t('noData')}</span>;
  const title = (f: Facts) => (f.zoneName ? `${f.title[lang]} · ${f.zoneName[lang]}` : f.title[lang]);
  const km = (v: number | null | undefined) => (v === null || v === undefined ? noData : `${num(v)} km`);
  const sourceTitle = (id: string) => sources.find((s) => s.id === id)?.title ?? id;

  const compareRows: [string, (f: Facts) => ReactNode][] = [
    [t('area'), (f) => (f.areaHa === null ? noData : `${num(f.areaHa, 2)} ${t('ha')}`)],
    [t('availableLand'), (f) => (f.availableHa === null ? noData : <ConfidentFigure value={`${num(f.availableHa, 2)} ${t('ha')}`} confidence={f.statusConfidence} />)],
    [t('status'), (f) => (
      <>
        {f.status[lang] + (f.zoneStatus ? ` (${f.zoneStatus[lang]})` : '')}
        <ConfidenceBadge confidence={f.statusConfidence} />
      </>
    )],
    [t('progress'), (f) => <ConfidentFigure value={pct(f.readinessPct)} confidence={f.readinessConfidence} />],
    [t('itemsComplete'), (f) => (f.itemsComplete.length ? f.itemsComplete.map((i) => INFRA_LABELS[i][lang]).join(', ') : noData)],
    ...NATIONAL_ROADS.map((r): [string, (f: Facts) => ReactNode] => [`${r} (${t('straightLine')})`, (f) => km(f.distances?.[r])]),
    [`${t('seatLong')} (${t('straightLine')})`, (f) => km(f.distances?.seat)],
    [t('price'), (f) => (f.price ? `${num(f.price.min, 0)}${f.price.max !== f.price.min ? `–${num(f.price.max, 0)}` : ''} ${t('priceUnit')}` : noData)],
    [t('developer'), (f) => f.developer ?? noData],
    [t('sectors'), (f) => (f.sectors.length ? f.sectors.map((s) => sectorLabel(s, lang).text).join(', ') : noData)],
    [t('dataAsOf'), (f) => (f.asOf ? when(f.asOf) : noData)],
    [t('sources'), (f) => (
      <ul className="compare-sources">
        {f.sourceIds.map((id) => (
          <li key={id}>{sourceTitle(id)}</li>
        ))}
      </ul>
    )],
  ];

  return (
    <div className="shortlist" data-testid="shortlist">
      <p className="help">{t('shortlistHelp', { n: SHORTLIST_MAX })}</p>
      {rows.length === 0 ? (
        <p className="nodata">{t('shortlistEmpty')}</p>
      ) : (
        <ul className="result-list">
          {rows.map(({ item, facts }) => (
            <li key={`${item.kind}:${item.id}`}>
              <button type="button" className="result" onClick={() => onOpen(item)} disabled={!facts}>
                <strong>{facts ? title(facts) : item.id}</strong>
                {facts && (
                  <span className="result-figures">
                    {facts.areaHa === null ? t('noData') : `${num(facts.areaHa, 2)} ${t('ha')}`} · {facts.status[lang]}
                    <ConfidenceBadge confidence={facts.statusConfidence} />
                  </span>
                )}
              </button>
              <button type="button" className="link" onClick={() => shortlist.remove(item)} aria-label={`${t('remove')}: ${facts ? title(facts) : item.id}`}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" disabled={known.length < 2} onClick={() => onCompare(!comparing)} aria-pressed={comparing}>
          {comparing ? t('compareHide') : t('compare')}
        </button>
        {known.length < 2 && <small className="hint">{t('compareNeedTwo')}</small>}
      </div>
      {comparing && known.length >= 2 && (
        <div className="table-scroll">
          <table className="compare" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">{t('compare')}</span>
                </th>
                {known.map(({ item, facts }) => (
                  <th key={`${item.kind}:${item.id}`} scope="col">
                    {title(facts)}
                    <br />
                    <a href={brochureHref(item.kind, item.id)} target="_blank" rel="noopener">
                      {t('brochure')}
                    </a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {compareRows.map(([label, cell]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {known.map(({ item, facts }) => (
                    <td key={`${item.kind}:${item.id}`}>{cell(facts)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
