/**
 * The leaders' tools: the Resolution 16 dashboard, the timeline (with before/after), presentation
 * mode and exports. App holds one `useLeaders()` state; `LeadersMenu` sits in the header and
 * `LeadersOverlays` over the map.
 */
import { useQueryClient } from '@tanstack/react-query';
import { formatDate, localToday } from '../../i18n/dates.ts';
import { statsAsOf } from '../../lib/occupancy-text.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ContextCollection, PlotCollection, Stats, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ColourMode } from '../../lib/hash-state.ts';
import { editDates, occupancyAt, stepIndexForYear, statesAt, TIMELINE_START_YEAR, timelineSteps } from '../../lib/timeline.ts';
import type { StatsAtDate } from '../StatsBar.tsx';
import { canvasBlob, download } from '../../lib/download.ts';
import { pictureFrame, type MapController } from '../../map/map-controller.ts';
import { picturedSources } from './pictured-sources.ts';
import type { PictureKind } from '../../map/map-picture.ts';
import { canEdit, useSession } from '../../session/session.tsx';
import { captionFor } from './tour-captions.ts';
import { TimelineBar, useStepLabel } from './TimelineBar.tsx';
import { deferred } from '../deferred.tsx';
import { keys } from '../../data/keys.ts';
import { useHistories, useTargets, useTour } from '../../data/queries.ts';
import { useDataUpdates } from '../../data/updates.ts';
import './leaders.css';

/** Planners only: not in the first download. */
const TourEditor = deferred(() => import('./TourEditor.tsx').then((m) => m.TourEditor));
// The leaders' views load when opened: they and their charts are not part of the first map.
const Dashboard = deferred(() => import('./Dashboard.tsx').then((m) => m.Dashboard));
const CompareView = deferred(() => import('./CompareView.tsx').then((m) => m.CompareView));
const Presentation = deferred(() => import('./Presentation.tsx').then((m) => m.Presentation));

export type ExportKind = PictureKind | 'pdf';
type View = { dashboard: boolean; timeline: boolean; presenting: boolean; comparing: boolean };

export function useLeaders() {
  const [view, setView] = useState<View>({ dashboard: false, timeline: false, presenting: false, comparing: false });
  const [exportRequest, setExportRequest] = useState<{ kind: ExportKind; n: number } | null>(null);
  // The province figures at the timeline's date, while it shows a past one (null: today's).
  const [statsAt, setStatsAt] = useState<StatsAtDate | null>(null);
  return {
    view,
    statsAt,
    setStatsAt,
    toggle: (k: keyof View) => setView((v) => ({ ...v, [k]: !v[k] })),
    set: (k: keyof View, on: boolean) => setView((v) => ({ ...v, [k]: on })),
    requestExport: (kind: ExportKind) => setExportRequest((r) => ({ kind, n: (r?.n ?? 0) + 1 })),
    exportRequest,
    /** The dashboard, the presentation and the before/after maps take the place of the zone and plot panels. */
    hidesPanels: view.dashboard || view.presenting || (view.timeline && view.comparing),
  };
}
export type Leaders = ReturnType<typeof useLeaders>;

const EXPORTS: { kind: ExportKind; label: 'ldExportPng1' | 'ldExportPng2' | 'ldExportPrint' | 'ldExportPdf' }[] = [
  { kind: '1x', label: 'ldExportPng1' },
  { kind: '2x', label: 'ldExportPng2' },
  { kind: 'print', label: 'ldExportPrint' },
  { kind: 'pdf', label: 'ldExportPdf' },
];

