/**
 * Basemap context for former Bắc Kạn: district seats, and the main roads, Ba Bể lake and the Cầu
 * river sketched through the places their sources name (schematic until real data exists). The
 * boundaries are real and live in geodata/admin/; see geodata/README.md.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { provinceOutline } from '../../admin/outlines.ts';
import type { ContextFeature } from '../../schema.ts';
import { roundPosition, sketchZone, type LonLat } from '../shapes.ts';

const THAI_NGUYEN = provinceOutline('Thái Nguyên')!.geometry;

const SKETCH = 'iz-atlas-sketch';

/** ConstantSun geocodes (constantsun-district-geocodes), §3.1 of the research notes. */
const DISTRICT_SEATS: { id: string; vi: string; en: string; at: LonLat }[] = [
  { id: 'seat-tp-bac-kan', vi: 'TP Bắc Kạn', en: 'Bắc Kạn city', at: [105.836, 22.1485] },
  { id: 'seat-cho-moi', vi: 'Chợ Mới (TT Đồng Tâm)', en: 'Chợ Mới (Đồng Tâm town)', at: [105.782, 21.8858] },
  { id: 'seat-cho-don', vi: 'Chợ Đồn (TT Bằng Lũng)', en: 'Chợ Đồn (Bằng Lũng town)', at: [105.594, 22.1596] },
  { id: 'seat-bach-thong', vi: 'Bạch Thông (TT Phủ Thông)', en: 'Bạch Thông (Phủ Thông town)', at: [105.881, 22.2701] },
  { id: 'seat-ngan-son', vi: 'Ngân Sơn (TT Vân Tùng)', en: 'Ngân Sơn (Vân Tùng town)', at: [105.997, 22.4311] },
  { id: 'seat-na-ri', vi: 'Na Rì (TT Yến Lạc)', en: 'Na Rì (Yến Lạc town)', at: [106.184, 22.2371] },
  { id: 'seat-ba-be', vi: 'Ba Bể (TT Chợ Rã)', en: 'Ba Bể (Chợ Rã town)', at: [105.73, 22.4552] },
  { id: 'seat-pac-nam', vi: 'Pác Nặm (Bộc Bố)', en: 'Pác Nặm (Bộc Bố)', at: [105.672, 22.6028] },
];

/** Sketched through the towns each route is sourced to serve (nhipcaudoanhnghiep-roads). */
const ROADS: { id: string; ref: string; vi: string; en: string; line: LonLat[] }[] = [
  {
    id: 'road-ql3',
    ref: 'QL3',
    vi: 'Quốc lộ 3',
    en: 'National Road 3',
    line: [
      [105.772, 21.813],
      [105.778, 21.85],
      [105.782, 21.8858],
      [105.781, 21.905],
      [105.785, 21.935],
      [105.797, 21.99],
      [105.81, 22.045],
      [105.823, 22.1],
      [105.836, 22.1485],
      [105.829, 22.172],
      [105.838, 22.195],
      [105.85, 22.21],
      [105.87, 22.245],
      [105.881, 22.2701],
      [105.92, 22.33],
      [105.96, 22.38],
      [105.997, 22.4311],
      [106.01, 22.5],
      [106.026, 22.57],
      [106.03, 22.612],
    ],
  },
  {
    id: 'road-ql3b',
    ref: 'QL3B',
    vi: 'Quốc lộ 3B',
    en: 'National Road 3B',
    line: [
      [105.858, 22.162],
      [105.92, 22.17],
      [105.99, 22.19],
      [106.06, 22.215],
      [106.12, 22.23],
      [106.184, 22.2371],
      [106.212, 22.238],
      [106.236, 22.232],
    ],
  },
  {
    id: 'road-ql279',
    ref: 'QL279',
    vi: 'Quốc lộ 279',
    en: 'National Road 279',
    line: [
      [105.535, 22.47],
      [105.6, 22.472],
      [105.67, 22.462],
      [105.73, 22.4552],
      [105.8, 22.43],
      [105.87, 22.41],
      [105.93, 22.4],
      [105.98, 22.37],
      [106.04, 22.33],
      [106.1, 22.29],
      [106.16, 22.255],
      [106.184, 22.2371],
      [106.21, 22.215],
      [106.228, 22.205],
    ],
  },
];

/** Rises in Chợ Đồn, flows east then south through Bắc Kạn city towards Chợ Mới and Thái Nguyên. */
const CAU_RIVER: LonLat[] = [
  [105.575, 22.2],
  [105.615, 22.212],
  [105.66, 22.232],
  [105.715, 22.245],
  [105.77, 22.243],
  [105.81, 22.22],
  [105.835, 22.195],
  [105.8435, 22.168],
  [105.845, 22.14],
  [105.838, 22.1],
  [105.82, 22.05],
  [105.8, 21.99],
  [105.779, 21.94],
  [105.77, 21.905],
  [105.764, 21.87],
  [105.759, 21.84],
  [105.757, 21.824],
];

export function buildContext(): ContextFeature[] {
  const props = (id: string, kind: ContextFeature['properties']['kind'], vi: string, en: string, ref: string | null, sourceId = SKETCH) => ({
    id,
    kind,
    name: { vi, en },
    ref,
    // Roads, river and lake are sketched through the places their sources name: schematic.
    accuracy: kind === 'road' || kind === 'river' || kind === 'lake' ? ('schematic' as const) : ('approximate' as const),
    sourceId,
  });
  return [
    ...DISTRICT_SEATS.map(
      (s): ContextFeature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: roundPosition(s.at) },
        properties: props(s.id, 'district_seat', s.vi, s.en, null, 'constantsun-district-geocodes'),
      }),
    ),
    ...ROADS.map(
      (r): ContextFeature => ({
        type: 'Feature',
        // Sketched roads stop at the real province edge (geodata/admin/province.geojson), where the map's data stops.
        geometry: { type: 'LineString', coordinates: r.line.filter((p) => booleanPointInPolygon(p, THAI_NGUYEN)).map(roundPosition) },
        properties: props(r.id, 'road', r.vi, r.en, r.ref),
      }),
    ),
    {
      type: 'Feature',
      // ≈500 ha and ~8 km long (baonghean-ramsar-ba-be); the centre 22.41 N, 105.62 E is an estimate.
      geometry: sketchZone({ center: [105.62, 22.41], areaHa: 500, vertices: 14, aspect: 10, rotationDeg: 75, seed: 'lake-ba-be' }),
      properties: props('lake-ba-be', 'lake', 'Hồ Ba Bể', 'Ba Bể Lake', null),
    },
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: CAU_RIVER.map(roundPosition) },
      properties: props('river-cau', 'river', 'Sông Cầu', 'Cầu River', null),
    },
  ];
}
