/**
 * Map pictures for export: the WebGL canvas read back inside a frame and drawn into
 * a 2D canvas with a title, legend, data date, scale bar, north arrow, sources and attribution.
 *
 * WebGL readback needs care: a canvas read before the frame is drawn (or after the style changed
 * and before the next frame) comes out blank. Every capture here waits until the map is idle and
 * `queryRenderedFeatures` finds zones or bubbles, then checks the pixels are not uniform, and
 * renders again if they are.
 *
 * 1× and 2× re-render the on-screen map at that pixel ratio and restore it after; the print size
 * (A4 landscape at 300 dpi) uses a second, off-screen map of the print's proportions, so the
 * screen does not jump.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { ZoneApiFeature, ContextCollection, PlotCollection } from '../../geodata/api.ts';
import { translate, type Lang } from '../i18n/strings.ts';
import type { ColourMode, View } from '../lib/hash-state.ts';
import { MapController, type MapHandlers } from './map-controller.ts';
import { duringNextFrame } from './next-frame.ts';
import { LAND_USE_LABELS, PLOT_STATUSES, PLOT_STATUS_LABELS } from '../../geodata/vocabulary.ts';
import { LAYERS, PLOTS_MIN_ZOOM } from './style/ids.ts';
import { MODE_RAMP } from './style/layers.ts';
import { CCN_OUTLINE, KCN_OUTLINE, NON_LEASABLE_COLORS, PLOT_STATUS_COLORS } from './style/symbology.ts';

export type PictureKind = '1x' | '2x' | 'print';
/** A4 landscape at 300 dpi. */
export const PRINT_SIZE = { width: 3508, height: 2480 } as const;

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

const RENDER_LAYERS = [LAYERS.zonesFill, LAYERS.zonesPreLeasing, LAYERS.clusters, 'timeline-points', LAYERS.provinceFill];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the map has drawn a full frame with zones (or bubbles) on it. */
export async function waitForRender(map: MlMap, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      map.once('idle', done);
      map.triggerRepaint();
      setTimeout(done, 1500);
    });
    const layers = RENDER_LAYERS.filter((l) => map.getLayer(l));
    const drawn = layers.length > 0 && map.queryRenderedFeatures({ layers }).length > 0;
    if (drawn && map.loaded() && !map.isMoving()) return;
    if (Date.now() > deadline) return;
    await sleep(50);
  }
}

/** Variance of a coarse sample of the canvas: zero for a blank (uniform) picture. */
export function pixelVariance(canvas: HTMLCanvasElement): number {
  const n = 64;
  const c = document.createElement('canvas');
  c.width = n;
  c.height = n;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(canvas, 0, 0, n, n);
  const d = ctx.getImageData(0, 0, n, n).data;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < d.length; i += 4) {
    const v = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
    sum += v;
    sq += v * v;
  }
  const count = d.length / 4;
  return sq / count - (sum / count) ** 2;
}

/**
 * The frame being drawn as pixels, read straight from the WebGL drawing buffer (call it inside a
 * frame: duringNextFrame). Faster and steadier than drawing the WebGL canvas into a 2D canvas,
 * which under software GL can stall for seconds. The framebuffer binding MapLibre expects is put back.
 */
function readFrame(map: MlMap): HTMLCanvasElement {
  const src = map.getCanvas();
  const gl = (src.getContext('webgl2') ?? src.getContext('webgl')) as WebGL2RenderingContext | null;
  const w = src.width;
  const h = src.height;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  const ctx = out.getContext('2d', { willReadFrequently: true })!;
  if (!gl) {
    ctx.drawImage(src, 0, 0);
    return out;
  }
  const bound = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const pixels = new Uint8ClampedArray(w * h * 4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
  // WebGL rows run bottom to top.
  const row = w * 4;
  const flipped = new Uint8ClampedArray(pixels.length);
  for (let y = 0; y < h; y++) flipped.set(pixels.subarray((h - 1 - y) * row, (h - y) * row), y * row);
  ctx.putImageData(new ImageData(flipped, w, h), 0, 0);
  return out;
}

/** Copies the map's current frame into a 2D canvas of the given size, re-rendering until it is not blank. */
async function readMap(map: MlMap, width: number, height: number): Promise<HTMLCanvasElement> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await waitForRender(map);
    let frame = await duringNextFrame(map, () => readFrame(map));
    if (frame.width !== width || frame.height !== height) {
      const out = document.createElement('canvas');
      out.width = width;
      out.height = height;
      out.getContext('2d', { willReadFrequently: true })!.drawImage(frame, 0, 0, width, height);
      frame = out;
    }
    if (pixelVariance(frame) > 1) return frame;
  }
  throw new Error('the map picture came out blank');
}

