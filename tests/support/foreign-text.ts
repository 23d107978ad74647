/**
 * Detects text shown in the wrong language, generally rather than against known strings: an
 * English sentence in the Vietnamese interface (English function words that Vietnamese never
 * writes), Vietnamese in the English one (letters with Vietnamese diacritics), raw source keys,
 * and researchers' markers such as "NOT FOUND". Proper names (zones, tenants, developers,
 * places, decision numbers, publishers) are allowed in either language: the caller lists them
 * from the data and they are cut out before the check.
 */

/**
 * English words that carry a sentence and are not Vietnamese words when written without
 * diacritics (so "to", "an", "in", "no", "on" are left out: Vietnamese writes them too).
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'of',
  'and',
  'is',
  'are',
  'was',
  'were',
  'with',
  'from',
  'which',
  'not',
  'has',
  'have',
  'been',
  'this',
  'that',
  'its',
  'per',
  'by',
  'for',
  'would',
  'there',
  'their',
  'into',
  'only',
  'yet',
  'until',
  'since',
  'still',
  'found',
  'reported',
  'source',
  'sources',
  'plot',
  'plots',
  'land',
  'zone',
  'built',
  'placed',
  'approved',
]);

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** The text with every proper name cut out (longest first, so a name inside a longer one goes with it). */
export function withoutNames(text: string, names: Iterable<string>): string {
  const sorted = [...new Set([...names].filter((n) => n.trim().length > 1))].sort((a, b) => b.length - a.length);
  let out = text.normalize('NFC');
  for (const n of sorted) out = out.split(n.normalize('NFC')).join(' ');
  return out;
}

export type Finding = { kind: 'english' | 'vietnamese' | 'sourceKey' | 'notFound'; found: string };

/** Every word of the names, lower case: a place name may stand inside a sentence of either language ("the plant in CCN Huyền Tụng"). */
export const nameWords = (names: Iterable<string>) =>
  new Set(
    [...names]
      .flatMap((n) =>
        n
          .normalize('NFC')
          .toLowerCase()
          .split(/[^\p{L}]+/u),
      )
      .filter(Boolean),
  );

/**
 * What in `text` (names already cut out) is not in `lang`: English words in vi, Vietnamese words
 * in en (unless a word of a name), source keys, the researchers' "NOT FOUND".
 */
export function foreignText(
  text: string,
  lang: 'vi' | 'en',
  sourceIds: readonly string[],
  names: ReadonlySet<string> = new Set(),
): Finding[] {
  const found: Finding[] = [];
  if (text.includes('NOT FOUND')) found.push({ kind: 'notFound', found: 'NOT FOUND' });
  for (const id of sourceIds)
    if (new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(text))
      found.push({ kind: 'sourceKey', found: id });
  const words = text.split(/[^\p{L}]+/u).filter(Boolean);
  if (lang === 'vi') {
    for (const w of words)
      if (ENGLISH_FUNCTION_WORDS.has(w.toLowerCase())) found.push({ kind: 'english', found: contextOf(text, w) });
  } else {
    for (const w of words)
      if (VIETNAMESE_LETTERS.test(w) && !names.has(w.normalize('NFC').toLowerCase()))
        found.push({ kind: 'vietnamese', found: contextOf(text, w) });
  }
  return found;
}

/** The word with a little of its line, so a failure says where it is. */
function contextOf(text: string, word: string): string {
  const at = text.search(new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u'));
  return text
    .slice(Math.max(0, at - 30), at + word.length + 30)
    .replace(/\s+/g, ' ')
    .trim();
}
