import { useEffect, useId, useRef, useState } from 'react';
import { LAND_USE_LABELS, PLOT_STATUSES, PLOT_STATUS_LABELS } from '../../geodata/vocabulary.ts';
import { OLD_AFTER_YEARS } from '../../geodata/confidence.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { STATED_MARK } from '../map/style/confidence-layers.ts';
import { InvestorLegend } from './find-land/InvestorLegend.tsx';
import { isPhone } from './find-land/layout.ts';
import type { ColourMode } from '../lib/hash-state.ts';
import {
  ADMIN,
  BASEMAP,
  CCN_OUTLINE,
  KCN_OUTLINE,
  MODE_RAMP,
  NON_LEASABLE_COLORS,
  PLOT_STATUS_COLORS,
} from '../map/style/symbology.ts';

/** A line swatch drawn like the map draws the line: colour, width, dashed or not. */
const line = (color: string, width: number, dashed = false) => ({
  height: 0,
  border: 0,
  borderTop: `${width}px ${dashed ? 'dashed' : 'solid'} ${color}`,
  background: 'transparent',
});
/** A bubble swatch: round, filled as the map fills a bubble. */
const bubble = (fill: string) => ({
  borderRadius: '50%',
  width: '0.9rem',
  height: '0.9rem',
  background: fill,
  border: `2px solid ${KCN_OUTLINE}`,
});

/**
 * Reads the same ramp objects as the map's expressions, so legend and map cannot disagree, and
 * follows what the map draws: zoomed in to the plots, their statuses (with the schematic layout's
 * mark, as the map writes it) lead and the zones' colours fold away, since the plots cover them.
 * Collapsible to its title row: open at first on a desktop, folded on a phone (where, open, it
 * would cover the zones). `alwaysOpen` (presentation mode) shows it open with no fold button. `onResize` is
 * called when its size changes after the first layout (folded, unfolded, another mode or
 * language), so the camera can keep the zones clear of it.
 */
export function Legend({
  mode,
  plotsDrawn = false,
  alwaysOpen = false,
  onResize,
}: {
  mode: ColourMode;
  /** The map draws the plots (zoomed in to them, and not at a past date of the timeline): their statuses lead. */
  plotsDrawn?: boolean;
  alwaysOpen?: boolean;
  onResize?: () => void;
}) {
  const { t, lang } = useI18n();
  const ramp = MODE_RAMP[mode];
  const [unfolded, setOpen] = useState(() => !isPhone());
  const open = unfolded || alwaysOpen;
  const bodyId = useId();
  const box = useRef<HTMLElement>(null);
  const resized = useRef(onResize);
  resized.current = onResize;
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let first = true;
    const observer = new ResizeObserver(() => {
      // The first report is the initial layout, which the first view already leaves room for.
      if (first) first = false;
      else resized.current?.();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // The zones' colours: what the map draws until the plots are drawn over them.
  const zoneRamp = (
    <ul data-testid="legend-ramp">
      {ramp.colors.map((color, i) => {
        const from = ramp.breaks[i]!;
        const to = ramp.breaks[i + 1] ?? 100;
        return (
          <li key={color}>
            <span className="swatch" style={{ background: color }} />
            {from}–{to} %
          </li>
        );
      })}
      <li>
        <span className="swatch" style={{ background: ramp.noData }} />
        {t('noData')}
      </li>
      <li>
        <span className="swatch hatch" />
        {t('preLeasing')}
      </li>
      <li className="legend-bubble-key" data-testid="legend-bubble">
        <span className="swatch" style={bubble(ramp.colors[2]!)} />
        {t('legendBubble')}
      </li>
      <li className="legend-bubble-key">
        <span className="swatch hatch" style={bubble('')} />
        {t('legendBubblePreLeasing')}
      </li>
    </ul>
  );
  // The plots' colours by status, and the words the map writes on a zone whose layout is schematic.
  const plotList = (
    <ul data-testid="legend-plots">
      {PLOT_STATUSES.map((s) => (
        <li key={s}>
          <span className="swatch" style={{ background: PLOT_STATUS_COLORS[s] }} />
          {PLOT_STATUS_LABELS[s][lang]}
        </li>
      ))}
      {(['infrastructure', 'green'] as const).map((u) => (
        <li key={u}>
          <span className="swatch" style={{ background: NON_LEASABLE_COLORS[u] }} />
          {LAND_USE_LABELS[u][lang]}
        </li>
      ))}
      <li className="legend-schematic" data-testid="legend-schematic">
        <span className="schematic-mark" aria-hidden="true">
          {t('confMapSchematic')}
        </span>
        <span>{t('legendSchematicMark')}</span>
      </li>
    </ul>
  );
  const title = plotsDrawn ? t('legendPlotStatus') : t(mode);
  return (
    <aside ref={box} className={open ? 'legend open' : 'legend folded'} aria-label={t('legend')} data-testid="legend">
      <h2>
        {alwaysOpen ? (
          title
        ) : (
          <button
            type="button"
            className="legend-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
            data-testid="legend-toggle"
          >
            <span className="sr-only">{t('legend')}: </span>
            {title}
            <span className="legend-chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
          </button>
        )}
      </h2>
      <div className="legend-body" id={bodyId} hidden={!open}>
        {plotsDrawn ? (
          <>
            {plotList}
            <details data-testid="legend-zones">
              <summary>{t('legendZonesWithoutPlots', { mode: t(mode) })}</summary>
              {zoneRamp}
            </details>
          </>
        ) : (
          zoneRamp
        )}
        <ul className="outlines">
          <li>
            <span className="swatch outline" style={{ borderColor: KCN_OUTLINE }} />
            {t('kcn')}
          </li>
          <li>
            <span className="swatch outline dashed" style={{ borderColor: CCN_OUTLINE }} />
            {t('ccn')}
          </li>
        </ul>
        {mode === 'occupancy' && (
          <ul className="outlines" data-testid="legend-stated">
            <li>
              <span className="swatch" style={{ background: ramp.colors[3], border: `${STATED_MARK.width}px dotted ${STATED_MARK.color}`, boxShadow: `0 0 0 2px ${KCN_OUTLINE}` }} />
              {t('legendStated')}
            </li>
          </ul>
        )}
        <ul className="confidence-marks" data-testid="legend-confidence" aria-label={t('confLegendTitle')}>
          <li>{t('confLegendPartial')}</li>
          <li>{t('confLegendOld', { years: OLD_AFTER_YEARS })}</li>
        </ul>
        <ul className="outlines legend-boundaries" aria-label={t('legendBoundaries')} data-testid="legend-boundaries">
          <li>
            <span className="swatch" style={line(ADMIN.province, 3)} />
            {t('legendProvince')}
          </li>
          <li>
            <span className="swatch" style={line(ADMIN.former, 3, true)} />
            {t('legendFormerBacKan')}
          </li>
          <li>
            <span className="swatch" style={line(ADMIN.commune, 1.5)} />
            {t('legendCommune')}
          </li>
          <li>
            <span className="swatch" style={{ background: ADMIN.land, borderColor: ADMIN.provinceEdge }} />
            {t('legendNeighbour')}
          </li>
          <li>
            <span className="swatch" style={line(BASEMAP.road, 3)} />
            {t('legendSchematic')}
          </li>
        </ul>
        <InvestorLegend />
        {!plotsDrawn && (
          <details>
            <summary>{t('plots')}</summary>
            {plotList}
          </details>
        )}
      </div>
    </aside>
  );
}
