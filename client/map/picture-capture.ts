/**
 * Reading the map's pixels back. WebGL readback needs care: a canvas read before the frame is drawn
 * (or after the style changed and before the next frame) comes out blank. Every capture here waits
 * until the map is idle and `queryRenderedFeatures` finds zones or bubbles, then checks the pixels
 * are not uniform, and renders again if they are.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { duringNextFrame } from './next-frame.ts';
import { LAYERS } from './style/ids.ts';
import { TIMELINE_LAYERS } from './style/timeline.ts';

const RENDER_LAYERS = [LAYERS.zonesFill, LAYERS.zonesPreLeasing, LAYERS.clusters, TIMELINE_LAYERS.points, LAYERS.provinceFill];

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
export async function readMap(map: MlMap, width: number, height: number): Promise<HTMLCanvasElement> {
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

/**
 * A picture of the map framing one feature, for the printable brochure: fits the camera without
 * animation, waits until the frame is drawn, and reads the canvas in that frame. Resolves null if the map never settles.
 */
export function snapshot(map: MlMap, bounds: [number, number, number, number], padding = 40, timeoutMs = 15_000): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    // 'idle' fires inside the frame that finished drawing, while the drawing buffer is still whole.
    const done = () => {
      clearTimeout(timer);
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch {
        resolve(null);
      }
    };
    const { clientWidth: w, clientHeight: h } = map.getCanvas();
    const pad = Math.max(0, Math.min(padding, w / 4, h / 4));
    map.fitBounds(bounds, { padding: pad, maxZoom: 17, animate: false });
    map.once('idle', done);
    // fitBounds to the current camera may not trigger a render; force one so 'idle' follows.
    map.triggerRepaint();
  });
}
