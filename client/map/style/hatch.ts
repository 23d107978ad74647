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
