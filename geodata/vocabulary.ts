/**
 * The one vocabulary of iz-atlas: every status, kind and infrastructure item, with its
 * Vietnamese and English label. Client, server, check script and tests all import from here,
 * so a status added here is known everywhere and a typo anywhere fails the type check.
 */
import { foldText } from './text.ts';

export type Label = { vi: string; en: string };

export const ZONE_KINDS = ['KCN', 'CCN'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];
export const ZONE_KIND_LABELS: Record<ZoneKind, Label> = {
  KCN: { vi: 'Khu công nghiệp', en: 'Industrial park' },
  CCN: { vi: 'Cụm công nghiệp', en: 'Industrial cluster' },
};

/** Legal and implementation status, in the order a zone normally moves through it. */
export const ZONE_STATUSES = ['planned', 'established', 'under_construction', 'operating', 'revoked'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];
export const ZONE_STATUS_LABELS: Record<ZoneStatus, Label> = {
  planned: { vi: 'Quy hoạch', en: 'Planned' },
  established: { vi: 'Đã thành lập', en: 'Established' },
  under_construction: { vi: 'Đang xây dựng hạ tầng', en: 'Under construction' },
  operating: { vi: 'Đang hoạt động', en: 'Operating' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
};
/** Zones in these statuses have no leasable land yet: the map draws them hatched, not by occupancy. */
export const PRE_LEASING_STATUSES: readonly ZoneStatus[] = ['planned', 'revoked'];

export const PLOT_STATUSES = ['leased', 'reserved', 'available', 'not_developed'] as const;
export type PlotStatus = (typeof PLOT_STATUSES)[number];
export const PLOT_STATUS_LABELS: Record<PlotStatus, Label> = {
  leased: { vi: 'Đã cho thuê', en: 'Leased' },
  reserved: { vi: 'Đã đặt chỗ', en: 'Reserved' },
  available: { vi: 'Còn trống', en: 'Available' },
  not_developed: { vi: 'Chưa có hạ tầng', en: 'Not yet developed' },
};

export const LAND_USES = ['industrial', 'service', 'infrastructure', 'green'] as const;
export type LandUse = (typeof LAND_USES)[number];
export const LAND_USE_LABELS: Record<LandUse, Label> = {
  industrial: { vi: 'Đất công nghiệp', en: 'Industrial land' },
  service: { vi: 'Đất dịch vụ', en: 'Service land' },
  infrastructure: { vi: 'Đất hạ tầng kỹ thuật', en: 'Technical infrastructure' },
  green: { vi: 'Đất cây xanh', en: 'Green space' },
};

/**
 * Decree 35/2022/NĐ-CP art. 2 cl. 22: the occupancy rate counts industrial plus service land,
 * both leased (numerator) and in total (denominator).
 */
export const LEASABLE_LAND_USES: readonly LandUse[] = ['industrial', 'service'];
/** Statuses counted as occupied in the numerator. Reserved land is not yet leased. */
export const OCCUPIED_PLOT_STATUSES: readonly PlotStatus[] = ['leased'];

/**
 * Infrastructure items and their weights in the progress figure. The weights follow the
 * rough cost share of each item in the provincial CCN budgets (levelling and roads dominate);
 * they sum to 1 and are documented in README.md.
 */
export const INFRA_ITEMS = [
  'site_clearance',
  'levelling',
  'internal_roads',
  'water_supply',
  'drainage',
  'wastewater_treatment',
  'power',
] as const;
export type InfraItem = (typeof INFRA_ITEMS)[number];
export const INFRA_WEIGHTS: Record<InfraItem, number> = {
  site_clearance: 0.15,
  levelling: 0.2,
  internal_roads: 0.2,
  water_supply: 0.1,
  drainage: 0.1,
  wastewater_treatment: 0.15,
  power: 0.1,
};
export const INFRA_LABELS: Record<InfraItem, Label> = {
  site_clearance: { vi: 'Giải phóng mặt bằng', en: 'Site clearance' },
  levelling: { vi: 'San nền', en: 'Levelling' },
  internal_roads: { vi: 'Đường nội bộ', en: 'Internal roads' },
  water_supply: { vi: 'Cấp nước', en: 'Water supply' },
  drainage: { vi: 'Thoát nước', en: 'Drainage' },
  wastewater_treatment: { vi: 'Xử lý nước thải', en: 'Wastewater treatment' },
  power: { vi: 'Cấp điện', en: 'Power supply' },
};

/**
 * What a source says about an item when it gives no percentage. "Basically complete" (cơ bản
 * hoàn thành) is a status, not 100 %: the atlas never turns it into a number.
 */
export const INFRA_STATES = ['basically_complete', 'under_way', 'not_started'] as const;
export type InfraState = (typeof INFRA_STATES)[number];
export const INFRA_STATE_LABELS: Record<InfraState, Label> = {
  basically_complete: { vi: 'Cơ bản hoàn thành', en: 'Basically complete' },
  under_way: { vi: 'Đang thực hiện', en: 'Under way' },
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
};

export const ACCURACIES = ['approximate', 'surveyed'] as const;
export type Accuracy = (typeof ACCURACIES)[number];
export const ACCURACY_LABELS: Record<Accuracy, Label> = {
  approximate: { vi: 'Ranh giới gần đúng', en: 'Approximate boundary' },
  surveyed: { vi: 'Ranh giới đo đạc', en: 'Surveyed boundary' },
};

export const CONTEXT_KINDS = ['province', 'district_seat', 'road', 'lake', 'river'] as const;
/**
 * Basemap features may also be schematic: drawn only through the places a source says they pass
 * (the roads, the river and the lake until real data exists), not a line found on the ground.
 */
export const CONTEXT_ACCURACIES = [...ACCURACIES, 'schematic'] as const;

/** An investor enquiry moves through these, in order. */
export const ENQUIRY_STATUSES = ['new', 'contacted', 'site_visit', 'closed'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
export const ENQUIRY_STATUS_LABELS: Record<EnquiryStatus, Label> = {
  new: { vi: 'Mới', en: 'New' },
  contacted: { vi: 'Đã liên hệ', en: 'Contacted' },
  site_visit: { vi: 'Khảo sát thực địa', en: 'Site visit' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};
/** Enquiries in these statuses mark their plot as in demand on the map. */
export const OPEN_ENQUIRY_STATUSES: readonly EnquiryStatus[] = ['new', 'contacted', 'site_visit'];

/**
 * Sectors of tenants and of what a zone admits or seeks. The data stores the code; a sector typed
 * or imported that is not in this list is kept as the text given (see sectorOf), so a planner is
 * never blocked from recording a real tenant, and the list grows by adding a code here.
 */
export const SECTORS = [
  'wood_panels',
  'plywood',
  'wood_paper',
  'kraft_paper',
  'footwear',
  'metals',
  'batteries',
  'chemicals',
  'waste_recycling',
  'biomass_power',
  'microbial_fertiliser',
  'processing',
  'electronics',
  'electrical_equipment',
  'auto_parts',
  'mechanical_engineering',
  'garments',
] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Record<Sector, Label> = {
  wood_panels: { vi: 'Ván gỗ', en: 'Wood panels' },
  plywood: { vi: 'Gỗ dán', en: 'Plywood' },
  wood_paper: { vi: 'Chế biến gỗ và giấy', en: 'Wood and paper' },
  kraft_paper: { vi: 'Giấy kraft', en: 'Kraft paper' },
  footwear: { vi: 'Da giày', en: 'Footwear' },
  metals: { vi: 'Luyện kim', en: 'Metals' },
  batteries: { vi: 'Pin, ắc quy', en: 'Batteries' },
  chemicals: { vi: 'Hóa chất', en: 'Chemicals' },
  waste_recycling: { vi: 'Tái chế chất thải', en: 'Waste recycling' },
  biomass_power: { vi: 'Điện sinh khối', en: 'Biomass power' },
  microbial_fertiliser: { vi: 'Phân bón vi sinh', en: 'Microbial fertiliser' },
  processing: { vi: 'Chế biến', en: 'Processing' },
  electronics: { vi: 'Điện tử', en: 'Electronics' },
  electrical_equipment: { vi: 'Thiết bị, linh kiện điện', en: 'Electrical equipment and components' },
  auto_parts: { vi: 'Ô tô, phụ tùng ô tô', en: 'Automotive and auto parts' },
  mechanical_engineering: { vi: 'Cơ khí', en: 'Mechanical engineering' },
  garments: { vi: 'May mặc', en: 'Garments' },
};

const SECTOR_BY_TEXT = new Map<string, Sector>(
  SECTORS.flatMap((s) => [
    [foldText(s), s],
    [foldText(SECTOR_LABELS[s].vi), s],
    [foldText(SECTOR_LABELS[s].en), s],
  ]),
);

/** What to store for a sector as typed or imported: its code when it names one (code or label, either language), else the text as given. */
export function sectorOf(text: string): string {
  return SECTOR_BY_TEXT.get(foldText(text)) ?? text.trim();
}

export const isSector = (value: string): value is Sector => (SECTORS as readonly string[]).includes(value);

/** A stored sector for display: the label of a code, or free text as typed (shown as such, its language unknown). */
export function sectorLabel(value: string, lang: keyof Label): { text: string; free: boolean } {
  return isSector(value) ? { text: SECTOR_LABELS[value][lang], free: false } : { text: value, free: true };
}

/**
 * Why a figure is unknown, where the data says: no source found gives it; the sources report
 * none (the work or count is not reported); the source gives words or a status, not a number.
 */
export const FIGURE_GAPS = ['not_found', 'not_reported', 'no_number'] as const;
export type FigureGap = (typeof FIGURE_GAPS)[number];

/**
 * How a source was read, where that weakens it: through a machine translation (a foreign-language
 * mirror of a Vietnamese article, where names can be mangled), from a property agency or blog,
 * from a third party's table (e.g. business addresses in a public repository), or from its title
 * only. A figure from such a source is still the source's figure; the reader is told how it came.
 */
export const SOURCE_CAVEATS = ['machine_translation', 'property_agency', 'third_party_table', 'title_only'] as const;
export type SourceCaveat = (typeof SOURCE_CAVEATS)[number];

/** What a zone's list of sectors means: the sectors of its tenants, or those the province or developer seeks. */
export const SECTOR_BASES = ['tenants', 'sought'] as const;

/** What a zone's decision decided. */
export const DECISION_SUBJECTS = ['established', 'revoked', 'added_to_plan', 'removed_from_plan', 'investment_policy', 'zoning_adjusted', 'zoning_open_to_sponsorship'] as const;
export type DecisionSubject = (typeof DECISION_SUBJECTS)[number];
export const DECISION_SUBJECT_LABELS: Record<DecisionSubject, Label> = {
  established: { vi: 'thành lập', en: 'establishment' },
  revoked: { vi: 'thu hồi quyết định thành lập', en: 'revocation of the establishment' },
  added_to_plan: { vi: 'bổ sung vào quy hoạch', en: 'added to the plan' },
  removed_from_plan: { vi: 'đưa ra khỏi quy hoạch', en: 'removed from the plan' },
  investment_policy: { vi: 'chủ trương đầu tư', en: 'investment policy' },
  zoning_adjusted: { vi: 'điều chỉnh quy hoạch phân khu', en: 'adjusted zoning plan' },
  zoning_open_to_sponsorship: { vi: 'quy hoạch phân khu kêu gọi tài trợ', en: 'zoning plan open to sponsorship' },
};
