import { foldText } from '../../geodata/text.ts';

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesQuery(text: string, query: string): boolean {
  const t = foldText(text);
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .every((w) => t.includes(w));
}

/** A zone name without its kind ("KCN Yên Bình", "Yên Bình Industrial Park" → "yen binh"), folded. */
const foldedPlace = (name: string) =>
  foldText(name)
    .replace(/^(kcn|ccn)\s+/, '')
    .replace(/\s+industrial (park|cluster)$/, '');

/**
 * How well names answer a query, lower first: 0 the whole name or place ("CCN Tân Đức", "tan duc"),
 * 1 a name or place that starts with it, 2 a match elsewhere. So "Tân Đức" finds CCN Tân Đức before
 * CCN Lương Phú – Tân Đức, which only contains it.
 */
export function queryRank(names: string[], query: string): number {
  const q = foldText(query).trim();
  let best = 2;
  for (const n of names) {
    const full = foldText(n);
    const place = foldedPlace(n);
    if (full === q || place === q) return 0;
    if (full.startsWith(q) || place.startsWith(q)) best = 1;
  }
  return best;
}
