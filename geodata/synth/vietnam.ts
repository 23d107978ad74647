/**
 * A rough outline of mainland Vietnam, a few national roads and the industrial hubs the synthetic
 * national dataset clusters its zones around. Hand-placed from general knowledge to within some
 * kilometres: good enough to spread ~1,600 zones over the right land area for load tests, and
 * nothing more. Nothing here is surveyed or sourced.
 */
export type LonLat = [number, number];

/**
 * Counter-clockwise: down the western borders (China, Laos, Cambodia), then up the coast from
 * Hà Tiên round Cà Mau to Móng Cái, then west along the Chinese border back to Lũng Cú.
 */
export const VIETNAM_OUTLINE: LonLat[] = [
  [105.32, 23.39], [104.8, 23.15], [104.4, 22.75], [103.97, 22.52], [103.5, 22.7], [102.95, 22.48],
  [102.48, 22.77], [102.14, 22.4], [102.3, 21.9], [102.8, 21.4], [102.95, 21.2], [103.2, 20.85],
  [103.75, 20.75], [104.4, 20.45], [104.65, 20.2], [104.4, 19.7], [104.0, 19.4], [104.6, 18.9],
  [105.1, 18.7], [105.35, 18.35], [105.7, 17.9], [106.25, 17.25], [106.55, 16.65], [106.9, 16.4],
  [107.15, 16.25], [107.35, 15.85], [107.25, 15.45], [107.55, 14.9], [107.55, 14.7], [107.4, 14.3],
  [107.5, 13.8], [107.45, 13.3], [107.55, 12.95], [107.5, 12.4], [107.05, 12.15], [106.7, 12.05],
  [106.4, 11.95], [106.0, 11.75], [105.9, 11.3], [106.1, 11.0], [105.8, 10.98], [105.35, 10.95],
  [105.05, 10.9], [104.85, 10.55], [104.45, 10.4],
  // Gulf of Thailand coast, Cà Mau cape, then the East Sea coast northwards.
  [104.7, 10.25], [105.05, 9.98], [104.95, 9.6], [104.8, 9.0], [104.75, 8.6], [105.1, 8.65],
  [105.4, 9.0], [105.8, 9.22], [106.2, 9.45], [106.55, 9.65], [106.75, 10.05], [106.8, 10.3],
  [107.05, 10.4], [107.45, 10.45], [107.95, 10.72], [108.25, 10.95], [108.7, 11.2], [109.0, 11.35],
  [109.05, 11.55], [109.2, 11.9], [109.25, 12.25], [109.35, 12.7], [109.45, 13.05], [109.3, 13.65],
  [109.1, 14.4], [108.95, 15.1], [108.75, 15.5], [108.35, 15.95], [108.25, 16.1], [108.05, 16.25],
  [107.7, 16.5], [107.25, 16.85], [106.9, 17.15], [106.6, 17.55], [106.4, 17.85], [106.3, 18.05],
  [106.0, 18.4], [105.8, 18.75], [105.85, 19.25], [105.9, 19.6], [106.1, 19.95], [106.55, 20.3],
  [106.75, 20.65], [107.05, 20.9], [107.4, 21.1], [107.75, 21.3], [108.0, 21.5],
  // Chinese border, east to west.
  [107.4, 21.65], [107.0, 21.9], [106.75, 22.05], [106.7, 22.35], [106.8, 22.8], [106.25, 22.95],
  [105.9, 23.05], [105.55, 23.25], [105.32, 23.39],
];

export type Road = { id: string; ref: string; vi: string; en: string; path: LonLat[] };

export const ROADS: Road[] = [
  {
    id: 'synth-road-ql1',
    ref: 'QL1',
    vi: 'Quốc lộ 1',
    en: 'National Road 1',
    path: [
      [106.76, 21.85], [106.2, 21.3], [105.85, 21.03], [105.97, 20.25], [105.78, 19.8], [105.68, 18.68],
      [105.9, 18.34], [106.55, 17.47], [107.05, 16.8], [107.55, 16.42], [108.15, 16.02], [108.75, 15.12],
      [109.0, 14.2], [109.1, 13.75], [109.2, 13.08], [109.12, 12.24], [108.95, 11.57], [108.1, 11.0],
      [107.5, 10.95], [106.82, 10.95], [106.66, 10.76], [106.4, 10.4], [105.77, 10.03], [105.4, 9.5],
      [105.15, 9.18],
    ],
  },
  {
    id: 'synth-road-ql5',
    ref: 'QL5',
    vi: 'Quốc lộ 5',
    en: 'National Road 5',
    path: [[105.85, 21.03], [106.1, 20.97], [106.32, 20.94], [106.68, 20.86]],
  },
  {
    id: 'synth-road-ql14',
    ref: 'QL14',
    vi: 'Quốc lộ 14',
    en: 'National Road 14',
    path: [[107.9, 15.9], [107.8, 15.2], [108.0, 14.35], [108.0, 13.98], [108.05, 12.67], [107.7, 12.0], [106.9, 11.53], [106.66, 10.76]],
  },
  {
    id: 'synth-road-ql51',
    ref: 'QL51',
    vi: 'Quốc lộ 51',
    en: 'National Road 51',
    path: [[106.82, 10.95], [107.05, 10.7], [107.08, 10.45]],
  },
];

