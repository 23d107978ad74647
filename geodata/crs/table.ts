/**
 * The coordinate reference systems iz-atlas reads and writes. Central meridians and scale factors
 * were read off PROJ 9.1.1's EPSG database with:
 *
 *   for c in 4756 3405 3406 5896 5897 5898 5899 $(seq 9205 9218); do projinfo EPSG:$c -o PROJ; done
 *
 * Every VN-2000 system here shares the datum shift EPSG:6960 "VN-2000 to WGS 84 (2)" (coordinate
 * frame rotation, accuracy 1 m), which `projinfo -k operation EPSG:6960` gives as
 *   tX −191.90441429 m, tY −39.30318279 m, tZ −111.45032835 m,
 *   rX −0.00928836″, rY +0.01975479″, rZ −0.00427372″, dS +0.252906278 ppm.
 * PROJ.4's +towgs84 (and so proj4js) uses the position-vector convention, so the three rotations
 * change sign there: see TOWGS84_VN2000. Copying the coordinate-frame signs unchanged moves points
 * by about 0.8 m around Bắc Kạn (tests/unit/crs.test.ts shows it).
 */

export type Datum = 'WGS84' | 'VN2000';

export type CrsInfo = {
  /** "EPSG:9213" */
  code: string;
  epsg: number;
  name: string;
  datum: Datum;
  kind: 'geographic' | 'projected';
  /** Transverse Mercator parameters (projected systems only). */
  lon0?: number;
  k0?: number;
  falseEasting?: number;
  /** Where it is used: EPSG's area of use (`projinfo EPSG:N -o WKT2_2019`, AREA), in Vietnamese spelling. */
  area: string;
};

/** EPSG:6960 in the position-vector form PROJ.4's +towgs84 expects: rotations with flipped signs. */
export const TOWGS84_VN2000 = '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';
/** The coordinate-frame values as EPSG:6960 publishes them (for documentation and the sign test). */
export const EPSG_6960 = { tx: -191.90441429, ty: -39.30318279, tz: -111.45032835, rx: -0.00928836, ry: 0.01975479, rz: -0.00427372, ds: 0.252906278 } as const;

const tm3 = (epsg: number, name: string, lon0: number, area: string): CrsInfo => ({
  code: `EPSG:${epsg}`, epsg, name, datum: 'VN2000', kind: 'projected', lon0, k0: 0.9999, falseEasting: 500000, area,
});

export const CRS_TABLE: readonly CrsInfo[] = [
  { code: 'EPSG:4326', epsg: 4326, name: 'WGS 84', datum: 'WGS84', kind: 'geographic', area: 'World' },
  { code: 'EPSG:32648', epsg: 32648, name: 'WGS 84 / UTM zone 48N', datum: 'WGS84', kind: 'projected', lon0: 105, k0: 0.9996, falseEasting: 500000, area: '102°E–108°E, northern hemisphere' },
  { code: 'EPSG:32649', epsg: 32649, name: 'WGS 84 / UTM zone 49N', datum: 'WGS84', kind: 'projected', lon0: 111, k0: 0.9996, falseEasting: 500000, area: '108°E–114°E, northern hemisphere' },
  { code: 'EPSG:4756', epsg: 4756, name: 'VN-2000', datum: 'VN2000', kind: 'geographic', area: 'Vietnam' },
  { code: 'EPSG:3405', epsg: 3405, name: 'VN-2000 / UTM zone 48N', datum: 'VN2000', kind: 'projected', lon0: 105, k0: 0.9996, falseEasting: 500000, area: 'Vietnam west of 108°E' },
  { code: 'EPSG:3406', epsg: 3406, name: 'VN-2000 / UTM zone 49N', datum: 'VN2000', kind: 'projected', lon0: 111, k0: 0.9996, falseEasting: 500000, area: 'Vietnam east of 108°E' },
  tm3(5896, 'VN-2000 / TM-3 zone 481', 102, "Vietnam onshore west of 103°30′E"),
  tm3(5897, 'VN-2000 / TM-3 zone 482', 105, "Vietnam 103°30′E–106°30′E onshore; also Hà Nội, Hà Nam, Ninh Bình, Thanh Hóa, Vĩnh Phúc, Cần Thơ …"),
  tm3(5898, 'VN-2000 / TM-3 zone 491', 108, "Vietnam onshore east of 106°30′E; also Quảng Ngãi"),
  tm3(5899, 'VN-2000 / TM-3 107-45', 107.75, "Quảng Ninh, Đà Nẵng, Quảng Nam, Bà Rịa-Vũng Tàu, Đồng Nai, Lâm Đồng"),
  tm3(9205, 'VN-2000 / TM-3 103-00', 103, "Điện Biên, Lai Châu"),
  tm3(9206, 'VN-2000 / TM-3 104-00', 104, "Sơn La"),
  tm3(9207, 'VN-2000 / TM-3 104-30', 104.5, "Cà Mau, Kiên Giang"),
  tm3(9208, 'VN-2000 / TM-3 104-45', 104.75, "An Giang, Lào Cai, Nghệ An, Phú Thọ, Yên Bái"),
  tm3(9209, 'VN-2000 / TM-3 105-30', 105.5, "Bắc Ninh, Hà Giang, Hà Tĩnh, Hải Dương, Hưng Yên, Nam Định, Sóc Trăng, Tây Ninh, Thái Bình, Trà Vinh, Vĩnh Long"),
  tm3(9210, 'VN-2000 / TM-3 105-45', 105.75, "Hải Phòng, Hồ Chí Minh city, Bến Tre, Bình Dương, Cao Bằng, Long An, Tiền Giang"),
  tm3(9211, 'VN-2000 / TM-3 106-00', 106, "Hòa Bình, Quảng Bình, Tuyên Quang"),
  tm3(9212, 'VN-2000 / TM-3 106-15', 106.25, "Bình Phước, Quảng Trị"),
  tm3(9213, 'VN-2000 / TM-3 106-30', 106.5, "Bắc Kạn, Thái Nguyên (Bắc Kạn's own zone)"),
  tm3(9214, 'VN-2000 / TM-3 107-00', 107, "Bắc Giang, Thừa Thiên Huế"),
  tm3(9215, 'VN-2000 / TM-3 107-15', 107.25, "Lạng Sơn"),
  tm3(9216, 'VN-2000 / TM-3 107-30', 107.5, "Kon Tum"),
  tm3(9217, 'VN-2000 / TM-3 108-15', 108.25, "Bình Định, Khánh Hòa, Ninh Thuận"),
  tm3(9218, 'VN-2000 / TM-3 108-30', 108.5, "Bình Thuận, Đắk Lắk, Đắk Nông, Gia Lai, Phú Yên"),
];
