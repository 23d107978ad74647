/**
 * A number as people type it: "2", "2.5", "2,5" (the Vietnamese decimal comma), "-3". Only whether
 * the text is a number is decided here; what values a field accepts (more than 0, at most 10,000…)
 * is its schema's rule, so "-3" is told "must be more than 0", not "must be a number".
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/^[−–]/, '-');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
