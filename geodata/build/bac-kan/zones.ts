/**
 * The thirteen zones of former Bắc Kạn: attributes from ../shared/research/backan-facts.md and
 * the sketch parameters their outlines are drawn from. [S] facts carry a source; everything the
 * research marks NOT FOUND or [E] is null with a note, never a guessed number.
 */
import type { ZoneProperties } from '../../schema.ts';
import { fig, infraItems, noFig } from '../figures.ts';
import type { ZoneShape } from '../shapes.ts';

export type ZoneRow = {
  properties: ZoneProperties;
  /** Where and how the outline is sketched; the area comes from totalAreaHa. */
  shape: Omit<ZoneShape, 'areaHa' | 'seed'>;
};

const SKETCH = 'iz-atlas-sketch';
const TT_KHUYEN_CONG = 'Trung tâm Khuyến công và Xúc tiến thương mại (Sở Công Thương Bắc Kạn)';
const NO_INDUSTRIAL_LAND = noFig('not_found', 'NOT FOUND: no source gives the industrial + service land area.');
const PLANNED_INFRA = 'Planned zone: no infrastructure work reported.';
const UNREPORTED = 'No progress figure reported.';
/** "Basically complete" is a status: the sources give no percentage, so none is recorded. */
const CONTRACT_VALUE_60_85 = { vi: '60–85 % giá trị hợp đồng', en: '60–85 % of contract value' };
const BASICALLY_COMPLETE = { state: 'basically_complete', pct: null } as const;

const plannedKcn = (
  id: string,
  number: string,
  areaHa: number,
  district: string,
  shape: ZoneRow['shape'],
): ZoneRow => ({
  properties: {
    id,
    kind: 'KCN',
    name: { vi: `KCN ${number}`, en: `${number} Industrial Park` },
    status: 'planned',
    statusHistory: [
      {
        status: 'planned',
        date: '2023-11-03',
        sourceId: 'bqlkcn-581',
        note: 'In the provincial plan 2021–2030 (QĐ 1288/QĐ-TTg of 3/11/2023), among the "08 KCN" listed by the BQL.',
      },
      {
        status: 'planned',
        date: '2024-06-10',
        sourceId: 'bqlkcn-581',
        note: 'QĐ 1004/QĐ-UBND lists its zoning plan as open to sponsorship.',
      },
    ],
    accuracy: 'approximate',
    geometrySourceId: SKETCH,
    totalAreaHa: fig(areaHa, 'bqlkcn-581', '2024-06-10'),
    industrialLandHa: NO_INDUSTRIAL_LAND,
    developer: null,
    tenants: [],
    sectors: [],
    siteLocated: false,
    addressOld: { commune: null, district, province: 'Bắc Kạn' },
    addressNew: { commune: null, province: 'Thái Nguyên' },
    infrastructure: infraItems({}, 'not_reported', PLANNED_INFRA),
    occupancyClaim: null,
    hasLayout: false,
    decision: { text: 'QĐ 1004/QĐ-UBND', date: '2024-06-10', subject: 'zoning_open_to_sponsorship', sourceId: 'bqlkcn-581' },
    note: 'Newly planned KCN; its site is NOT FOUND, so the outline is placed arbitrarily in the former district. No land leased. The BQL location map linked from bqlkcn-581 would give the real site.',
  },
  shape,
});

