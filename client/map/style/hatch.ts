/** An 8×8 diagonal hatch for zones with no leasable land yet: readable without colour. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ink = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data.set(ink ? [110, 110, 110, 255] : [255, 255, 255, 200], i);
    }
  }
  return { width: size, height: size, data };
}

/**
 * A hatched disc, 10 px in radius at pixel ratio 2 (so 40 × 40 pixels), transparent outside: the
 * same hatch on the bubbles of planned or revoked zones as on their polygons and in the legend.
 */
export function hatchDiscImage(): { width: number; height: number; data: Uint8Array } {
  const size = 40;
  const r = 17.5;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      if (d > r) continue;
      const ink = (x + y) % 10 < 3;
      data.set(ink ? [110, 110, 110, 255] : [255, 255, 255, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
