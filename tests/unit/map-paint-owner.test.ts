/**
 * The zone layers' colours have one writer. The app's colour mode and the leaders' timeline both
 * decide what the zones' fill looks like; React may run their effects in either order (and does,
 * when the components around them move), so the picture must be the same whichever comes last.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('maplibre-gl', () => import('../support/fake-maplibre.ts'));

const stubWindow = { location: { href: 'http://127.0.0.1/', search: '' }, addEventListener() {}, removeEventListener() {} };
/** The first view watches the overlays (their sizes, new ones); none change here. */
class StubObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { window: stubWindow, ResizeObserver: StubObserver, MutationObserver: StubObserver });

type Mods = {
  ctl: typeof import('../../client/map/map-controller.ts');
  fake: typeof import('../support/fake-maplibre.ts');
  timeline: typeof import('../../client/map/style/timeline.ts');
  layers: typeof import('../../client/map/style/layers.ts');
  ids: typeof import('../../client/map/style/ids.ts');
  labels: typeof import('../../client/map/style/zone-labels.ts');
};
let m: Mods;
beforeAll(async () => {
  m = {
    ctl: await import('../../client/map/map-controller.ts'),
    fake: await import('../support/fake-maplibre.ts'),
    timeline: await import('../../client/map/style/timeline.ts'),
    layers: await import('../../client/map/style/layers.ts'),
    ids: await import('../../client/map/style/ids.ts'),
    labels: await import('../../client/map/style/zone-labels.ts'),
  };
});

/** The map's element, as the camera's overlay padding measures it: 800 × 600 with nothing drawn over it. */
const container = () =>
  ({ parentElement: null, getBoundingClientRect: () => ({ top: 0, left: 0, right: 800, bottom: 600, width: 800, height: 600 }) }) as unknown as HTMLElement;
const handlers = { current: new Proxy({}, { get: () => () => undefined }) } as never;
const states = new Map([['ccn-huyen-tung', { occupancyPct: 40, progressPct: 70, status: 'operating' }]]) as never;

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('zone colours have one writer', () => {
  it('draws the timeline colours of the chosen mode, whichever of mode and timeline is applied last', () => {
    for (const mode of ['occupancy', 'progress'] as const) {
      for (const order of permutations(['mode', 'timeline'] as const)) {
        const c = new m.ctl.MapController(container(), { view: null, mode: mode === 'occupancy' ? 'progress' : 'occupancy', lang: 'vi', noData: '—' }, handlers);
        const map = m.fake.made.at(-1)!;
        map.loadStyle();
        for (const step of order) {
          if (step === 'mode') c.setMode(mode, 'vi', '—');
          else c.setTimeline(states, true);
        }
        const why = `${mode}, ${order.join(' then ')}`;
        expect(map.getPaintProperty(m.ids.LAYERS.zonesFill, 'fill-color'), why).toEqual(m.timeline.timelineColor(mode));
        expect(map.getPaintProperty(m.timeline.TIMELINE_LAYERS.points, 'circle-color'), why).toEqual(m.timeline.timelineColor(mode));
        expect(map.getLayoutProperty(m.timeline.TIMELINE_LAYERS.points, 'visibility'), why).toBe('visible');
        expect(map.getLayoutProperty(m.ids.LAYERS.clusters, 'visibility'), why).toBe('none');
        expect(map.getLayoutProperty(m.ids.LAYERS.plotsFill, 'visibility'), why).toBe('none');
        c.destroy();
      }
    }
  });

  it('goes back to today in the chosen mode, whichever comes last, and before the style has loaded too', () => {
    for (const order of permutations(['mode', 'timeline-off', 'load'] as const)) {
      const c = new m.ctl.MapController(container(), { view: null, mode: 'occupancy', lang: 'vi', noData: '—' }, handlers);
      const map = m.fake.made.at(-1)!;
      if (!order.indexOf('load')) map.loadStyle();
      c.setTimeline(states, true);
      for (const step of order) {
        if (step === 'mode') c.setMode('progress', 'en', 'none');
        else if (step === 'timeline-off') c.setTimeline(null, false);
        else map.loadStyle();
      }
      const why = order.join(' then ');
      expect(map.getPaintProperty(m.ids.LAYERS.zonesFill, 'fill-color'), why).toEqual(m.layers.modeColor('progress'));
      expect(map.getPaintProperty(m.ids.LAYERS.clusters, 'circle-color'), why).toEqual(m.layers.bubbleColor('progress'));
      expect(map.getLayoutProperty(m.ids.LAYERS.clusters, 'visibility'), why).toBe('visible');
      expect(map.getLayoutProperty(m.ids.LAYERS.plotsFill, 'visibility'), why).toBe('visible');
      expect(map.getFilter(m.ids.LAYERS.zonesFill), why).toEqual(['!', ['==', ['get', 'preLeasing'], true]]);
      expect(map.getLayoutProperty(m.ids.LAYERS.zoneLabels, 'text-field'), why).toEqual(['get', 'nameEn']);
      expect(map.getLayoutProperty(m.ids.LAYERS.clusterLabels, 'text-field'), why).toEqual(m.labels.zoneLabel('progress', 'en', 'none'));
      c.destroy();
    }
  });
});
