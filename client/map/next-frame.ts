import type { Map as MlMap } from 'maplibre-gl';

/**
 * Runs `read` inside the next frame MapLibre draws, while the WebGL drawing buffer still holds
 * the picture. The live map does not keep its buffer between frames (preserveDrawingBuffer costs
 * 15–20 % of the frames while panning under software GL), so a picture is read here or not at all.
 */
export function duringNextFrame<T>(map: MlMap, read: () => T, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const onRender = () => {
      clearTimeout(timer);
      try {
        resolve(read());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const timer = setTimeout(() => {
      map.off('render', onRender);
      reject(new Error('the map drew no frame'));
    }, timeoutMs);
    map.once('render', onRender);
    map.triggerRepaint();
  });
}