/** The on-screen map re-rendered at `ratio` device pixels per CSS pixel, then put back. */
export async function captureMainMap(map: MlMap, ratio: number): Promise<HTMLCanvasElement> {
  const el = map.getContainer();
  const width = Math.round(el.clientWidth * ratio);
  const height = Math.round(el.clientHeight * ratio);
  const before = map.getPixelRatio();
  try {
    if (before !== ratio) map.setPixelRatio(ratio);
    return await readMap(map, width, height);
  } finally {
    if (map.getPixelRatio() !== before) map.setPixelRatio(before);
    map.triggerRepaint();
  }
}

/** Handlers for a map nobody clicks: every callback does nothing. */
const inert = new Proxy({}, { get: () => () => undefined }) as MapHandlers;

export type OffscreenData = { zones: ZoneApiFeature[]; plots: PlotCollection | null; context: ContextCollection | null; selected: string | null };

/**
 * A second map in a hidden container of the given CSS size and pixel ratio, with the same data.
 * `prepare` applies view state (timeline colours, highlight) before the first capture. Call
 * `destroy` when done.
 */
export async function offscreenMap(opts: {
  cssWidth: number;
  cssHeight: number;
  ratio: number;
  view: View;
  mode: ColourMode;
  lang: Lang;
  data: OffscreenData;
  prepare?: (c: MapController) => void;
}): Promise<{ controller: MapController; capture: () => Promise<HTMLCanvasElement>; destroy: () => void }> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', left: '-30000px', top: '0', width: `${opts.cssWidth}px`, height: `${opts.cssHeight}px`, pointerEvents: 'none' });
  document.body.appendChild(host);
  // The constructor publishes its map for the tests; the live map stays the published one.
  const live = window.__izAtlasMap;
  const controller = new MapController(host, { view: opts.view, mode: opts.mode, lang: opts.lang, noData: translate(opts.lang, 'noData') }, { current: inert });
  if (live) window.__izAtlasMap = live;
  controller.map.setPixelRatio(opts.ratio);
  controller.setZones(opts.data.zones);
  if (opts.data.plots) controller.setPlots(opts.data.plots);
  if (opts.data.context) controller.setContext(opts.data.context);
  controller.select(opts.data.selected);
  opts.prepare?.(controller);
  const width = Math.round(opts.cssWidth * opts.ratio);
  const height = Math.round(opts.cssHeight * opts.ratio);
  return {
    controller,
    capture: () => readMap(controller.map, width, height),
    destroy: () => {
      controller.destroy();
      host.remove();
    },
  };
}