/** Header buttons: dashboard, timeline, presentation, export. */
export function LeadersMenu({ leaders, onExportData }: { leaders: Leaders; onExportData: () => void }) {
  const { t } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  /** Folds the menu; the focus, which was on an item now hidden, goes back to the menu's button. */
  const closeMenu = () => {
    if (!menu.current) return;
    const inside = menu.current.contains(document.activeElement);
    menu.current.open = false;
    if (inside) menu.current.querySelector('summary')?.focus();
  };
  return (
    <nav className="leaders-menu" aria-label={t('ldMenu')}>
      <button type="button" className="lang" aria-pressed={leaders.view.dashboard} onClick={() => leaders.toggle('dashboard')} data-testid="open-dashboard">
        {t('ldR16')}
      </button>
      <button type="button" className="lang" aria-pressed={leaders.view.timeline} onClick={() => leaders.toggle('timeline')} data-testid="open-timeline">
        {t('ldTimeline')}
      </button>
      <button type="button" className="lang" onClick={() => leaders.set('presenting', true)} data-testid="open-presentation">
        {t('ldPresent')}
      </button>
      <details
        className="export-menu"
        ref={menu}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !menu.current?.open) return;
          e.preventDefault();
          closeMenu();
        }}
      >
        <summary className="lang">{t('ldExport')}</summary>
        <ul>
          {EXPORTS.map((e) => (
            <li key={e.kind}>
              <button
                type="button"
                data-testid={`export-${e.kind}`}
                onClick={() => {
                  closeMenu();
                  leaders.requestExport(e.kind);
                }}
              >
                {t(e.label)}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              data-testid="export-data"
              onClick={() => {
                closeMenu();
                onExportData();
              }}
            >
              {t('dxOpen')}
            </button>
          </li>
        </ul>
      </details>
    </nav>
  );
}

type OverlayProps = {
  leaders: Leaders;
  controller: MapController | null;
  zones: ZoneApiFeature[] | null;
  plots: PlotCollection | null;
  context: ContextCollection | null;
  stats: Stats | null;
  sources: Source[];
  mode: ColourMode;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onShowZone: (id: string) => void;
  /**
   * What the map shows (the region chosen, the whole province by default): a map picture is of that
   * map, while the Resolution 16 views, the timeline and the brief keep former Bắc Kạn's `zones`.
   */
  shown: { zones: ZoneApiFeature[] | null; plots: PlotCollection | null; stats: Stats | null };
};

const PLAY_MS = 1300;

export function LeadersOverlays({ leaders, controller, zones, plots, context, stats, sources, mode, selected, onSelect, onShowZone, shown }: OverlayProps) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { view } = leaders;
  const needsHistory = view.dashboard || view.timeline || view.presenting;
  const qc = useQueryClient();
  const updates = useDataUpdates();
  // Each is asked for once it is first needed, then kept and refreshed by edits (data/updates.ts).
  const { data: targets = null, error: targetsError } = useTargets(view.dashboard || view.presenting);
  const histories = useHistories(needsHistory).data ?? null;
  const tourQuery = useTour(view.presenting || view.dashboard);
  const tour = tourQuery.data?.value ?? null;
  /** The version the tour editor saves against. */
  const tourEtag = tourQuery.data?.etag ?? null;
  // The last tour loaded stays on screen if the server cannot be reached: the presentation says so.
  const offline = tourQuery.isError;
  const [today] = useState(() => new Date());
  const steps = useMemo(() => timelineSteps(today, histories ? editDates(histories) : []), [today, histories]);
  const [index, setIndex] = useState(Number.MAX_SAFE_INTEGER);
  const stepIndex = Math.min(index, steps.length - 1);
  const step = steps[stepIndex]!;
  const [playing, setPlaying] = useState(false);
  const [stopZone, setStopZone] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [tourEditing, setTourEditing] = useState(false);
  const stepLabel = useStepLabel();

  // Leaving: today's colours and no ring.
  useEffect(
    () => () => {
      controller?.setTimeline(null, false);
      controller?.ringZone(null);
    },
    [controller],
  );

  const states = useMemo(() => (zones && histories ? statesAt(zones, histories, step) : null), [zones, histories, step]);
  const beforeIndex = stepIndexForYear(steps, TIMELINE_START_YEAR);
  const beforeStates = useMemo(() => (zones && histories ? statesAt(zones, histories, steps[beforeIndex]!) : null), [zones, histories, steps, beforeIndex]);

  // Timeline colours on the main map: feature-state only, the data is never resent.
  // In the map's own colour mode: the map derives the colours from both (one writer).
  useEffect(() => controller?.setTimeline(view.timeline && states ? states : null, step.kind !== 'today'), [controller, view.timeline, states, step.kind]);

  // The headline totals follow the timeline's date: that date's figures, or "no data" where none.
  const atPast = view.timeline && step.kind !== 'today';
  const statsAt = useMemo(
    () => (atPast && zones && states ? { label: t('ldStateAt', { date: formatDate(lang, step.date) }), byKind: occupancyAt(zones, states, step.date) } : null),
    [atPast, zones, states, lang, step.date],
  );
  useEffect(() => leaders.setStatsAt(statsAt), [statsAt]);
  useEffect(() => () => leaders.setStatsAt(null), []);

  // Opening the dashboard, the timeline or the before/after view keeps every zone in view clear of
  // what now lies over the map: the dashboard beside it, the bar at the bottom, the legend above
  // it, the province figures (and, in before/after, the legend over the left-hand map, whose
  // camera follows this one).
  useEffect(() => {
    if (!controller || !zones || !(view.timeline || view.dashboard)) return;
    const id = requestAnimationFrame(() => {
      const q = (sel: string) => document.querySelector(sel);
      const own = controller.paddingFor([q('[data-testid="r16-dashboard"]'), q('[data-testid="timeline"]'), q('[data-testid="legend"]'), q('[data-testid="stats"]')]);
      const left = q('[data-testid="compare-map"]') as HTMLElement | null;
      const other = left ? controller.paddingFor([q('[data-testid="timeline"]'), q('[data-testid="legend"]')], 16, left) : own;
      const padding = { top: Math.max(own.top, other.top), right: Math.max(own.right, other.right), bottom: Math.max(own.bottom, other.bottom), left: Math.max(own.left, other.left) };
      controller.keepZonesClear(zones, padding);
    });
    return () => cancelAnimationFrame(id);
  }, [controller, view.timeline, view.dashboard, view.comparing, !zones]);

  // The zone picked in a chart, or the tour's stop, is ringed on the map.
  const ringed = view.presenting ? stopZone : view.dashboard || view.timeline ? selected : null;
  useEffect(() => controller?.ringZone(ringed), [controller, ringed]);

  useEffect(() => {
    if (!playing) return;
    if (stepIndex >= steps.length - 1) {
      setPlaying(false);
      return;
    }
    const id = setTimeout(() => setIndex(stepIndex + 1), PLAY_MS);
    return () => clearTimeout(id);
  }, [playing, stepIndex, steps.length]);

  useEffect(() => {
    if (!view.timeline) {
      setPlaying(false);
      leaders.set('comparing', false);
    }
  }, [view.timeline]);

  // Exports.
  useEffect(() => {
    const req = leaders.exportRequest;
    if (!req || !controller || !zones) return;
    let live = true;
    // The file name's date is the reader's day, not UTC's (Vietnam is 7 hours ahead).
    const day = localToday(today);
    const timeline = view.timeline && states && step.kind !== 'today' ? { states, label: stepLabel(step) } : null;
    const data = { zones, plots, context, selected };
    // A picture of the map at a timeline date shows the timeline's zones; otherwise what the map shows.
    const pictured = timeline || !shown.zones ? { zones, plots, stats } : shown;
    setBusy(t('ldExporting'));
    setMessage(null);
    const frame = pictureFrame(pictured.zones!, controller.viewBounds(), selected);
    const sourcesInWords = picturedSources(pictured.zones!, frame.bounds, sources, lang);
    const run = async () => {
      if (req.kind === 'pdf') {
        const { makeBrief } = await import('./pdf-brief.ts');
        const tg = targets ?? (await qc.fetchQuery({ queryKey: keys.targets, queryFn: api.targets }).catch(() => null));
        const blob = await makeBrief({ lang, mode, data, stats, targets: tg, sources, timeline });
        const name = `iz-atlas-brief-${day}.pdf`;
        download(blob, name);
        return name;
      }
      // Loaded when a picture is asked for: its canvas drawing is not part of the first map.
      const { renderMapPicture } = await import('../../map/map-picture.ts');
      const canvas = await renderMapPicture(
        controller,
        req.kind,
        {
          lang,
          mode,
          title: t('appTitle'),
          subtitle: `${t(mode)}${timeline ? ` · ${t('ldStateAt', { date: formatDate(lang, step.date) })}` : ''}`,
          dataDate: timeline ? t('ldStateAt', { date: formatDate(lang, step.date) }) : t('ldDataAsOf', { date: pictured.stats && statsAsOf(pictured.stats) ? formatDate(lang, statsAsOf(pictured.stats)!) : t('noData') }),
          plotsShown: !timeline,
          sources: sourcesInWords,
        },
        { mode, lang, data: { ...data, zones: pictured.zones!, plots: pictured.plots }, prepare: (c) => timeline && c.setTimeline(timeline.states, true) },
        frame,
      );
      const name = `iz-atlas-map-${req.kind === 'print' ? 'a4-300dpi' : req.kind}-${day}.png`;
      download(await canvasBlob(canvas), name);
      return `${name} (${canvas.width}×${canvas.height})`;
    };
    run().then(
      (name) => live && setMessage({ text: t('ldExportDone', { file: name }), error: false }),
      (e: unknown) => {
        // What the browser said (a canvas or WebGL failure) is for the console; the reader gets the outcome in their language.
        console.error('iz-atlas: map picture failed', e);
        if (live) setMessage({ text: t('ldExportFailed'), error: true });
      },
    ).finally(() => live && setBusy(null));
    return () => {
      live = false;
    };
  }, [leaders.exportRequest?.n]);

  if (!zones) return null;
  const captionData = { zones, stats, plots };
  return (
    <>
      {view.dashboard && (
        <Dashboard
          zones={zones}
          histories={histories}
          targets={targets}
          targetsError={targetsError}
          sources={sources}
          selected={selected}
          onSelect={onSelect}
          onShowZone={onShowZone}
          onClose={() => leaders.set('dashboard', false)}
          today={today}
          tourSection={
            <section aria-labelledby="r16-tour" className="tour-section">
              <h3 id="r16-tour">{t('ldTour')}</h3>
              {tour && (
                <ol className="tour-stops">
                  {tour.stops.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a target may appear twice in a tour; its place tells the stops apart
                    <li key={`${s.target}-${i}`}>{captionFor(s, captionData, lang)}</li>
                  ))}
                </ol>
              )}
              <div className="actions">
                <button type="button" onClick={() => leaders.set('presenting', true)}>
                  {t('ldPresent')}
                </button>
                {canEdit(user) && tour && (
                  <button type="button" className="secondary" aria-expanded={tourEditing} onClick={() => setTourEditing((e) => !e)} data-testid="edit-tour">
                    {t('ldEditTour')}
                  </button>
                )}
              </div>
              {tourEditing && tour && canEdit(user) && <TourEditor tour={tour} etag={tourEtag} zones={zones} data={captionData} onSaved={updates.tourSaved} onClose={() => setTourEditing(false)} />}
            </section>
          }
        />
      )}
      {view.timeline && view.comparing && controller && beforeStates && (
        <CompareView
          main={controller}
          zones={zones}
          context={context}
          states={beforeStates}
          beforeLabel={t('ldStateAt', { date: formatDate(lang, steps[beforeIndex]!.date) })}
          afterLabel={t('ldTodayCurrent')}
          mode={mode}
          selected={selected}
        />
      )}
      {view.timeline && (
        <TimelineBar
          steps={steps}
          index={stepIndex}
          onIndex={(i) => {
            setPlaying(false);
            setIndex(i);
          }}
          playing={playing}
          onPlay={() => {
            if (playing) return setPlaying(false);
            if (stepIndex >= steps.length - 1) setIndex(0);
            setPlaying(true);
          }}
          comparing={view.comparing}
          onCompare={() => {
            leaders.toggle('comparing');
            setPlaying(false);
            setIndex(steps.length - 1);
          }}
          onClose={() => leaders.set('timeline', false)}
          states={states}
          zones={zones}
          selected={selected}
          mode={mode}
        />
      )}
      {view.presenting && tour && (
        <Presentation tour={tour} offline={offline} zones={zones} stats={stats} data={captionData} mode={mode} controller={controller} onStop={setStopZone} onExit={() => leaders.set('presenting', false)} />
      )}
      {(busy || message) && (
        <div className={`leaders-toast${message?.error ? ' error' : ''}`} role={message?.error ? 'alert' : 'status'} data-testid="export-status">
          {busy ?? message?.text}
          {!busy && (
            <button type="button" className="close" onClick={() => setMessage(null)} aria-label={t('close')}>
              ×
            </button>
          )}
        </div>
      )}
    </>
  );
}
