/**
 * A map picture's furniture, drawn into a 2D canvas over the map's pixels: title, legend, data
 * date, scale bar, north arrow, sources and attribution.
 */
import { LAND_USE_LABELS, PLOT_STATUSES, PLOT_STATUS_LABELS } from '../../geodata/vocabulary.ts';
import { translate, type Lang } from '../i18n/strings.ts';
import type { ColourMode } from '../lib/hash-state.ts';
import { OLD_AFTER_YEARS } from '../../geodata/confidence.ts';
import type { Box } from './map-camera.ts';
import { PLOTS_MIN_ZOOM } from './style/ids.ts';
import { CCN_OUTLINE, KCN_OUTLINE, MODE_RAMP, NON_LEASABLE_COLORS, PLOT_STATUS_COLORS } from './style/symbology.ts';

export type Decorations = {
  lang: Lang;
  mode: ColourMode;
  title: string;
  subtitle: string;
  /** "Data as of …" line. */
  dataDate: string;
  sources: string;
  /** False when plots are hidden (timeline at a past date): the legend then leaves them out. */
  plotsShown?: boolean;
  /** Which parts to draw; the PDF has its own title and footer. */
  parts?: { title?: boolean; legend?: boolean; scale?: boolean; north?: boolean; footer?: boolean };
};

const font = (px: number, bold = false) => `${bold ? 700 : 400} ${px}px "Noto Sans", system-ui, sans-serif`;

/** Makes sure the bundled Noto Sans (Latin and Vietnamese) is ready for canvas text. */
export async function loadCanvasFonts() {
  if (!document.fonts) return;
  await Promise.all([document.fonts.load(font(16), 'Aă Huyền Tụng'), document.fonts.load(font(16, true), 'Aă Huyền Tụng')]).catch(() => undefined);
}

function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, s: number) {
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = '#9a9ea3';
  ctx.lineWidth = 1 * s;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 6 * s);
  ctx.fill();
  ctx.stroke();
}