export const ZONES: ZoneRow[] = [
  {
    properties: {
      id: 'kcn-thanh-binh-1',
      kind: 'KCN',
      name: { vi: 'KCN Thanh Bình (giai đoạn I)', en: 'Thanh Bình Industrial Park, phase I' },
      status: 'operating',
      statusHistory: [
        {
          status: 'established',
          date: '2007',
          sourceId: 'lforum-2023',
          note: 'Established in 2007; in the national KCN plan with 153 ha for phases I and II.',
        },
        {
          status: 'operating',
          date: '2010',
          sourceId: 'danviet-7777105460',
          note: "SAHABAK's wood-panel plant opened in 2010: the earliest tenant operation found.",
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(73.5, 'backan-gov-225f', '2021-12-30', 'A 2022 plan would add 51 ha; a later zoning revision proposes +7.2 ha, i.e. 80.7 ha (congthuong-297008).'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: null,
      tenants: [
        { name: 'Cty CP SAHABAK', sector: 'wood_panels', sourceId: 'danviet-7777105460' },
        { name: 'Chi nhánh Cty TNHH SX&TM Hồng Ngọc', sector: null, sourceId: 'bqlkcn-516' },
        { name: 'Cty TNHH Lechenwood Việt Nam', sector: null, sourceId: 'lforum-2024' },
        { name: 'Cty TNHH Kẻ Gỗ (Ke Go Co., Ltd)', sector: null, sourceId: 'lforum-2024' },
        { name: 'Cty CP Đầu tư Govina', sector: 'plywood', sourceId: 'baobackan-post70526' },
      ],
      tenantCount: fig(14, 'lforum-2024', '2024-08-20', '14 projects, 8 of them operating in August 2024 (11 in 2023, lforum-2023). The sources name 5 of them.'),
      sectors: ['wood_panels', 'plywood'],
      addressOld: { commune: 'xã Thanh Thịnh', district: 'huyện Chợ Mới', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Thanh Thịnh', province: 'Thái Nguyên' },
      infrastructure: infraItems(
        {
          site_clearance: {
            pct: null,
            state: 'under_way',
            sourceId: 'bqlkcn-516',
            asOf: '2024-04-12',
            note: 'Not complete: on 12/4/2024 the provincial chairman urged faster site clearance of the remaining land. No percentage.',
          },
          levelling: {
            pct: null,
            state: 'under_way',
            statedAs: { vi: 'Còn 13,89 ha chưa san nền', en: '13.89 ha still to be levelled' },
            sourceId: 'baobackan-post58153',
            asOf: '2023-11',
            note: '13.89 ha of phase I still needed levelling (bqlkcn-109); ≈58 bn VND allocated 2021–2023, contractor being selected, completion targeted for 2024. No percentage is given, and the share of the 73.5 ha that is levelled is not one: the total includes roads and green land.',
          },
          internal_roads: { ...BASICALLY_COMPLETE, sourceId: 'baodauthau-8835', asOf: '2015', note: 'Phase I infrastructure (250 bn VND) basically complete in 2015.' },
          water_supply: { ...BASICALLY_COMPLETE, sourceId: 'baodauthau-8835', asOf: '2015', note: 'Phase I infrastructure basically complete in 2015.' },
          drainage: { ...BASICALLY_COMPLETE, sourceId: 'baodauthau-8835', asOf: '2015', note: 'Phase I infrastructure basically complete in 2015.' },
          wastewater_treatment: { ...BASICALLY_COMPLETE, sourceId: 'baodauthau-8835', asOf: '2015', note: 'Central treatment plant of 2,500 m³/day, basically complete in 2015.' },
          power: { ...BASICALLY_COMPLETE, sourceId: 'baodauthau-8835', asOf: '2015', note: 'Phase I infrastructure basically complete in 2015.' },
        },
        'not_reported',
        UNREPORTED,
      ),
      occupancyClaim: {
        basis: 'developed_land',
        valuePct: 100,
        sourceId: 'lforum-2023',
        asOf: '2023-04-30',
        note: 'The source says the industrial land with infrastructure for rent "has been filled" and no new project has come since 2022: 100 % of the developed land. The 13.89 ha still to be levelled are not in this base. Earlier: 97 % with 4 investors in 2015 (baodauthau-8835). Leased hectares NOT FOUND.',
      },
      hasLayout: true,
      decision: { text: 'QĐ 1156/QĐ-UBND', date: '2022-06-30', subject: 'zoning_adjusted', sourceId: 'bqlkcn-109' },
      note: "The province's only operating KCN, on QL3 (timhieuvietnam-bac-kan). 14 projects: 11 operating in 2023, 8 in August 2024; ~1,000 workers and ~1,000 bn VND revenue in 2024 (lforum-2023, lforum-2024). QĐ 2635/QĐ-UBND (30/12/2021) set its investment-promotion programme for 2021–2025. Until 1/2/2020 the site was in xã Thanh Bình, since merged into xã Thanh Thịnh (backan-gov-a842), which the merger table (formedFrom) makes part of the new xã Thanh Thịnh; the outline is placed there, not surveyed.",
    },
    shape: { center: [105.805, 21.9275], vertices: 9, aspect: 1.15, rotationDeg: 70 },
  },
  {
    properties: {
      id: 'kcn-thanh-binh-2',
      kind: 'KCN',
      name: { vi: 'KCN Thanh Bình (giai đoạn II)', en: 'Thanh Bình Industrial Park, phase II' },
      status: 'planned',
      statusHistory: [
        {
          status: 'planned',
          date: '2015',
          sourceId: 'baodauthau-8835',
          note: 'The Prime Minister approved moving 66.6 ha of phase II to an adjacent site, total area unchanged.',
        },
        {
          status: 'planned',
          date: '2016-06-14',
          sourceId: 'backan-gov-336e',
          note: 'QĐ 1061/QĐ-TTg approved the investment policy: infrastructure worth 390.174 bn VND.',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(80.3, 'baodauthau-8835', '2015'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: {
        text: 'Cty CP dịch vụ du lịch Onsen Fuji',
        sourceId: 'baomoi-c51779460',
      },
      tenants: [],
      sectors: [],
      addressOld: { commune: 'xã Thanh Thịnh', district: 'huyện Chợ Mới', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Thanh Thịnh', province: 'Thái Nguyên' },
      infrastructure: infraItems({}, 'not_reported', 'No infrastructure built as of early 2025 (baomoi-c51779460).'),
      occupancyClaim: null,
      hasLayout: false,
      decision: { text: 'QĐ 1061/QĐ-TTg', date: '2016-06-14', subject: 'investment_policy', sourceId: 'backan-gov-336e' },
      note: 'QĐ 2635/QĐ-UBND aims to attract a developer for phase II (backan-gov-225f). Not to be confused with "KCN Thanh Bình II" in Long An province.',
    },
    shape: { center: [105.819, 21.921], vertices: 8, aspect: 1.3, rotationDeg: 20 },
  },
  plannedKcn('kcn-cho-moi-3', 'Chợ Mới 3', 300, 'huyện Chợ Mới', {
    center: [105.835, 21.935],
    vertices: 10,
    aspect: 1.3,
    rotationDeg: 30,
  }),
  plannedKcn('kcn-cho-moi-4', 'Chợ Mới 4', 496, 'huyện Chợ Mới', {
    center: [105.841, 21.86],
    vertices: 10,
    aspect: 1.5,
    rotationDeg: -20,
  }),
  // Placed inside former Chợ Mới district: an earlier placement fell in xã Phượng Tiến, which was never part of Bắc Kạn.
  plannedKcn('kcn-cho-moi-5', 'Chợ Mới 5', 498, 'huyện Chợ Mới', {
    center: [105.775, 21.975],
    vertices: 10,
    aspect: 1.4,
    rotationDeg: 60,
  }),
  // Placed inside former Bạch Thông district: an earlier placement put 104.5 ha in a commune of former Ba Bể.
  plannedKcn('kcn-bach-thong', 'Bạch Thông', 400, 'huyện Bạch Thông', {
    center: [105.853, 22.292],
    vertices: 10,
    aspect: 1.3,
    rotationDeg: 100,
  }),
  {
    properties: {
      id: 'ccn-huyen-tung',
      kind: 'CCN',
      name: { vi: 'CCN Huyền Tụng', en: 'Huyền Tụng Industrial Cluster' },
      status: 'established',
      statusHistory: [
        {
          status: 'established',
          date: '2023-11',
          sourceId: 'baobackan-post58153',
          note: 'Counted among the "6 CCN established" in November 2023; basic infrastructure funded from the ≈322 bn VND local budget allocated to 3 CCNs (Bắc Kạn city, Na Rì, Chợ Đồn). Establishment decision NOT FOUND. Not "operating" in any source: the tenant\'s plant was built from 6/2024 and expected to start in Q2/2025 (congdoan-936096, May 2025).',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(16, 'baomoi-c51779460', '2025'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: TT_KHUYEN_CONG, sourceId: 'baobackan-post58153' },
      tenants: [{ name: 'Cty TNHH SX giày Chung Jye Bắc Kạn – Việt Nam', sector: 'footwear', sourceId: 'baobackan-post68856' }],
      sectors: ['footwear'],
      addressOld: { commune: 'phường Huyền Tụng', district: 'thành phố Bắc Kạn', province: 'Bắc Kạn' },
      addressNew: { commune: 'phường Đức Xuân', province: 'Thái Nguyên' },
      infrastructure: infraItems(
        Object.fromEntries(
          (['site_clearance', 'levelling', 'internal_roads', 'water_supply', 'drainage', 'wastewater_treatment', 'power'] as const).map(
            (item) => [
              item,
              {
                ...BASICALLY_COMPLETE,
                sourceId: 'baomoi-c51779460',
                asOf: '2025',
                note: 'The cluster\'s infrastructure is reported "basically complete" (2023–2025 reports); no source gives a percentage per item.',
              },
            ],
          ),
        ),
        'not_reported',
        UNREPORTED,
      ),
      occupancyClaim: {
        basis: 'industrial_land',
        valuePct: 100,
        sourceId: 'congdoan-936096',
        asOf: '2025-05',
        note: '100 % of the industrial land leased to Chung Jye (May 2025; also the January 2025 review of 2024, baobackan-post68856, and baomoi-c51779460).',
      },
      hasLayout: true,
      decision: null,
      note: 'Chung Jye makes footwear and soles: US$25 m (>600 bn VND), 10 million pairs/yr, ~5,000 jobs; plant construction from 6/2024, operation expected Q2/2025 (congdoan-936096). Placed at the ward point of Huyền Tụng (huyen-tung-wiki-mirror), ±3 km. Possibly the older planned "CCN Phiêng My" site (unverified).',
    },
    shape: { center: [105.8356, 22.1722], vertices: 8, aspect: 1.2, rotationDeg: 80 },
  },
  {
    properties: {
      id: 'ccn-vang-muoi',
      kind: 'CCN',
      name: { vi: 'CCN Vằng Mười', en: 'Vằng Mười Industrial Cluster' },
      status: 'under_construction',
      statusHistory: [
        { status: 'established', date: '2021-09-21', sourceId: 'backan-gov-bba5', note: 'QĐ 1747/QĐ-UBND.' },
        {
          status: 'under_construction',
          date: '2025',
          sourceId: 'baomoi-c51779460',
          note: 'Levelling at 60–85 % of contract value in early 2025. Works programme 2022–2025; start date NOT FOUND.',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(15, 'backan-gov-bba5', '2021-09-21'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: TT_KHUYEN_CONG, sourceId: 'backan-gov-bba5' },
      tenants: [],
      sectors: [],
      addressOld: { commune: 'xã Trần Phú', district: 'huyện Na Rì', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Trần Phú', province: 'Thái Nguyên' },
      infrastructure: infraItems(
        {
          levelling: {
            pct: null,
            state: 'under_way',
            statedAs: CONTRACT_VALUE_60_85,
            sourceId: 'baomoi-c51779460',
            asOf: '2025',
            note: 'Levelling at 60–85 % of contract value (early 2025): a share of money paid, not of land levelled, and a range, so no progress percentage is recorded.',
          },
        },
        'not_reported',
        UNREPORTED,
      ),
      occupancyClaim: null,
      hasLayout: true,
      decision: { text: 'QĐ 1747/QĐ-UBND', date: '2021-09-21', subject: 'established', sourceId: 'backan-gov-bba5' },
      note: 'Investment 149 bn VND (60 bn public investment + 89 bn other sources), 2022–2025. Placed in xã Trần Phú, its sourced old commune, which the merger table (formedFrom) makes part of the new xã Trần Phú; its site is not located more precisely (±3 km).',
    },
    shape: { center: [106.135, 22.195], vertices: 8, aspect: 1.3, rotationDeg: 30 },
  },
  {
    properties: {
      id: 'ccn-nam-bang-lung',
      kind: 'CCN',
      name: { vi: 'CCN Nam Bằng Lũng', en: 'Nam Bằng Lũng Industrial Cluster' },
      status: 'under_construction',
      statusHistory: [
        { status: 'established', date: '2021-10-06', sourceId: 'backan-gov-fd7c', note: 'QĐ 1852/QĐ-UBND.' },
        {
          status: 'under_construction',
          date: '2025',
          sourceId: 'baomoi-c51779460',
          note: 'Levelling at 60–85 % of contract value in early 2025; start date NOT FOUND.',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(20, 'backan-gov-fd7c', '2021-10-06'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: TT_KHUYEN_CONG, sourceId: 'backan-gov-fd7c' },
      tenants: [],
      sectors: ['metals', 'batteries', 'chemicals', 'wood_paper', 'waste_recycling'],
      sectorsBasis: 'sought',
      addressOld: { commune: null, district: 'huyện Chợ Đồn', province: 'Bắc Kạn' },
      addressNew: { commune: null, province: 'Thái Nguyên' },
      infrastructure: infraItems(
        {
          levelling: {
            pct: null,
            state: 'under_way',
            statedAs: CONTRACT_VALUE_60_85,
            sourceId: 'baomoi-c51779460',
            asOf: '2025',
            note: 'Levelling at 60–85 % of contract value (early 2025): a share of money paid, not of land levelled, and a range, so no progress percentage is recorded.',
          },
        },
        'not_reported',
        UNREPORTED,
      ),
      occupancyClaim: null,
      hasLayout: true,
      decision: { text: 'QĐ 1852/QĐ-UBND', date: '2021-10-06', subject: 'established', sourceId: 'backan-gov-fd7c' },
      note: 'Investment 216 bn VND. The sectors are those the province seeks, not tenants. Placed just south of Bằng Lũng town, ±3 km.',
    },
    shape: { center: [105.598, 22.1445], vertices: 8, aspect: 1.4, rotationDeg: 20 },
  },
  {
    properties: {
      id: 'ccn-quang-chu',
      kind: 'CCN',
      name: { vi: 'CCN Quảng Chu', en: 'Quảng Chu Industrial Cluster' },
      status: 'under_construction',
      statusHistory: [
        {
          status: 'under_construction',
          date: '2024-12',
          sourceId: 'businessinvestmentvn-a190846',
          note: 'Onsen Fuji started building the technical infrastructure at the end of 2024; operation targeted for Q4/2025.',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(74.4, 'baomoi-c51779460', '2025', 'Sources give 74.4, 74.5 or 74.9 ha.'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: 'Cty CP Onsen Fuji Bắc Kạn (Tập đoàn Onsen Fuji)', sourceId: 'businessinvestmentvn-a190846' },
      tenants: [{ name: 'Cty Giấy Hòa An Phước', sector: 'kraft_paper', sourceId: 'vtcnews-ar971131' }],
      sectors: ['kraft_paper'],
      addressOld: { commune: 'xã Quảng Chu', district: 'huyện Chợ Mới', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Chợ Mới', province: 'Thái Nguyên' },
      infrastructure: infraItems(
        {},
        'not_reported',
        'Construction of the technical infrastructure started at the end of 2024 (businessinvestmentvn-a190846); no progress figure.',
      ),
      occupancyClaim: null,
      hasLayout: false,
      decision: null,
      note: 'Near QL3C, ~20 km from Thái Nguyên city; aims at ~10,000 jobs. Listed among the clusters newly established in the first nine months of 2025 (vietnam-vn-tn-fdi-2025); establishment decision NOT FOUND. First secondary tenant, Giấy Hòa An Phước, broke ground on 11/10/2025 (vtcnews-ar971131); leased area NOT FOUND.',
    },
    shape: { center: [105.8, 21.838], vertices: 8, aspect: 1.4, rotationDeg: -30 },
  },
  {
    properties: {
      id: 'ccn-cam-giang',
      kind: 'CCN',
      name: { vi: 'CCN Cẩm Giàng', en: 'Cẩm Giàng Industrial Cluster' },
      status: 'established',
      statusHistory: [
        {
          status: 'established',
          date: '2020-10-16',
          sourceId: 'backan-gov-cff6',
          note: 'QĐ 1868/QĐ-UBND: 40 ha, 50-year term, 36-month schedule. Still at site clearance in 2023–2025 (baobackan-post58153, baomoi-c51779460).',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(43, 'baomoi-c51779460', '2025', '40 ha in the 2020 decision; 43 ha in 2023–2025 reports.'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: 'Cty CP Nhựa đường Dầu khí Việt Nam (PV Asphalt)', sourceId: 'backan-gov-cff6' },
      tenants: [],
      sectors: ['biomass_power', 'microbial_fertiliser', 'processing'],
      sectorsBasis: 'sought',
      addressOld: { commune: 'xã Cẩm Giàng', district: 'huyện Bạch Thông', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Cẩm Giàng', province: 'Thái Nguyên' },
      infrastructure: infraItems(
        {
          site_clearance: {
            pct: null,
            state: 'under_way',
            sourceId: 'baomoi-c51779460',
            asOf: '2025',
            note: 'Site clearance and procedures under way (2023–2025); no percentage.',
          },
        },
        'not_reported',
        'No progress reported; the cluster is at the site-clearance stage.',
      ),
      occupancyClaim: null,
      hasLayout: true,
      decision: { text: 'QĐ 1868/QĐ-UBND', date: '2020-10-16', subject: 'established', sourceId: 'backan-gov-cff6' },
      note: 'The sectors are those the developer targets, not tenants. Placed south of Phủ Thông, east of QL3, ±3 km.',
    },
    shape: { center: [105.887, 22.218], vertices: 9, aspect: 1.3, rotationDeg: 110 },
  },
  {
    properties: {
      id: 'ccn-thanh-thinh',
      kind: 'CCN',
      name: { vi: 'CCN Thanh Thịnh', en: 'Thanh Thịnh Industrial Cluster' },
      status: 'planned',
      statusHistory: [
        {
          status: 'planned',
          date: '2022-10-06',
          sourceId: 'backan-gov-7d72',
          note: 'Added to the CCN plan by QĐ 1876/QĐ-UBND. A Nov 2023 report counts "6 CCN established" in a list that appears to include it (baobackan-post58153), but no establishment decision was found and it was still completing investment procedures in early 2025 (baomoi-c51779460), so it is kept as planned.',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(50, 'backan-gov-7d72', '2022-10-06'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: 'Cty CP Khoáng sản Bắc Kạn', sourceId: 'backan-gov-7d72' },
      tenants: [],
      sectors: [],
      addressOld: { commune: 'xã Thanh Thịnh', district: 'huyện Chợ Mới', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Thanh Thịnh', province: 'Thái Nguyên' },
      infrastructure: infraItems({}, 'not_reported', PLANNED_INFRA),
      occupancyClaim: null,
      hasLayout: false,
      decision: { text: 'QĐ 1876/QĐ-UBND', date: '2022-10-06', subject: 'added_to_plan', sourceId: 'backan-gov-7d72' },
      note: 'Establishment decision NOT FOUND. Placed near KCN Thanh Bình in the same commune, ±3 km.',
    },
    shape: { center: [105.8005, 21.9155], vertices: 8, aspect: 1.2, rotationDeg: 0 },
  },
  {
    properties: {
      id: 'ccn-chu-huong',
      kind: 'CCN',
      name: { vi: 'CCN Chu Hương', en: 'Chu Hương Industrial Cluster' },
      status: 'revoked',
      statusHistory: [
        { status: 'established', date: '2021-10-08', sourceId: 'backan-gov-fd7c', note: 'QĐ 1885/QĐ-UBND.' },
        {
          status: 'revoked',
          date: '2022-11-04',
          sourceId: 'backan-gov-7ceb',
          note: 'QĐ 2144/QĐ-UBND, following NQ 41/NQ-HĐND of 18/10/2022.',
        },
      ],
      accuracy: 'approximate',
      geometrySourceId: SKETCH,
      totalAreaHa: fig(18, 'backan-gov-fd7c', '2021-10-08'),
      industrialLandHa: NO_INDUSTRIAL_LAND,
      developer: { text: TT_KHUYEN_CONG, sourceId: 'backan-gov-fd7c' },
      tenants: [],
      sectors: [],
      addressOld: { commune: 'xã Chu Hương', district: 'huyện Ba Bể', province: 'Bắc Kạn' },
      addressNew: { commune: 'xã Thượng Minh', province: 'Thái Nguyên' },
      infrastructure: infraItems({}, 'not_reported', 'No infrastructure reported; the establishment was revoked in 2022.'),
      occupancyClaim: null,
      hasLayout: false,
      decision: { text: 'QĐ 2144/QĐ-UBND', date: '2022-11-04', subject: 'revoked', sourceId: 'backan-gov-7ceb' },
      note: 'Original investment 165 bn VND. An early-2025 article still lists it as "completing investment procedures" and counts it in "6 CCN, 186.4 ha" (baomoi-c51779460); a re-establishment was NOT FOUND, so the revocation stands here.',
    },
    shape: { center: [105.778, 22.408], vertices: 8, aspect: 1.2, rotationDeg: 45 },
  },
];
