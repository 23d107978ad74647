/**
 * Vietnamese text in the legacy font encodings that pre-Unicode GIS files still carry:
 *
 * - TCVN3 (TCVN 5712:1993 VN3, the ".Vn" / ABC fonts): one byte per precomposed lower-case letter
 *   with its tone; upper-case toned letters do not exist (the ".VnTimeH" fonts draw the same bytes
 *   as capitals), so they come back lower-case.
 * - VNI-Windows (the "VNI-" fonts): a base Latin letter followed by a byte for its diacritics.
 *
 * Both were stored as bytes that Western software shows as Windows-1252, e.g. "Đồng" is "§ång" in
 * TCVN3 and "Ñoàng" in VNI. These tables map those Windows-1252 characters back to Unicode (NFC).
 * Detection scores how many words of each candidate decoding are Vietnamese syllables.
 */
import iconv from 'iconv-lite';

/** TCVN3 byte (as its Windows-1252 character) → Unicode. */
const TCVN3: Record<string, string> = {
  '¡': 'Ă', '¢': 'Â', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư', '§': 'Đ',
  '¨': 'ă', '©': 'â', 'ª': 'ê', '«': 'ô', '¬': 'ơ', '\u00ad': 'ư', '®': 'đ',
  'µ': 'à', '¶': 'ả', '·': 'ã', '¸': 'á', '¹': 'ạ',
  '»': 'ằ', '¼': 'ẳ', '½': 'ẵ', '¾': 'ắ', 'Æ': 'ặ',
  'Ç': 'ầ', 'È': 'ẩ', 'É': 'ẫ', 'Ê': 'ấ', 'Ë': 'ậ',
  'Ì': 'è', 'Î': 'ẻ', 'Ï': 'ẽ', 'Ð': 'é', 'Ñ': 'ẹ',
  'Ò': 'ề', 'Ó': 'ể', 'Ô': 'ễ', 'Õ': 'ế', 'Ö': 'ệ',
  '×': 'ì', 'Ø': 'ỉ', 'Ü': 'ĩ', 'Ý': 'í', 'Þ': 'ị',
  'ß': 'ò', 'á': 'ỏ', 'â': 'õ', 'ã': 'ó', 'ä': 'ọ',
  'å': 'ồ', 'æ': 'ổ', 'ç': 'ỗ', 'è': 'ố', 'é': 'ộ',
  'ê': 'ờ', 'ë': 'ở', 'ì': 'ỡ', 'í': 'ớ', 'î': 'ợ',
  'ï': 'ù', 'ñ': 'ủ', 'ò': 'ũ', 'ó': 'ú', 'ô': 'ụ',
  'õ': 'ừ', 'ö': 'ử', '÷': 'ữ', 'ø': 'ứ', 'ù': 'ự',
  'ú': 'ỳ', 'û': 'ỷ', 'ü': 'ỹ', 'ý': 'ý', 'þ': 'ỵ',
};

/**
 * VNI-Windows diacritic bytes (as Windows-1252 characters), lower-case set then upper-case set:
 * acute, grave, hook, tilde, dot; circumflex; breve; circumflex + the five tones; breve + the five.
 */
