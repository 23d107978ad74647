import { foldText } from '../../geodata/text.ts';

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesQuery(text: string, query: string): boolean {
  const t = foldText(text);
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .every((w) => t.includes(w));
}
