/**
 * Interface text. Each message sits with both its languages in a feature file under messages/;
 * this joins them into one table and fills in {placeholders}, with plural forms where a count
 * names a noun (`{n, plural, one {# zone} other {# zones}}`, geodata/message-format.ts).
 */
import { accounts } from './messages/accounts.ts';
import { basemaps } from './messages/basemaps.ts';
import { app } from './messages/app.ts';
import { caveats } from './messages/caveats.ts';
import { confidence } from './messages/confidence.ts';
import { dataExport } from './messages/data-export.ts';
import { enquiries } from './messages/enquiries.ts';
import { forms } from './messages/forms.ts';
import { importPanel } from './messages/import.ts';
import { investors } from './messages/investors.ts';
import { leaders } from './messages/leaders.ts';
import { mapPlace } from './messages/map-place.ts';
import { fillMessage, formatDecimal } from '../../geodata/message-format.ts';
import { LANGS, type Lang, type Message } from './messages/message.ts';
import { occupancy } from './messages/occupancy.ts';
import { plots } from './messages/plots.ts';
import { regions } from './messages/regions.ts';
import { zones } from './messages/zones.ts';

export { LANGS, type Lang };

/** Every feature's messages; a key defined in two files is caught by the unit test on FEATURE_MESSAGES. */
export const FEATURE_MESSAGES = { app, leaders, dataExport, importPanel, accounts, forms, plots, zones, investors, enquiries, occupancy, confidence, basemaps, caveats, mapPlace, regions };

const MESSAGES = { ...app, ...leaders, ...dataExport, ...importPanel, ...accounts, ...forms, ...plots, ...zones, ...investors, ...enquiries, ...occupancy, ...confidence, ...basemaps, ...caveats, ...mapPlace, ...regions };

export type StringKey = keyof typeof MESSAGES;

function inLanguage(lang: Lang): Record<StringKey, string> {
  return Object.fromEntries(Object.entries(MESSAGES).map(([k, m]: [string, Message]) => [k, m[lang]])) as Record<StringKey, string>;
}

export const STRINGS: Record<Lang, Record<StringKey, string>> = { vi: inLanguage('vi'), en: inLanguage('en') };

export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return fillMessage(lang, MESSAGES[key][lang], vars);
}

export function formatNumber(lang: Lang, n: number, digits = 1): string {
  return formatDecimal(lang, n, digits);
}

export function formatPct(lang: Lang, n: number | null, noData: string): string {
  return n === null ? noData : `${formatNumber(lang, n)} %`;
}