const VNI_MARKS_LOWER = { acute: 'ù', grave: 'ø', hook: 'û', tilde: 'õ', dot: 'ï', circ: 'â', breve: 'ê', circTones: 'áàåãä', breveTones: 'éèúüë' };
const VNI_MARKS_UPPER = { acute: 'Ù', grave: 'Ø', hook: 'Û', tilde: 'Õ', dot: 'Ï', circ: 'Â', breve: 'Ê', circTones: 'ÁÀÅÃÄ', breveTones: 'ÉÈÚÜË' };
/** Single-byte VNI letters: đ, ơ, ư and the toned i and ỵ. */
const VNI_SINGLE: Record<string, string> = {
  'ñ': 'đ', 'Ñ': 'Đ', 'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư',
  'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị',
  'î': 'ỵ', 'Î': 'Ỵ',
};
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** Base letter + mark → Unicode, built from the rules above so the table cannot drift. */
const VNI_PAIRS: Record<string, string> = (() => {
  const out: Record<string, string> = {};
  for (const [marks, vowels, o, u] of [
    [VNI_MARKS_LOWER, 'aeouy', 'ô', 'ö'],
    [VNI_MARKS_UPPER, 'AEOUY', 'Ô', 'Ö'],
  ] as const) {
    const toneMarks = [marks.acute, marks.grave, marks.hook, marks.tilde, marks.dot];
    const bases = [...vowels, o, u];
    for (const b of bases) {
      const base = VNI_SINGLE[b] ?? b;
      toneMarks.forEach((m, i) => {
        out[b + m] = (base + TONES[i]).normalize('NFC');
      });
    }
    for (const b of vowels.slice(0, 3)) {
      // a, e, o take a circumflex; a also a breve.
      out[b + marks.circ] = (b + '\u0302').normalize('NFC');
      [...marks.circTones].forEach((m, i) => {
        out[b + m] = (b + '\u0302' + TONES[i]).normalize('NFC');
      });
    }
    const a = vowels[0]!;
    out[a + marks.breve] = (a + '\u0306').normalize('NFC');
    [...marks.breveTones].forEach((m, i) => {
      out[a + m] = (a + '\u0306' + TONES[i]).normalize('NFC');
    });
  }
  return out;
})();

export function fromTcvn3(s: string): string {
  return [...s].map((ch) => TCVN3[ch] ?? ch).join('');
}

export function fromVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const pair = VNI_PAIRS[s.slice(i, i + 2)];
    if (pair) {
      out += pair;
      i++;
    } else out += VNI_SINGLE[s[i]!] ?? s[i]!;
  }
  return out;
}

/** Inverse tables, for writing test fixtures in the legacy encodings. */
export function toTcvn3(s: string): string {
  const inv = Object.fromEntries(Object.entries(TCVN3).map(([k, v]) => [v, k]));
  return [...s.normalize('NFC')].map((ch) => inv[ch] ?? inv[ch.toLowerCase()] ?? ch).join('');
}
export function toVni(s: string): string {
  const inv = Object.fromEntries([...Object.entries(VNI_SINGLE), ...Object.entries(VNI_PAIRS)].map(([k, v]) => [v, k]));
  return [...s.normalize('NFC')].map((ch) => inv[ch] ?? ch).join('');
}

/** Characters only Unicode Vietnamese has (not in Windows-1252): the text is already right. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: lone combining marks (decomposed Vietnamese) are meant to match on their own
const UNICODE_VI = /[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9\u0300-\u0323]/;
/** Windows-1252 upper half, where the legacy encodings put their letters. */
const HIGH = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

/**
 * Vowel nuclei of Vietnamese syllables (without tone). Those ending in a semivowel, and ia/ua/ưa,
 * take no final consonant ("quaỷng" is no syllable).
 */