/** Metres for a scale bar of at most `maxPx` pixels, rounded to 1, 2 or 5 × 10ⁿ. */
export function niceScale(metresPerPx: number, maxPx: number): { metres: number; px: number; label: string } {
  const max = metresPerPx * maxPx;
  const mag = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((m) => m * mag).find((m) => m <= max) ?? mag;
  return { metres, px: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** Metres per CSS pixel at the map's centre (MapLibre's 512-pixel tiles). */
export function metresPerCssPixel(lat: number, zoom: number) {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

type LegendRow = { kind: 'fill' | 'hatch' | 'outline' | 'dashed' | 'mark'; color: string; label: string };

function legendRows(d: Decorations, zoom: number): LegendRow[] {
  const t = (k: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(d.lang, k, vars);
  const ramp = MODE_RAMP[d.mode];
  return [
    ...ramp.colors.map((color, i) => ({ kind: 'fill' as const, color, label: `${ramp.breaks[i]}–${ramp.breaks[i + 1] ?? 100} %` })),
    { kind: 'fill', color: ramp.noData, label: t('noData') },
    { kind: 'hatch', color: '#6e6e6e', label: t('preLeasing') },
    { kind: 'outline', color: KCN_OUTLINE, label: t('kcn') },
    { kind: 'dashed', color: CCN_OUTLINE, label: t('ccn') },
    // Zoomed in far enough, the plots are drawn too, coloured by their status.
    ...((d.plotsShown ?? true) && zoom >= PLOTS_MIN_ZOOM
      ? [
          ...PLOT_STATUSES.map((st) => ({ kind: 'fill' as const, color: PLOT_STATUS_COLORS[st], label: `${t('plot')}: ${PLOT_STATUS_LABELS[st][d.lang]}` })),
          ...(['infrastructure', 'green'] as const).map((u) => ({ kind: 'fill' as const, color: NON_LEASABLE_COLORS[u], label: LAND_USE_LABELS[u][d.lang] })),
          { kind: 'mark' as const, color: '#444', label: t('confLegendSchematic') },
        ]
      : []),
    // The confidence marks of the labels (style/confidence-layers.ts); not drawn at a past date.
    ...((d.plotsShown ?? true)
      ? [
          { kind: 'mark' as const, color: '#111', label: t('confLegendPartial') },
          { kind: 'mark' as const, color: '#111', label: t('confLegendOld', { years: OLD_AFTER_YEARS }) },
        ]
      : []),
  ];
}

type Rect = { x: number; y: number; w: number; h: number };
/** Where each piece of furniture goes, in the picture's pixels. */
export type DecorationLayout = { footer: Rect | null; title: Rect | null; north: Rect | null; scale: Rect | null; legend: Rect | null; footerLines: string[]; rows: LegendRow[] };

const SCALE_MAX_PX = 140;

function footerLines(d: Decorations): string[] {
  const t = (k: Parameters<typeof translate>[1]) => translate(d.lang, k);
  return [`${d.dataDate} · ${t('approximate')}: ${t('approximateHelp')}`, `${t('ldSource')}: ${d.sources}`, t('ldAttribution'), t('attributionBoundaries')];
}

/**
 * The furniture's boxes for a picture of `size` at `s` pixels per CSS pixel, at a camera `zoom`
 * (the legend lists plot colours from the zoom plots are drawn at). Measured with the same fonts
 * it is drawn with, so the camera can be padded for it before the map is captured.
 */
export function decorationLayout(ctx: CanvasRenderingContext2D, size: { width: number; height: number }, s: number, zoom: number, d: Decorations): DecorationLayout {
  const parts = { title: true, legend: true, scale: true, north: true, footer: true, ...d.parts };
  const { width: W, height: H } = size;
  const pad = 12 * s;
  const lines = parts.footer ? footerLines(d) : [];
  const footerH = parts.footer ? lines.length * 15 * s + 12 * s : 0;
  let title: Rect | null = null;
  if (parts.title) {
    ctx.font = font(20 * s, true);
    const tw = ctx.measureText(d.title).width;
    ctx.font = font(13 * s);
    const sw = ctx.measureText(d.subtitle).width;
    title = { x: pad, y: pad, w: Math.min(W - 2 * pad - 60 * s, Math.max(tw, sw) + 24 * s), h: 58 * s };
  }
  const rows = parts.legend ? legendRows(d, zoom) : [];
  let legend: Rect | null = null;
  if (parts.legend) {
    ctx.font = font(12 * s);
    const w = Math.max(...rows.map((r) => ctx.measureText(r.label).width)) + 48 * s;
    const h = rows.length * 17 * s + 34 * s;
    legend = { x: pad, y: H - footerH - pad - h, w, h };
  }
  return {
    footer: parts.footer ? { x: 0, y: H - footerH, w: W, h: footerH } : null,
    title,
    north: parts.north ? { x: W - pad - 44 * s, y: pad + 2 * s, w: 44 * s, h: 58 * s } : null,
    // The bar is at most SCALE_MAX_PX long: its box is taken at that length, whatever the scale.
    scale: parts.scale ? { x: W - pad - 12 * s - SCALE_MAX_PX * s - 12 * s, y: H - footerH - pad - 36 * s, w: SCALE_MAX_PX * s + 24 * s, h: 38 * s } : null,
    legend,
    footerLines: lines,
    rows,
  };
}

/** The furniture's boxes in CSS pixels (for the camera's padding: map-camera.ts paddingFor). */
export function decorationBoxes(layout: DecorationLayout, s: number): Box[] {
  return [layout.footer, layout.title, layout.north, layout.scale, layout.legend]
    .filter((r): r is Rect => r !== null)
    .map((r) => ({ left: r.x / s, top: r.y / s, right: (r.x + r.w) / s, bottom: (r.y + r.h) / s }));
}

/**
 * Draws the picture's furniture over a map picture. `s` is the output's pixels per CSS pixel, so
 * type and boxes keep their on-screen size relative to the map at every resolution.
 */
export function drawDecorations(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number },
  s: number,
  camera: { lat: number; zoom: number; bearing: number },
  d: Decorations,
): DecorationLayout {
  const t = (k: Parameters<typeof translate>[1]) => translate(d.lang, k);
  const { width: W } = size;
  const pad = 12 * s;
  const L = decorationLayout(ctx, size, s, camera.zoom, d);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  // Footer: data date, sources, attribution.
  if (L.footer) {
    const lh = 15 * s;
    ctx.fillStyle = 'rgba(255,255,255,0.94)';
    ctx.fillRect(L.footer.x, L.footer.y, L.footer.w, L.footer.h);
    ctx.fillStyle = '#222';
    ctx.font = font(11 * s);
    L.footerLines.forEach((line, i) => {
      ctx.fillText(fit(ctx, line, W - 2 * pad), pad, L.footer!.y + 6 * s + (i + 0.8) * lh);
    });
  }

  // Title.
  if (L.title) {
    const { x, y, w, h } = L.title;
    box(ctx, x, y, w, h, s);
    ctx.fillStyle = '#111';
    ctx.font = font(20 * s, true);
    ctx.fillText(fit(ctx, d.title, w - 24 * s), x + 12 * s, y + 26 * s);
    ctx.font = font(13 * s);
    ctx.fillStyle = '#333';
    ctx.fillText(fit(ctx, d.subtitle, w - 24 * s), x + 12 * s, y + 47 * s);
  }

  // North arrow, top right.
  if (L.north) {
    const cx = L.north.x + 22 * s;
    const cy = L.north.y + 28 * s;
    box(ctx, L.north.x, L.north.y, L.north.w, L.north.h, s);
    ctx.save();
    ctx.translate(cx, cy + 4 * s);
    ctx.rotate((-camera.bearing * Math.PI) / 180);
    ctx.beginPath();
    ctx.moveTo(0, -18 * s);
    ctx.lineTo(9 * s, 10 * s);
    ctx.lineTo(0, 4 * s);
    ctx.lineTo(-9 * s, 10 * s);
    ctx.closePath();
    ctx.fillStyle = '#111';
    ctx.fill();
    ctx.restore();
    ctx.fillStyle = '#111';
    ctx.font = font(12 * s, true);
    ctx.textAlign = 'center';
    ctx.fillText(t('ldNorth'), cx, cy - 14 * s);
    ctx.textAlign = 'left';
  }

  // Scale bar, bottom right above the footer.
  if (L.scale) {
    const sc = niceScale(metresPerCssPixel(camera.lat, camera.zoom) / s, SCALE_MAX_PX * s);
    const x1 = W - pad - 12 * s;
    const x0 = x1 - sc.px;
    const y = L.scale.y + 26 * s;
    box(ctx, x0 - 12 * s, y - 26 * s, sc.px + 24 * s, 38 * s, s);
    ctx.fillStyle = '#111';
    ctx.fillRect(x0, y, sc.px, 4 * s);
    ctx.fillRect(x0, y - 6 * s, 2 * s, 10 * s);
    ctx.fillRect(x1 - 2 * s, y - 6 * s, 2 * s, 10 * s);
    ctx.font = font(12 * s);
    ctx.textAlign = 'center';
    ctx.fillText(sc.label, (x0 + x1) / 2, y - 9 * s);
    ctx.textAlign = 'left';
  }

  // Legend, bottom left above the footer.
  if (L.legend) {
    const lh = 17 * s;
    const { x, y, w, h } = L.legend;
    box(ctx, x, y, w, h, s);
    ctx.fillStyle = '#111';
    ctx.font = font(13 * s, true);
    ctx.fillText(t(d.mode), x + 10 * s, y + 20 * s);
    ctx.font = font(12 * s);
    L.rows.forEach((r, i) => {
      const ry = y + 30 * s + i * lh;
      const sx = x + 10 * s;
      const sw = 18 * s;
      const sh = 12 * s;
      if (r.kind === 'fill') {
        ctx.fillStyle = r.color;
        ctx.fillRect(sx, ry, sw, sh);
        ctx.strokeStyle = 'rgba(0,0,0,0.25)';
        ctx.lineWidth = s;
        ctx.strokeRect(sx, ry, sw, sh);
      } else if (r.kind === 'hatch') {
        ctx.fillStyle = '#fff';
        ctx.fillRect(sx, ry, sw, sh);
        ctx.save();
        ctx.beginPath();
        ctx.rect(sx, ry, sw, sh);
        ctx.clip();
        ctx.strokeStyle = r.color;
        ctx.lineWidth = 1.5 * s;
        for (let k = -sh; k < sw; k += 4 * s) {
          ctx.beginPath();
          ctx.moveTo(sx + k, ry + sh);
          ctx.lineTo(sx + k + sh, ry);
          ctx.stroke();
        }
        ctx.restore();
      } else if (r.kind === 'mark') {
        // The mark is the label's first characters: no swatch.
      } else {
        ctx.strokeStyle = r.color;
        ctx.lineWidth = 2 * s;
        ctx.setLineDash(r.kind === 'dashed' ? [4 * s, 2 * s] : []);
        ctx.strokeRect(sx + s, ry + s, sw - 2 * s, sh - 2 * s);
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#111';
      ctx.fillText(r.label, r.kind === 'mark' ? sx : sx + sw + 8 * s, ry + sh - 1.5 * s);
    });
  }
  return L;
}

/** Cuts a line to the width with an ellipsis. */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
