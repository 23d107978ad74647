/**
 * The enquiry schema (geodata/requests.ts) and the server explain a bad field in English; these
 * are shown in the interface language. Anything else goes on to the shared reasonText().
 */
import type { StringKey } from '../../i18n/strings.ts';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

const KNOWN: [RegExp, StringKey][] = [
  [/^not an email address$/i, 'reasonEmail'],
  [/^not a phone number$/i, 'reasonPhone'],
  [/^give an email address or a phone number$/i, 'reasonContact'],
  [/^must be more than 0$/i, 'reasonPositive'],
  [/^at most 10,000 ha$/i, 'reasonAreaMax'],
  [/plot or zone/i, 'reasonTarget'],
  [/^not a (plot|zone) id$/i, 'reasonTarget'],
];

export function enquiryReason(reason: string, t: T): string {
  for (const [re, key] of KNOWN) if (re.test(reason)) return t(key);
  return reason;
}
