/**
 * Map pictures for export: the map's pixels with a title, legend, data date, scale bar, north
 * arrow, sources and attribution. 1× and 2× re-render the on-screen map at that pixel ratio and
 * restore it after; the print size (A4 landscape at 300 dpi) uses a second, off-screen map of the
 * print's proportions, so the screen does not jump.
 */
import type { MapController } from './map-controller.ts';
import { offscreenMap } from './offscreen-map.ts';
import { drawDecorations, loadCanvasFonts, type Decorations } from './picture-decorations.ts';

export type PictureKind = '1x' | '2x' | 'print';
/** A4 landscape at 300 dpi. */
export const PRINT_SIZE = { width: 3508, height: 2480 } as const;

/** A map picture with its furniture, at the requested kind's size. */
export async function renderMapPicture(
  main: MapController,
  kind: PictureKind,
  deco: Decorations,
  offscreen: Omit<Parameters<typeof offscreenMap>[0], 'cssWidth' | 'cssHeight' | 'ratio' | 'view'>,
): Promise<HTMLCanvasElement> {
  await loadCanvasFonts();
  const camera = main.camera();
  let picture: HTMLCanvasElement;
  let s: number;
  if (kind === 'print') {
    const cssWidth = main.size().width;
    s = PRINT_SIZE.width / cssWidth;
    const off = await offscreenMap({ ...offscreen, cssWidth, cssHeight: PRINT_SIZE.height / s, ratio: s, view: camera });
    try {
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
    picture = await main.captureAt(s);
    // The screen's online basemap is in these pixels, so its provider's credit goes with them
    // (the print size is drawn on an off-screen map with the offline basemap only).
    const credit = main.basemapCredit();
    if (credit) deco = { ...deco, sources: `${deco.sources} · ${credit}` };
  }
  drawDecorations(picture.getContext('2d')!, picture, s, camera, deco);
  return picture;
}