/** Where industrial zones concentrate, with a relative weight and a spread (standard deviation, km). */
export type Hub = { at: LonLat; weight: number; spreadKm: number };

export const HUBS: Hub[] = [
  { at: [105.85, 21.03], weight: 3, spreadKm: 30 }, // Hà Nội
  { at: [106.07, 21.18], weight: 2, spreadKm: 20 }, // Bắc Ninh
  { at: [106.2, 21.3], weight: 1.5, spreadKm: 25 }, // Bắc Giang
  { at: [106.6, 20.85], weight: 2, spreadKm: 20 }, // Hải Phòng
  { at: [106.32, 20.94], weight: 1.5, spreadKm: 20 }, // Hải Dương
  { at: [106.05, 20.65], weight: 1, spreadKm: 20 }, // Hưng Yên, Thái Bình
  { at: [105.6, 21.3], weight: 1, spreadKm: 20 }, // Vĩnh Phúc
  { at: [105.84, 21.59], weight: 1, spreadKm: 25 }, // Thái Nguyên
  { at: [106.95, 21.05], weight: 0.8, spreadKm: 20 }, // Quảng Ninh
  { at: [105.9, 20.3], weight: 0.8, spreadKm: 20 }, // Ninh Bình, Hà Nam
  { at: [105.7, 19.8], weight: 1, spreadKm: 25 }, // Thanh Hóa
  { at: [105.6, 18.8], weight: 1, spreadKm: 25 }, // Nghệ An
  { at: [106.1, 18.2], weight: 0.5, spreadKm: 20 }, // Hà Tĩnh
  { at: [108.1, 16.0], weight: 1, spreadKm: 20 }, // Đà Nẵng
  { at: [108.35, 15.55], weight: 0.7, spreadKm: 20 }, // Quảng Nam
  { at: [108.7, 15.1], weight: 0.6, spreadKm: 20 }, // Quảng Ngãi
  { at: [109.0, 13.9], weight: 0.5, spreadKm: 20 }, // Bình Định
  { at: [109.0, 12.3], weight: 0.4, spreadKm: 20 }, // Khánh Hòa
  { at: [106.66, 10.8], weight: 3, spreadKm: 25 }, // TP Hồ Chí Minh
  { at: [106.65, 11.1], weight: 3, spreadKm: 25 }, // Bình Dương
  { at: [106.95, 10.95], weight: 3, spreadKm: 25 }, // Đồng Nai
  { at: [107.15, 10.6], weight: 1.5, spreadKm: 15 }, // Bà Rịa – Vũng Tàu
  { at: [106.4, 10.7], weight: 2, spreadKm: 20 }, // Long An
  { at: [106.2, 11.3], weight: 1, spreadKm: 20 }, // Tây Ninh
  { at: [106.9, 11.6], weight: 0.8, spreadKm: 25 }, // Bình Phước
  { at: [105.77, 10.03], weight: 1, spreadKm: 25 }, // Cần Thơ
  { at: [106.3, 10.35], weight: 0.6, spreadKm: 20 }, // Tiền Giang
  { at: [108.05, 12.67], weight: 0.4, spreadKm: 30 }, // Đắk Lắk
  { at: [108.3, 11.9], weight: 0.4, spreadKm: 30 }, // Lâm Đồng
  { at: [108.0, 13.98], weight: 0.4, spreadKm: 30 }, // Gia Lai
];

/**
 * Provinces before 1 July 2025, each with a rough centre and the province it merged into: a zone
 * takes the nearest centre's names. Nearest-centre is not a boundary, only a plausible label.
 */
