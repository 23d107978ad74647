/**
 * Map pictures for export: the map's pixels with a title, legend, data date, scale bar, north
 * arrow, sources and attribution. Every size is drawn on a second, off-screen map of the
 * picture's proportions, so the screen does not jump, and framed on what the picture is about
 * with the camera padded for the furniture drawn over it: no zone lies under the legend, the
 * title or the footer (before, the 1× and 2× pictures re-read the screen's camera, and the
 * legend and footer covered the province's southern tip). The off-screen map draws the offline
 * basemap only, so no online provider's credit is needed in the footer.
 */
import { paddingFor, type Camera, type Frame } from './map-camera.ts';
import type { MapController } from './map-controller.ts';
import { offscreenMap } from './offscreen-map.ts';
import { decorationBoxes, decorationLayout, drawDecorations, loadCanvasFonts, type Decorations } from './picture-decorations.ts';
import type { Box } from './map-camera.ts';

export type PictureKind = '1x' | '2x' | 'print';
/** A4 landscape at 300 dpi. */
export const PRINT_SIZE = { width: 3508, height: 2480 } as const;

/** What a picture shows, in CSS pixels of the map it was drawn on: a hook for the browser tests. */
export type PictureRecord = { kind: string; cssWidth: number; cssHeight: number; ratio: number; camera: Camera; furniture: Box[]; sources: string };

declare global {
  interface Window {
    /** Every map picture made on this page (PNG exports, PDF pages): read by the browser tests. */
    __izAtlasPictures?: PictureRecord[];
  }
}

/** Keeps what a picture shows for the browser tests (the last 50). */
export function recordPicture(r: PictureRecord) {
  window.__izAtlasPictures = [...(window.__izAtlasPictures ?? []).slice(-49), r];
}

/** Padding for the furniture `deco` draws over a map of this CSS size at `ratio`, framing at `zoom`. */
export function furniturePadding(css: { width: number; height: number }, ratio: number, zoom: number, deco: Decorations): { padding: ReturnType<typeof paddingFor>; boxes: Box[] } {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const layout = decorationLayout(ctx, { width: Math.round(css.width * ratio), height: Math.round(css.height * ratio) }, ratio, zoom, deco);
  const boxes = decorationBoxes(layout, ratio);
  const padding = paddingFor(css, boxes, 12);
  // The zones' labels go under their bubbles first (text-variable-anchor starts at 'top'): room for
  // a three-line label below the southernmost one, so it is not drawn under the footer.
  return { padding: { ...padding, bottom: padding.bottom + LABEL_ROOM_BELOW }, boxes };
}

/** CSS pixels below the lowest zone for its label: the radial offset and three lines of 12-13 px text. */
const LABEL_ROOM_BELOW = 64;

/** A map picture with its furniture, at the requested kind's size, framing `frame`. */
export async function renderMapPicture(
  main: MapController,
  kind: PictureKind,
  deco: Decorations,
  offscreen: Omit<Parameters<typeof offscreenMap>[0], 'cssWidth' | 'cssHeight' | 'ratio' | 'view'>,
  frame: Frame,
): Promise<HTMLCanvasElement> {
  await loadCanvasFonts();
  const screen = main.size();
  const s = kind === 'print' ? PRINT_SIZE.width / screen.width : kind === '2x' ? 2 : 1;
  const out = kind === 'print' ? PRINT_SIZE : { width: Math.round(screen.width * s), height: Math.round(screen.height * s) };
  const css = { width: out.width / s, height: out.height / s };
  const { padding } = furniturePadding(css, s, frame.maxZoom, deco);
  const off = await offscreenMap({ ...offscreen, cssWidth: css.width, cssHeight: css.height, ratio: s, view: main.camera() });
  let picture: HTMLCanvasElement;
  let camera: Camera;
  try {
    off.controller.frame(frame, padding, 0);
    const raw = await off.capture();
    camera = off.controller.camera();
    picture = document.createElement('canvas');
    picture.width = out.width;
    picture.height = out.height;
    picture.getContext('2d')!.drawImage(raw, 0, 0, out.width, out.height);
  } finally {
    off.destroy();
  }
  const layout = drawDecorations(picture.getContext('2d')!, picture, s, camera, deco);
  recordPicture({ kind, cssWidth: css.width, cssHeight: css.height, ratio: s, camera, furniture: decorationBoxes(layout, s), sources: deco.sources });
  return picture;
}
