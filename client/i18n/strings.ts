/** Interface text. Vietnamese is the default; every key must exist in both languages. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const vi = {
  appTitle: 'Bản đồ khu, cụm công nghiệp Bắc Kạn',
  appSubtitle: 'Nay thuộc tỉnh Thái Nguyên (từ 1/7/2025)',
  search: 'Tìm khu, cụm công nghiệp',
  searchPlaceholder: 'Tìm theo tên, ví dụ "huyen tung"',
  noResults: 'Không tìm thấy',
  colourBy: 'Tô màu theo',
  occupancy: 'Tỷ lệ lấp đầy',
  progress: 'Tiến độ hạ tầng',
  legend: 'Chú giải',
  noData: 'Chưa có số liệu',
  kcn: 'Khu công nghiệp (KCN)',
  ccn: 'Cụm công nghiệp (CCN)',
  preLeasing: 'Quy hoạch / đã thu hồi: chưa có đất cho thuê',
  plots: 'Lô đất (phóng to để xem)',
  cluster: 'Nhóm khu/cụm: tỷ lệ lấp đầy chung',
  close: 'Đóng',
  status: 'Trạng thái',
  kind: 'Loại hình',
  addressOld: 'Địa chỉ trước 1/7/2025',
  addressNew: 'Địa chỉ hiện nay',
  totalArea: 'Tổng diện tích',
  industrialLand: 'Đất công nghiệp, dịch vụ (theo lô)',
  leased: 'Đã cho thuê',
  available: 'Còn trống',
  notDeveloped: 'Chưa có hạ tầng',
  developer: 'Chủ đầu tư hạ tầng',
  tenants: 'Doanh nghiệp thuê đất',
  noTenants: 'Chưa có doanh nghiệp thuê đất theo nguồn',
  infrastructure: 'Hạ tầng kỹ thuật',
  overall: 'Tổng hợp (bình quân gia quyền)',
  coverage: 'dựa trên {pct}% trọng số có số liệu',
  sources: 'Nguồn',
  asOf: 'thời điểm',
  approximate: 'Ranh giới gần đúng',
  approximateHelp: 'Ranh giới và lô đất vẽ tay, chưa đo đạc; chỉ để minh họa vị trí và tỷ lệ.',
  occupancyHelp: 'Diện tích đất công nghiệp, dịch vụ đã cho thuê ÷ tổng diện tích đất công nghiệp, dịch vụ (Nghị định 35/2022), tính từ các lô.',
  developedOccupancy: 'Lấp đầy phần đất đã có hạ tầng',
  noLayout: 'Chưa có quy hoạch chi tiết các lô: không tính được tỷ lệ lấp đầy.',
  province: 'Toàn tỉnh',
  language: 'English',
  loading: 'Đang tải…',
  loadError: 'Không tải được dữ liệu. Thử lại sau.',
  ha: 'ha',
  zones: 'khu/cụm',
  decision: 'Quyết định',
  note: 'Ghi chú',
  sectors: 'Ngành nghề',
  statsKcn: 'KCN lấp đầy',
  statsCcn: 'CCN lấp đầy',
  computedFromPlots: 'tính từ lô đất (sơ đồ gần đúng)',
} as const;

export type StringKey = keyof typeof vi;

const en: Record<StringKey, string> = {
  appTitle: 'Bắc Kạn industrial parks and clusters',
  appSubtitle: 'Part of Thái Nguyên province since 1 July 2025',
  search: 'Find a park or cluster',
  searchPlaceholder: 'Search by name, e.g. "huyen tung"',
  noResults: 'No match',
  colourBy: 'Colour by',
  occupancy: 'Occupancy rate',
  progress: 'Infrastructure progress',
  legend: 'Legend',
  noData: 'No data',
  kcn: 'Industrial park (KCN)',
  ccn: 'Industrial cluster (CCN)',
  preLeasing: 'Planned / revoked: no leasable land yet',
  plots: 'Plots (zoom in to see)',
  cluster: 'Group of zones: combined occupancy',
  close: 'Close',
  status: 'Status',
  kind: 'Kind',
  addressOld: 'Address before 1 July 2025',
  addressNew: 'Current address',
  totalArea: 'Total area',
  industrialLand: 'Industrial and service land (from plots)',
  leased: 'Leased',
  available: 'Available',
  notDeveloped: 'Not yet developed',
  developer: 'Infrastructure developer',
  tenants: 'Tenants',
  noTenants: 'No tenant reported by the sources',
  infrastructure: 'Infrastructure',
  overall: 'Overall (weighted mean)',
  coverage: 'based on {pct}% of the weight with data',
  sources: 'Sources',
  asOf: 'as of',
  approximate: 'Approximate boundary',
  approximateHelp: 'Boundary and plots are hand-drawn, not surveyed; they show location and proportions only.',
  occupancyHelp: 'Leased industrial and service land ÷ all industrial and service land (Decree 35/2022), computed from plots.',
  developedOccupancy: 'Occupancy of developed land',
  noLayout: 'No detailed plot layout yet: occupancy cannot be computed.',
  province: 'Province',
  language: 'Tiếng Việt',
  loading: 'Loading…',
  loadError: 'Could not load the data. Try again later.',
  ha: 'ha',
  zones: 'zones',
  decision: 'Decision',
  note: 'Note',
  sectors: 'Sectors',
  statsKcn: 'KCN occupancy',
  statsCcn: 'CCN occupancy',
  computedFromPlots: 'computed from plots (approximate layout)',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { vi, en };

export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export function formatNumber(lang: Lang, n: number, digits = 1): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);
}

export function formatPct(lang: Lang, n: number | null, noData: string): string {
  return n === null ? noData : `${formatNumber(lang, n)} %`;
}