export const PROVINCES: { old: string; now: string; at: LonLat }[] = [
  { old: 'Hà Nội', now: 'Hà Nội', at: [105.85, 21.03] },
  { old: 'Bắc Ninh', now: 'Bắc Ninh', at: [106.07, 21.18] },
  { old: 'Bắc Giang', now: 'Bắc Ninh', at: [106.2, 21.3] },
  { old: 'Hải Phòng', now: 'Hải Phòng', at: [106.68, 20.86] },
  { old: 'Hải Dương', now: 'Hải Phòng', at: [106.32, 20.94] },
  { old: 'Hưng Yên', now: 'Hưng Yên', at: [106.05, 20.65] },
  { old: 'Thái Bình', now: 'Hưng Yên', at: [106.34, 20.45] },
  { old: 'Vĩnh Phúc', now: 'Phú Thọ', at: [105.6, 21.3] },
  { old: 'Phú Thọ', now: 'Phú Thọ', at: [105.2, 21.32] },
  { old: 'Hòa Bình', now: 'Phú Thọ', at: [105.33, 20.82] },
  { old: 'Thái Nguyên', now: 'Thái Nguyên', at: [105.84, 21.59] },
  { old: 'Bắc Kạn', now: 'Thái Nguyên', at: [105.84, 22.15] },
  { old: 'Quảng Ninh', now: 'Quảng Ninh', at: [107.08, 20.95] },
  { old: 'Lạng Sơn', now: 'Lạng Sơn', at: [106.76, 21.85] },
  { old: 'Cao Bằng', now: 'Cao Bằng', at: [106.25, 22.67] },
  { old: 'Tuyên Quang', now: 'Tuyên Quang', at: [105.22, 21.82] },
  { old: 'Hà Giang', now: 'Tuyên Quang', at: [104.98, 22.82] },
  { old: 'Lào Cai', now: 'Lào Cai', at: [103.97, 22.48] },
  { old: 'Yên Bái', now: 'Lào Cai', at: [104.87, 21.72] },
  { old: 'Điện Biên', now: 'Điện Biên', at: [103.02, 21.39] },
  { old: 'Lai Châu', now: 'Lai Châu', at: [103.46, 22.4] },
  { old: 'Sơn La', now: 'Sơn La', at: [103.9, 21.33] },
  { old: 'Ninh Bình', now: 'Ninh Bình', at: [105.97, 20.25] },
  { old: 'Nam Định', now: 'Ninh Bình', at: [106.17, 20.42] },
  { old: 'Hà Nam', now: 'Ninh Bình', at: [105.92, 20.54] },
  { old: 'Thanh Hóa', now: 'Thanh Hóa', at: [105.78, 19.8] },
  { old: 'Nghệ An', now: 'Nghệ An', at: [105.68, 18.68] },
  { old: 'Hà Tĩnh', now: 'Hà Tĩnh', at: [105.9, 18.34] },
  { old: 'Quảng Bình', now: 'Quảng Trị', at: [106.6, 17.47] },
  { old: 'Quảng Trị', now: 'Quảng Trị', at: [107.1, 16.82] },
  { old: 'Thừa Thiên Huế', now: 'Huế', at: [107.58, 16.46] },
  { old: 'Đà Nẵng', now: 'Đà Nẵng', at: [108.2, 16.05] },
  { old: 'Quảng Nam', now: 'Đà Nẵng', at: [108.47, 15.57] },
  { old: 'Quảng Ngãi', now: 'Quảng Ngãi', at: [108.8, 15.12] },
  { old: 'Kon Tum', now: 'Quảng Ngãi', at: [108.0, 14.35] },
  { old: 'Bình Định', now: 'Gia Lai', at: [109.1, 13.9] },
  { old: 'Gia Lai', now: 'Gia Lai', at: [108.0, 13.98] },
  { old: 'Phú Yên', now: 'Đắk Lắk', at: [109.2, 13.08] },
  { old: 'Đắk Lắk', now: 'Đắk Lắk', at: [108.05, 12.67] },
  { old: 'Khánh Hòa', now: 'Khánh Hòa', at: [109.1, 12.25] },
  { old: 'Ninh Thuận', now: 'Khánh Hòa', at: [108.95, 11.57] },
  { old: 'Lâm Đồng', now: 'Lâm Đồng', at: [108.44, 11.94] },
  { old: 'Đắk Nông', now: 'Lâm Đồng', at: [107.69, 12.0] },
  { old: 'Bình Thuận', now: 'Lâm Đồng', at: [108.1, 10.93] },
  { old: 'TP Hồ Chí Minh', now: 'TP Hồ Chí Minh', at: [106.66, 10.76] },
  { old: 'Bình Dương', now: 'TP Hồ Chí Minh', at: [106.65, 11.1] },
  { old: 'Bà Rịa – Vũng Tàu', now: 'TP Hồ Chí Minh', at: [107.15, 10.55] },
  { old: 'Đồng Nai', now: 'Đồng Nai', at: [106.95, 10.95] },
  { old: 'Bình Phước', now: 'Đồng Nai', at: [106.9, 11.55] },
  { old: 'Tây Ninh', now: 'Tây Ninh', at: [106.1, 11.3] },
  { old: 'Long An', now: 'Tây Ninh', at: [106.4, 10.55] },
  { old: 'Cần Thơ', now: 'Cần Thơ', at: [105.77, 10.03] },
  { old: 'Sóc Trăng', now: 'Cần Thơ', at: [105.97, 9.6] },
  { old: 'Hậu Giang', now: 'Cần Thơ', at: [105.47, 9.78] },
  { old: 'Vĩnh Long', now: 'Vĩnh Long', at: [105.97, 10.25] },
  { old: 'Bến Tre', now: 'Vĩnh Long', at: [106.37, 10.24] },
  { old: 'Trà Vinh', now: 'Vĩnh Long', at: [106.34, 9.93] },
  { old: 'Đồng Tháp', now: 'Đồng Tháp', at: [105.63, 10.46] },
  { old: 'Tiền Giang', now: 'Đồng Tháp', at: [106.35, 10.36] },
  { old: 'An Giang', now: 'An Giang', at: [105.13, 10.5] },
  { old: 'Kiên Giang', now: 'An Giang', at: [105.08, 10.0] },
  { old: 'Cà Mau', now: 'Cà Mau', at: [105.15, 9.18] },
  { old: 'Bạc Liêu', now: 'Cà Mau', at: [105.72, 9.29] },
];
