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
