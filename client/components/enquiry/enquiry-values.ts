/**
 * The enquiry form's values and their check before sending: the same zod schema the server uses,
 * with the area read the way people type it. Each refusal is a reason code of the shared table,
 * so "-3" is told "more than 0", "abc" "a number" and "20000" "at most 10,000".
 */
import { enquiryBody, HONEYPOT_FIELD, type EnquiryInput } from '../../../geodata/requests.ts';
import { parseDecimal } from '../../../geodata/rules/number-text.ts';
import { fromZod, type FieldErrors } from '../../lib/form-errors.ts';

export type EnquiryTarget = { plotId: string } | { zoneId: string };

export type EnquiryValues = {
  name: string;
  organisation: string;
  email: string;
  phone: string;
  sector: string;
  areaHa: string;
  timeline: string;
  message: string;
  /** The honeypot: never shown to people, so only a bot fills it. */
  trap: string;
};

export const EMPTY_ENQUIRY: EnquiryValues = { name: '', organisation: '', email: '', phone: '', sector: '', areaHa: '', timeline: '', message: '', trap: '' };

export function checkEnquiry(target: EnquiryTarget, v: EnquiryValues): { ok: true; body: EnquiryInput } | { ok: false; errors: FieldErrors } {
  const area = v.areaHa.trim() === '' ? undefined : parseDecimal(v.areaHa);
  const parsed = enquiryBody.safeParse({
    ...target,
    name: v.name,
    organisation: v.organisation,
    email: v.email,
    phone: v.phone,
    sector: v.sector,
    ...(area === undefined ? {} : { areaHa: area ?? Number.NaN }),
    timeline: v.timeline,
    message: v.message,
    ...(v.trap ? { [HONEYPOT_FIELD]: v.trap } : {}),
  });
  if (parsed.success && area !== null) return { ok: true, body: parsed.data };
  const errors = parsed.success ? {} : fromZod(parsed.error);
  // Text that is no number at all: the schema saw NaN; say what is wrong in words it can't.
  if (area === null) errors.areaHa = { code: 'number' };
  return { ok: false, errors };
}
