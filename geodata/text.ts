/**
 * What text the system takes in, defined once: the API's bodies and query strings, typed forms
 * and imports all go through these.
 *
 * - Text is stored in Unicode NFC, so "Bắc Kạn" typed on a Mac (NFD) and on Windows (NFC) is one
 *   string, with one length and one search key.
 * - Some characters are never stored: C0 controls but tab and line breaks (PostgreSQL cannot hold
 *   U+0000; the others are invisible and make XML exports ill-formed), DEL and the C1 controls
 *   (U+0080–U+009F, mojibake or smuggled terminal codes), the bidirectional embeddings, overrides
 *   and isolates (U+202A–U+202E, U+2066–U+2069: they make a name display as something else,
 *   the "Trojan Source" trick), and lone UTF-16 surrogates (not Unicode; PostgreSQL refuses them).
 *   Typed text that holds one gets 400 naming the field; imports drop them with a warning.
 * - Blank means nothing visible: only whitespace and invisible format characters (zero-width
 *   space, joiners, word joiner, byte-order mark, soft hyphen…). A required field that is blank is
 *   missing; an optional one is absent.
 */
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const NEVER_STORED = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]';

/** Global: for replace(). */
export const UNSTORABLE_CHARS = new RegExp(`${NEVER_STORED}|${LONE_SURROGATE}`, 'g');
const HAS_UNSTORABLE = new RegExp(`${NEVER_STORED}|${LONE_SURROGATE}`);

export const storable = (s: string) => !HAS_UNSTORABLE.test(s);

/** The form text is stored in. */
export const normalText = (s: string) => s.normalize('NFC');

/** Text with the never-stored characters removed and in NFC: what an import keeps of a value. */
export const cleanText = (s: string) => normalText(s.replace(UNSTORABLE_CHARS, ''));

const BLANK = /^[\p{White_Space}\p{Cf}]*$/u;
/** Nothing visible: empty, whitespace, or only invisible format characters such as U+200B. */
export const isBlank = (s: string) => BLANK.test(s);

/**
 * A query parameter or path segment the database can compare: no control characters at all
 * (tab and line breaks included: no id, filter or date holds one) and no lone surrogates.
 */
const BAD_PARAM = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F]|${LONE_SURROGATE}`);
export const cleanParam = (s: string) => !BAD_PARAM.test(s);

const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE);
/** NUL or a lone surrogate: what no text or jsonb column can hold, in any field. */
export const unstorableAnywhere = (s: string) => s.includes('\u0000') || HAS_LONE_SURROGATE.test(s);

/**
 * Text folded for comparison: lower case, no diacritics (đ → d), runs of spaces and underscores as
 * one space. "Huyền Tụng", "huyen tung" and "HUYỀN_TỤNG" fold alike, whether typed in NFC or NFD.
 * Search, the sector vocabulary and the import's column and value spellings all compare through it.
 */
export const foldText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
