/**
 * A second map in a hidden container, with the same data as the screen: the print-size picture and
 * the PDF brief's pages are drawn on it, so the screen does not jump.
 */
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { translate, type Lang } from '../i18n/strings.ts';
import type { ColourMode, View } from '../lib/hash-state.ts';
import { MapController } from './map-controller.ts';
import { INERT_HANDLERS } from './map-input.ts';

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
  view: View & { bearing?: number };
  mode: ColourMode;
  lang: Lang;
  data: OffscreenData;
  prepare?: (c: MapController) => void;
}): Promise<{ controller: MapController; capture: () => Promise<HTMLCanvasElement>; destroy: () => void }> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', left: '-30000px', top: '0', width: `${opts.cssWidth}px`, height: `${opts.cssHeight}px`, pointerEvents: 'none' });
  document.body.appendChild(host);
  const controller = new MapController(
    host,
    { view: opts.view, mode: opts.mode, lang: opts.lang, noData: translate(opts.lang, 'noData'), pixelRatio: opts.ratio, secondary: true },
    INERT_HANDLERS,
  );
  controller.setZones(opts.data.zones);
  if (opts.data.plots) controller.setPlots(opts.data.plots);
  if (opts.data.context) controller.setContext(opts.data.context);
  controller.select(opts.data.selected);
  opts.prepare?.(controller);
  return {
    controller,
    capture: () => controller.capture(),
    destroy: () => {
      controller.destroy();
      host.remove();
    },
  };
}
