/**
 * The one way the interface writes a date. Vietnamese: dd/mm/yyyy ("05/12/2026"), the form
 * offices use; English: day, short month, year ("5 Dec 2026"), which no reader can take for
 * month/day. A partial date of the data keeps its precision ("2023-11" → 11/2023 · Nov 2023;
 * "2015" → 2015), so a figure is never made to look more precise than its source. A moment
 * ("2026-12-05T16:04:00Z") adds the time of day in the reader's time zone.
 */
import type { Lang } from './messages/message.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function day(lang: Lang, y: number, m: number, d?: number): string {
  if (lang === 'vi') return d === undefined ? `${two(m)}/${y}` : `${two(d)}/${two(m)}/${y}`;
  return d === undefined ? `${MONTHS_EN[m - 1]} ${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** `timeZone` is for tests; the interface uses the reader's own. */
export function formatDate(lang: Lang, iso: string, timeZone?: string): string {
  const s = iso.trim();
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (parts) {
    const [, y, m, d] = parts;
    if (!m) return y!;
    if (Number(m) < 1 || Number(m) > 12) return s;
    return day(lang, Number(y), Number(m), d === undefined ? undefined : Number(d));
  }
  if (!s.includes('T')) return s;
  const at = new Date(s);
  if (Number.isNaN(at.getTime())) return s;
  const f = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const date = day(lang, Number(p.year), Number(p.month), Number(p.day));
  return lang === 'vi' ? `${date} ${p.hour}:${p.minute}` : `${date}, ${p.hour}:${p.minute}`;
}

/** Today in the reader's time zone, as YYYY-MM-DD (a date field's value, the brochure's print date). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