// ---- decorations ---------------------------------------------------------------------------

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
) {
  const parts = { title: true, legend: true, scale: true, north: true, footer: true, ...d.parts };
  const t = (k: Parameters<typeof translate>[1]) => translate(d.lang, k);
  const { width: W, height: H } = size;
  const pad = 12 * s;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  // Footer: data date, sources, attribution.
  let footerH = 0;
  if (parts.footer) {
    const lines = [`${d.dataDate} · ${t('approximate')}: ${t('approximateHelp')}`, `${t('ldSource')}: ${d.sources}`, t('ldAttribution')];
    const lh = 15 * s;
    footerH = lines.length * lh + 12 * s;
    ctx.fillStyle = 'rgba(255,255,255,0.94)';
    ctx.fillRect(0, H - footerH, W, footerH);
    ctx.fillStyle = '#222';
    ctx.font = font(11 * s);
    lines.forEach((line, i) => {
      ctx.fillText(fit(ctx, line, W - 2 * pad), pad, H - footerH + 6 * s + (i + 0.8) * lh);
    });
  }

  // Title.
  if (parts.title) {
    ctx.font = font(20 * s, true);
    const tw = ctx.measureText(d.title).width;
    ctx.font = font(13 * s);
    const sw = ctx.measureText(d.subtitle).width;
    const w = Math.min(W - 2 * pad - 60 * s, Math.max(tw, sw) + 24 * s);
    box(ctx, pad, pad, w, 58 * s, s);
    ctx.fillStyle = '#111';
    ctx.font = font(20 * s, true);
    ctx.fillText(fit(ctx, d.title, w - 24 * s), pad + 12 * s, pad + 26 * s);
    ctx.font = font(13 * s);
    ctx.fillStyle = '#333';
    ctx.fillText(fit(ctx, d.subtitle, w - 24 * s), pad + 12 * s, pad + 47 * s);
  }

  // North arrow, top right.
  if (parts.north) {
    const cx = W - pad - 22 * s;
    const cy = pad + 30 * s;
    box(ctx, cx - 22 * s, cy - 28 * s, 44 * s, 58 * s, s);
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
  if (parts.scale) {
    const sc = niceScale(metresPerCssPixel(camera.lat, camera.zoom) / s, 140 * s);
    const x1 = W - pad - 12 * s;
    const x0 = x1 - sc.px;
    const y = H - footerH - pad - 10 * s;
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
  if (parts.legend) {
    const ramp = MODE_RAMP[d.mode];
    const rows: { kind: 'fill' | 'hatch' | 'outline' | 'dashed'; color: string; label: string }[] = [
      ...ramp.colors.map((color, i) => ({ kind: 'fill' as const, color, label: `${ramp.breaks[i]}–${ramp.breaks[i + 1] ?? 100} %` })),
      { kind: 'fill', color: ramp.noData, label: t('noData') },
      { kind: 'hatch', color: '#6e6e6e', label: t('preLeasing') },
      { kind: 'outline', color: KCN_OUTLINE, label: t('kcn') },
      { kind: 'dashed', color: CCN_OUTLINE, label: t('ccn') },
      // Zoomed in far enough, the plots are drawn too, coloured by their status.
      ...((d.plotsShown ?? true) && camera.zoom >= PLOTS_MIN_ZOOM
        ? [
            ...PLOT_STATUSES.map((st) => ({ kind: 'fill' as const, color: PLOT_STATUS_COLORS[st], label: `${t('plot')}: ${PLOT_STATUS_LABELS[st][d.lang]}` })),
            ...(['infrastructure', 'green'] as const).map((u) => ({ kind: 'fill' as const, color: NON_LEASABLE_COLORS[u], label: LAND_USE_LABELS[u][d.lang] })),
          ]
        : []),
    ];
    const lh = 17 * s;
    ctx.font = font(12 * s);
    const w = Math.max(...rows.map((r) => ctx.measureText(r.label).width)) + 48 * s;
    const h = rows.length * lh + 34 * s;
    const x = pad;
    const y = H - footerH - pad - h;
    box(ctx, x, y, w, h, s);
    ctx.fillStyle = '#111';
    ctx.font = font(13 * s, true);
    ctx.fillText(t(d.mode), x + 10 * s, y + 20 * s);
    ctx.font = font(12 * s);
    rows.forEach((r, i) => {
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
      } else {
        ctx.strokeStyle = r.color;
        ctx.lineWidth = 2 * s;
        ctx.setLineDash(r.kind === 'dashed' ? [4 * s, 2 * s] : []);
        ctx.strokeRect(sx + s, ry + s, sw - 2 * s, sh - 2 * s);
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#111';
      ctx.fillText(r.label, sx + sw + 8 * s, ry + sh - 1.5 * s);
    });
  }
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

/** A map picture with its furniture, at the requested kind's size. */
export async function renderMapPicture(
  main: MapController,
  kind: PictureKind,
  deco: Decorations,
  offscreen: Omit<Parameters<typeof offscreenMap>[0], 'cssWidth' | 'cssHeight' | 'ratio' | 'view'>,
): Promise<HTMLCanvasElement> {
  await loadCanvasFonts();
  const map = main.map;
  const center = map.getCenter();
  const camera = { lat: center.lat, zoom: map.getZoom(), bearing: map.getBearing() };
  let picture: HTMLCanvasElement;
  let s: number;
  if (kind === 'print') {
    const cssWidth = map.getContainer().clientWidth;
    s = PRINT_SIZE.width / cssWidth;
    const off = await offscreenMap({ ...offscreen, cssWidth, cssHeight: PRINT_SIZE.height / s, ratio: s, view: { lat: center.lat, lon: center.lng, zoom: camera.zoom } });
    try {
      off.controller.map.setBearing(camera.bearing);
      const raw = await off.capture();
      picture = document.createElement('canvas');
      picture.width = PRINT_SIZE.width;
      picture.height = PRINT_SIZE.height;
      picture.getContext('2d')!.drawImage(raw, 0, 0, PRINT_SIZE.width, PRINT_SIZE.height);
    } finally {
      off.destroy();
    }
  } else {
    s = kind === '2x' ? 2 : 1;
    picture = await captureMainMap(map, s);
  }
  drawDecorations(picture.getContext('2d')!, picture, s, camera, deco);
  return picture;
}

export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), type, quality));
}

/** Saves a blob under a file name through a temporary link. */
export function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
