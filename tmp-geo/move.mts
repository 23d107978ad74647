import { booleanPointInPolygon, buffer, feature, booleanIntersects } from '@turf/turf';
import { joinCommunes } from '../geodata/admin/derive-commune.ts';
import { ZONES } from '../geodata/build/bac-kan/zones.ts';
import { sketchZone } from '../geodata/build/shapes.ts';
const { communes } = joinCommunes();
const byName = (n: string) => communes.find((c) => c.fullName === n)!;
const sketch = (row: any, center: [number, number]) => sketchZone({ ...row.shape, center, areaHa: row.properties.totalAreaHa.value, seed: row.properties.id });
const MARGIN_KM = Number(process.argv[2] ?? 0.4);
function ok(ids: string[], target: string, d: [number, number]) {
  const commune = byName(target);
  const others = ZONES.filter((z) => !ids.includes(z.properties.id)).map((z) => buffer(feature(sketch(z, z.shape.center as any)), MARGIN_KM, { units: 'kilometers' })!);
  for (const id of ids) {
    const z = ZONES.find((z) => z.properties.id === id)!;
    const c: [number, number] = [z.shape.center[0] + d[0], z.shape.center[1] + d[1]];
    const g = sketch(z, c);
    const b = buffer(feature(g), MARGIN_KM, { units: 'kilometers' })!;
    for (const p of (b.geometry as any).coordinates[0]) if (!booleanPointInPolygon(p, commune.geometry)) return false;
    for (const o of others) if (booleanIntersects(o, g)) return false;
  }
  return true;
}
function search(ids: string[], target: string) {
  const found: [number, number, number][] = [];
  const step = 0.0025;
  for (let i = -40; i <= 40; i++) for (let j = -40; j <= 40; j++) {
    const d: [number, number] = [i * step, j * step];
    const dist = Math.hypot(i, j);
    found.push([dist, d[0], d[1]]);
  }
  found.sort((a, b) => a[0] - b[0]);
  for (const [dist, dx, dy] of found) if (ok(ids, target, [dx, dy])) { console.log(ids.join('+'), '→', target, 'shift', dx.toFixed(4), dy.toFixed(4), 'km≈', (dist * step * 111).toFixed(2)); return; }
  console.log('none', ids);
}
search(['kcn-thanh-binh-1', 'kcn-thanh-binh-2'], 'Xã Thanh Thịnh');
search(['ccn-vang-muoi'], 'Xã Trần Phú');