const OPEN_NUCLEI = [
  'iêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyu', 'ươi', 'ươu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi', 'ưu',
];
const CLOSED_NUCLEI = ['uyê', 'iê', 'oa', 'oă', 'oe', 'uâ', 'uê', 'uô', 'uơ', 'uy', 'ươ', 'yê', 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const INITIAL = '(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?';
const SYLLABLE = new RegExp(`^${INITIAL}((${OPEN_NUCLEI.join('|')})|(${CLOSED_NUCLEI.join('|')})(ch|ng|nh|[cmnpt])?)$`);
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** lower, Capitalised or UPPER: "HuyÒn" (TCVN3 seen as Windows-1252) is none of them. */
const WELL_CASED = /^(\p{Lu}?[\p{Ll}\p{M}]*|[\p{Lu}\p{M}]+)$/u;

/** Share of the words with letters beyond ASCII that are well-formed Vietnamese syllables. */
export function vietnameseScore(s: string): number {
  const words = s
    .normalize('NFC')
    .split(/[^\p{L}\p{M}]+/u)
    .filter((w) => /[^\x00-\x7f]/.test(w));
  if (!words.length) return 0;
  let good = 0;
  for (const w of words) {
    const nfd = w.toLowerCase().normalize('NFD');
    const tones = nfd.match(TONE) ?? [];
    const bare = nfd.replace(TONE, '').normalize('NFC');
    if (tones.length <= 1 && WELL_CASED.test(w) && SYLLABLE.test(bare)) good++;
  }
  return good / words.length;
}

export type Legacy = 'tcvn3' | 'vni';
export type Fixed = { text: string; from: Legacy | null };

/**
 * Converts a string that holds TCVN3 or VNI text shown as Windows-1252 to Unicode; leaves proper
 * Unicode and plain Latin text alone. Returns which encoding it found, if any.
 */
export function fixLegacyText(s: string): Fixed {
  if (!HIGH.test(s) || UNICODE_VI.test(s)) return { text: s, from: null };
  const candidates = [
    { text: fromTcvn3(s), from: 'tcvn3' as const },
    { text: fromVni(s), from: 'vni' as const },
  ].map((c) => ({ ...c, score: vietnameseScore(c.text) }));
  const before = vietnameseScore(s);
  const best = candidates.sort((a, b) => b.score - a.score)[0]!;
  if (best.score >= 0.6 && best.score > before) return { text: best.text.normalize('NFC'), from: best.from };
  return { text: s, from: null };
}

/** True when bytes decode as UTF-8 without a replacement character. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A .cpg / code-page name to an iconv-lite label: "UTF-8", "65001", "1258", "CP1258", "windows-1252", "ANSI 1252". */
export function codePageLabel(cpg: string): string | null {
  const s = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(s)) return 'utf8';
  const m = /^(?:cp|windows-?|win)?(\d{3,4})$/.exec(s);
  if (m) return iconv.encodingExists(`cp${m[1]}`) ? `cp${m[1]}` : null;
  if (/^(iso-?8859-?1|latin-?1)$/.test(s)) return 'latin1';
  return iconv.encodingExists(s) ? s : null;
}

/**
 * Bytes of unknown encoding to text: UTF-8 when valid, else the best of Windows-1258 (the
 * Vietnamese code page) and Windows-1252 (in which TCVN3 / VNI bytes show), by Vietnamese score.
 */
export function decodeUnknown(bytes: Uint8Array): { text: string; encoding: string } {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf8' };
  const buf = Buffer.from(bytes);
  // Scoring costs about a second per megabyte of accented text: a large file is judged by a sample of its words.
  const judged = bytes.length > SAMPLE_ABOVE ? Buffer.from(wordSample(bytes)) : buf;
  const cp1258 = iconv.decode(judged, 'cp1258').normalize('NFC');
  const cp1252 = iconv.decode(judged, 'cp1252');
  const legacy = fixLegacyText(cp1252);
  const isCp1258 = vietnameseScore(cp1258) >= Math.max(0.6, vietnameseScore(legacy.text)) && UNICODE_VI.test(cp1258);
  if (judged !== buf) return isCp1258 ? { text: iconv.decode(buf, 'cp1258').normalize('NFC'), encoding: 'cp1258' } : { text: iconv.decode(buf, 'cp1252'), encoding: 'cp1252' };
  return isCp1258 ? { text: cp1258, encoding: 'cp1258' } : { text: cp1252, encoding: 'cp1252' };
}

const SAMPLE_ABOVE = 256 * 1024;
const SAMPLE_BYTES = 64 * 1024;
const isWordByte = (b: number) => b >= 0x80 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/**
 * The words (runs of ASCII letters and bytes ≥ 0x80) that hold a byte ≥ 0x80, each cut to 24
 * bytes (no Vietnamese syllable is that long, so a cut word stays a non-syllable), separated by
 * spaces, up to 64 KB: what the encoding of a large file is decided on.
 */
function wordSample(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(SAMPLE_BYTES + 32);
  let n = 0;
  for (let i = 0; i < bytes.length && n < SAMPLE_BYTES; i++) {
    if (bytes[i]! < 0x80) continue;
    let start = i;
    while (start > 0 && i - start < 24 && isWordByte(bytes[start - 1]!)) start--;
    let end = i;
    while (end < bytes.length && isWordByte(bytes[end]!)) end++;
    out.set(bytes.subarray(start, Math.min(end, start + 24)), n);
    n += Math.min(end, start + 24) - start;
    out[n++] = 0x20;
    i = end;
  }
  return out.subarray(0, n);
}
