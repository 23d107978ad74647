/** Folds Vietnamese text for search: "Huyền Tụng" and "huyen tung" fold to the same string. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesQuery(text: string, query: string): boolean {
  const t = foldText(text);
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .every((w) => t.includes(w));
}
