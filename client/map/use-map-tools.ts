/**
 * Lets a panel ask the map for input and await it: "draw a line", "pick a plot". The map reports
 * through MapHandlers; this hook turns those reports into the promise the panel is waiting on.
 * Only one request is open at a time; a new one (or cancel) settles the old one with null.
 */
import { useMemo, useRef, useState } from 'react';
import type { LineString } from 'geojson';
import type { MapTool } from './map-controller.ts';

export type MapTools = {
  drawLine(): Promise<LineString | null>;
  /** Ends the line being drawn, as a double-click or Enter would (for touch screens). */
  finishLine(): void;
  /** Adds a vertex at the map's centre, under the crosshair (drawing from the keyboard). */
  addPoint(): void;
  pickPlot(): Promise<string | null>;
  cancel(): void;
  showDraft(line: LineString | null): void;
  setCandidate(id: string | null): void;
};

export function useMapTools() {
  const [tool, setTool] = useState<MapTool>('none');
  const [draft, setDraft] = useState<LineString | null>(null);
  const [candidate, setCandidate] = useState<string | null>(null);
  const [finishRequest, setFinishRequest] = useState(0);
  const [pointRequest, setPointRequest] = useState(0);
  const pending = useRef<((v: LineString | string | null) => void) | null>(null);

  const settle = (v: LineString | string | null) => {
    const resolve = pending.current;
    pending.current = null;
    resolve?.(v);
  };

  const tools = useMemo<MapTools>(() => {
    const start = (t: MapTool) =>
      new Promise<LineString | string | null>((resolve) => {
        settle(null);
        pending.current = resolve;
        setDraft(null);
        setTool(t);
      });
    return {
      drawLine: () => start('draw-line') as Promise<LineString | null>,
      finishLine: () => setFinishRequest((n) => n + 1),
      addPoint: () => setPointRequest((n) => n + 1),
      pickPlot: () => start('pick-plot') as Promise<string | null>,
      cancel: () => {
        settle(null);
        setTool('none');
        setDraft(null);
        setCandidate(null);
      },
      showDraft: setDraft,
      setCandidate,
    };
  }, []);

  /** Wired to the map's handlers. */
  const handlers = {
    onLineDrawn: (line: LineString) => {
      setTool('none');
      setDraft(line);
      settle(line);
    },
    onPlotPicked: (id: string) => {
      setTool('none');
      settle(id);
    },
    onToolCancel: () => tools.cancel(),
  };

  return { tool, draft, candidate, finishRequest, pointRequest, tools, handlers };
}
