/**
 * The PDF brief: A4 landscape, one page for the province and one per zone, each with a map
 * picture, its key figures and its sources. Made in the browser with jsPDF (loaded only when a
 * brief is asked for), text in the bundled Noto Sans so Vietnamese prints correctly.
 */
import { formatDate } from '../../i18n/dates.ts';
import { statsAsOf } from '../../lib/occupancy-text.ts';
import { zoneSourceIds } from '../../lib/zone-sources.ts';
import type { Stats, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { ZONE_KIND_LABELS, ZONE_STATUS_LABELS, ZONE_STATUSES } from '../../../geodata/vocabulary.ts';
import type { TargetsResponse } from '../../api.ts';
import { formatNumber, translate, type Lang, type StringKey } from '../../i18n/strings.ts';
import type { ColourMode } from '../../lib/hash-state.ts';
import type { ZoneState } from '../../lib/timeline.ts';
import { frameFor } from '../../map/map-controller.ts';
import { offscreenMap, type OffscreenData } from '../../map/offscreen-map.ts';
import { furniturePadding, recordPicture } from '../../map/map-picture.ts';
import { decorationBoxes, drawDecorations, loadCanvasFonts, type Decorations } from '../../map/picture-decorations.ts';
import { ALL_ZONE_FIGURES, keyFigures, PROVINCE_FIGURES } from './key-figures.ts';
import { PdfText, addNotoSans, type TextStyle } from './pdf-text.ts';

export type BriefInput = {
  lang: Lang;
  mode: ColourMode;
  data: OffscreenData;
  stats: Stats | null;
  targets: TargetsResponse | null;
  sources: Source[];
  /** Timeline colours to draw the pictures with, when the timeline is on. */
  timeline: { states: ReadonlyMap<string, ZoneState>; label: string } | null;
};

const PAGE = { w: 297, h: 210, m: 12 };
const MAP_CSS = { w: 960, h: 640 };
const MAP_RATIO = 1.25;
const MAP_BOX = { x: PAGE.m, y: 30, w: 170 };
const COL_X = MAP_BOX.x + MAP_BOX.w + 8;
const COL_W = PAGE.w - PAGE.m - COL_X;

function sourceLine(lang: Lang, s: Source): string {
  return `${s.title}${s.publisher ? `, ${s.publisher}` : ''}${s.date ? ` (${formatDate(lang, s.date)})` : ''}${s.url ? `. ${s.url}` : ''}`;
}

export async function makeBrief(input: BriefInput): Promise<Blob> {
  const { lang } = input;
  const t = (k: StringKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
  const [{ jsPDF }] = await Promise.all([import('jspdf'), loadCanvasFonts()]);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  await addNotoSans(doc);
  doc.setProperties({ title: `${t('appTitle')} · ${t('ldBriefTitle')}`, creator: 'iz-atlas', subject: t('ldR16') });
  const w = new PdfText(doc);
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  // The sources' date of the headline figures, not the moment the brief is made.
  const newest = input.stats ? statsAsOf(input.stats) : null;
  const asOf = newest ? formatDate(lang, newest) : t('noData');
  const pages: { target: string; zone: ZoneApiFeature | null }[] = [
    { target: 'province', zone: null },
    ...input.data.zones.map((z) => ({ target: z.id, zone: z })),
  ];

  const off = await offscreenMap({
    cssWidth: MAP_CSS.w,
    cssHeight: MAP_CSS.h,
    ratio: MAP_RATIO,
    view: { lat: 22.27, lon: 105.84, zoom: 8 },
    mode: input.mode,
    lang,
    data: { ...input.data, selected: null },
  });
  if (input.timeline) off.controller.setTimeline(input.timeline.states, true);
  const furniture: Decorations = {
    lang,
    mode: input.mode,
    title: '',
    subtitle: '',
    dataDate: '',
    sources: '',
    plotsShown: !input.timeline,
    parts: { title: false, footer: false, legend: true, scale: true, north: true },
  };
  try {
    for (const [i, page] of pages.entries()) {
      if (i > 0) doc.addPage('a4', 'landscape');
      // Map picture.
      off.controller.select(page.zone?.id ?? null);
      // The legend, scale and north arrow are drawn over the picture: the camera is padded for them.
      const frame = frameFor(page.target, input.data.zones);
      const { padding } = furniturePadding({ width: MAP_CSS.w, height: MAP_CSS.h }, MAP_RATIO, frame.maxZoom, furniture);
      off.controller.frame(frame, padding, 0);
      const picture = await off.capture();
      const camera = off.controller.camera();
      const layout = drawDecorations(picture.getContext('2d')!, picture, MAP_RATIO, camera, furniture);
      recordPicture({ kind: `pdf-${page.target}`, cssWidth: MAP_CSS.w, cssHeight: MAP_CSS.h, ratio: MAP_RATIO, camera, furniture: decorationBoxes(layout, MAP_RATIO), sources: '' });
      const mapH = (MAP_BOX.w * MAP_CSS.h) / MAP_CSS.w;
      doc.addImage(picture.toDataURL('image/jpeg', 0.86), 'JPEG', MAP_BOX.x, MAP_BOX.y, MAP_BOX.w, mapH, `map-${i}`, 'FAST');
      doc.setDrawColor(150);
      doc.rect(MAP_BOX.x, MAP_BOX.y, MAP_BOX.w, mapH);

      // Header.
      const title = page.zone ? page.zone.properties.name[lang] : `${t('appTitle')} · ${t('province')}`;
      const heading = w.fit(title, PAGE.w - 2 * PAGE.m, { size: 17, bold: true }, 13, 9);
      const lh = heading.style.size * 0.3528 * 1.2;
      heading.lines.forEach((l, k) => {
        w.line(PAGE.m, 17 - (heading.lines.length - 1 - k) * lh, l, heading.style);
      });
      const sub = page.zone
        ? `${ZONE_KIND_LABELS[page.zone.properties.kind][lang]} · ${ZONE_STATUS_LABELS[page.zone.properties.status][lang]} · ${[page.zone.properties.addressNew.commune, page.zone.properties.addressNew.province].filter(Boolean).join(', ')}`
        : t('appSubtitle');
      w.line(PAGE.m, 24, `${sub} · ${input.timeline ? t('ldBriefMapAt', { date: input.timeline.label }) : t('ldDataAsOf', { date: asOf })}`, { size: 9.5, color: [70, 70, 70] });

      // Key figures.
      const label: TextStyle = { size: 8.5, color: [90, 90, 90] };
      const value: TextStyle = { size: 12, bold: true };
      let y = MAP_BOX.y + 4;
      w.line(COL_X, y, t('ldKeyFigures'), { size: 11, bold: true });
      y += 7;
      const figs = keyFigures(page.zone ? ALL_ZONE_FIGURES : PROVINCE_FIGURES, page.zone, input.stats, lang);
      if (page.zone) {
        const land = page.zone.properties.land;
        const i = figs.findIndex((f) => f.key === 'occupancy');
        if (i >= 0 && land.leasableHa > 0) figs[i] = { ...figs[i]!, value: `${figs[i]!.value} (${formatNumber(lang, land.leasedHa)}/${formatNumber(lang, land.leasableHa)} ${t('ha')})` };
      }
      for (const f of figs) {
        w.line(COL_X, y, f.label, label);
        y = w.paragraph(COL_X, y + 5, f.value, COL_W, f.known ? value : { ...value, bold: false, color: [110, 110, 110] }, 150) + 1.5;
        if (f.detail) y = w.paragraph(COL_X, y, f.detail, COL_W, { size: 9 }, 150) + 1;
      }
      const cited: string[] = [];
      if (!page.zone) {
        const counts = ZONE_STATUSES.filter((s) => (input.stats?.zonesByStatus[s] ?? 0) > 0)
          .map((s) => `${ZONE_STATUS_LABELS[s][lang]}: ${input.stats!.zonesByStatus[s]}`)
          .join(' · ');
        w.line(COL_X, y, t('ldZonesByStatus'), label);
        y = w.paragraph(COL_X, y + 5, counts, COL_W, { size: 10 }) + 2;
        const tg = input.targets;
        if (tg) {
          w.line(COL_X, y, t('ldR16'), label);
          y = w.paragraph(COL_X, y + 5, t('ldReviewSummary', { met: tg.review.met, total: tg.review.total }), COL_W, value) + 1;
          for (const x of tg.targets.filter((x) => x.status !== 'met')) {
            const status = t(x.status === 'not_met' ? 'ldNotMet' : 'ldUnknown');
            y = w.paragraph(COL_X, y, `${status}: ${x.label ? x.label[lang] : t('ldUnnamedTarget')}`, COL_W, { size: 9.5, bold: true, color: [178, 24, 43] }, 150) + 1;
          }
          cited.push(tg.review.sourceId, ...tg.targets.map((x) => x.sourceId).filter((x): x is string => !!x));
        }
      } else {
        const p = page.zone.properties;
        if (p.developer) {
          w.line(COL_X, y, t('developer'), label);
          y = w.paragraph(COL_X, y + 5, p.developer.text, COL_W, { size: 9.5 }, 150) + 1.5;
        }
        if (!p.hasLayout) y = w.paragraph(COL_X, y + 1, t('noLayout'), COL_W, { size: 8.5, color: [90, 90, 90] }, 150);
        cited.push(...zoneSourceIds(page.zone));
      }

      // Sources and notes under the map.
      let sy = MAP_BOX.y + mapH + 7;
      w.line(PAGE.m, sy, t('sources'), { size: 9, bold: true });
      sy += 4.5;
      const srcStyle: TextStyle = { size: 7, color: [60, 60, 60] };
      const notes = [t('ldBriefOccupancyNote'), ...[...new Set(cited)].map((id, k) => `[${k + 1}] ${byId.get(id) ? sourceLine(lang, byId.get(id)!) : id}`)];
      for (const n of notes) sy = w.paragraph(PAGE.m, sy, n, PAGE.w - 2 * PAGE.m, srcStyle, PAGE.h - 14);

      // Footer.
      doc.setDrawColor(180);
      doc.line(PAGE.m, PAGE.h - 10, PAGE.w - PAGE.m, PAGE.h - 10);
      w.line(PAGE.m, PAGE.h - 6, `${t('ldAttribution')} · ${t('approximate')}`, { size: 7, color: [90, 90, 90] });
      const pg = `${i + 1}/${pages.length}`;
      w.line(PAGE.w - PAGE.m - w.width(pg, { size: 8 }), PAGE.h - 6, pg, { size: 8 });
    }
  } finally {
    off.destroy();
  }
  return doc.output('blob');
}
