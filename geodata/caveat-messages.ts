/**
 * The one table of caveat messages (codes in caveats.ts), each in Vietnamese and English.
 * `satisfies Record<CaveatCode, Label>` makes a code without both languages, or a code missing
 * here, a type error. {name} is filled from the caveat's params; a Label param picks the
 * reader's language.
 */
import type { Caveat, CaveatCode } from './caveats.ts';
import type { Label } from './vocabulary.ts';
import { fillMessage, formatCount } from './message-format.ts';

export const CAVEAT_MESSAGES = {
  basisDeveloped: { vi: 'trên đất đã có hạ tầng', en: 'of developed land' },
  basisIndustrial: { vi: 'trên toàn bộ đất cho thuê', en: 'of all leasable land' },
  basisPlots: { vi: 'tính từ các lô', en: 'computed from the plots' },
  figureAge: { vi: 'số liệu năm {year}', en: 'figure from {year}' },
  coverage: { vi: 'dựa trên {pct}% trọng số có số liệu', en: 'based on {pct}% of the weight with data' },
  schematicLayout: {
    vi: 'Sơ đồ lô minh họa: chưa có quy hoạch chi tiết 1/500, nên hình dạng, vị trí, diện tích và lô nào sẵn sàng chỉ mang tính minh họa.',
    en: 'Schematic layout: the approved 1/500 plan is not available, so shapes, positions, areas and which plots are ready are illustrative.',
  },
  approximateGeometry: {
    vi: 'Ranh giới vẽ tay theo vị trí ước tính (sai số vài km), chưa đo đạc.',
    en: 'Outline sketched at an estimated position (a few km off at most), not surveyed.',
  },
  siteNotLocated: {
    vi: 'Chưa nguồn nào nêu vị trí khu đất: ranh giới chỉ đặt tạm trong huyện cũ.',
    en: 'No source locates the site: the outline is only placed somewhere in the former district.',
  },
  placementUncertainty: {
    vi: 'Vị trí thật có thể cách ranh giới vẽ tới {km} km: chưa nguồn nào nêu vị trí chính xác hơn.',
    en: 'The real site may be up to {km} km from the drawn outline: no source locates it more precisely.',
  },
  outlineNotSized: {
    vi: 'Chưa nguồn nào nêu diện tích: hình vẽ chỉ là ký hiệu kích thước cố định, không phải phạm vi của khu.',
    en: "No source gives the area: the outline is a fixed-size marker, not the zone's extent.",
  },
  sourceMachineTranslation: {
    vi: 'Nguồn đọc qua bản dịch máy (bản tiếng nước ngoài của bài tiếng Việt).',
    en: 'Source read through a machine translation (a foreign-language copy of a Vietnamese article).',
  },
  sourcePropertyAgency: { vi: 'Nguồn là trang môi giới bất động sản.', en: 'Source is a property agency page.' },
  sourceThirdPartyTable: { vi: 'Nguồn là bảng của bên thứ ba.', en: "Source is a third party's table." },
  sourceTitleOnly: { vi: 'Chỉ đọc được tiêu đề của nguồn.', en: 'Only the title of the source could be read.' },
  addressFromGeometry: {
    vi: 'Xã/phường mới suy ra từ vị trí ranh giới, chưa có nguồn xác nhận.',
    en: 'New commune derived from where the outline lies, not stated by a source.',
  },
  gapNotFound: { vi: 'chưa tìm thấy trong các nguồn', en: 'not found in the sources' },
  gapNotReported: { vi: 'nguồn chưa báo cáo', en: 'not reported by the sources' },
  gapNoNumber: { vi: 'nguồn không nêu con số', en: 'the source gives no number' },
  stateNotPercent: {
    vi: 'nguồn chỉ nêu tình trạng, không nêu tỷ lệ %',
    en: 'the source gives a status, not a percentage',
  },
  statedAs: { vi: 'nguồn ghi: {words}', en: 'the source says: {words}' },
  sectorsSought: {
    vi: 'Ngành nghề định hướng thu hút, chưa phải của doanh nghiệp đang thuê.',
    en: 'Sectors the zone seeks, not those of tenants.',
  },
  tenantsNamed: {
    vi: 'Nguồn nêu {total} dự án, nêu tên {named}.',
    en: 'The sources count {total, plural, one {# project} other {# projects}} and name {named}.',
  },
} satisfies Record<CaveatCode, Label>;

/** The caveat in `lang`, its params filled in (numbers the language's way, a year as written). */
export function caveatMessage(lang: keyof Label, caveat: Caveat): string {
  const params: Record<string, unknown> = 'params' in caveat ? caveat.params : {};
  return fillMessage(lang, CAVEAT_MESSAGES[caveat.code][lang], params, (k, v) => {
    if (k === 'year') return String(v);
    if (typeof v === 'number') return formatCount(lang, v);
    if (v && typeof v === 'object' && lang in v) return (v as Label)[lang];
    return String(v ?? '');
  });
}
