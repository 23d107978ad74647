/** Text as files bring it, made storable: control characters dropped, TCVN3/VNI converted to Unicode. */
import { cleanText, normalText } from '../../geodata/text.ts';
import type { Push } from './issues.ts';
import { fixLegacyText } from './vn-encoding.ts';

const LEGACY_MAX_CHARS = 10_000;

/**
 * Characters never stored (geodata/text.ts: control characters, which .dbf padding and damaged
 * files carry, C1 controls, bidi overrides, lone surrogates) are dropped from every string and
 * key, nested ones included (a GeoJSON in the full property model), and text is put in NFC like
 * typed text.
 */
export function withoutControls(value: unknown): { value: unknown; dropped: boolean } {
  let dropped = false;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const out = cleanText(v);
      if (out !== normalText(v)) dropped = true;
      return out;
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k) as string, clean(x)]));
    return v;
  };
  const out = clean(value);
  return { value: out, dropped };
}

export const legacyFields = (props: Record<string, unknown>, push: Push) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    // Names and notes are short; a longer text is no legacy-encoded name, and scoring it would take seconds per megabyte.
    if (typeof v === 'string' && v.length <= LEGACY_MAX_CHARS) {
      const r = fixLegacyText(v);
      if (r.from) push('warning', 'legacy_encoding', { code: 'importLegacyText', params: { field: k, from: r.from === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI-Windows', before: String(v), after: r.text } }, true);
      out[k] = r.text;
    } else if (v && typeof v === 'object' && !Array.isArray(v) && k === 'name') {
      out[k] = Object.fromEntries(Object.entries(v).map(([kk, vv]) => [kk, typeof vv === 'string' ? fixLegacyText(vv).text : vv]));
    } else out[k] = v;
  }
  return out;
};
