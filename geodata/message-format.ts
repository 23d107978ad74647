/**
 * Filling a message's placeholders, the one way for every message table (the interface's, the
 * rule reasons', the caveats'). A count that names a noun takes the language's plural form from
 * Intl.PluralRules, written in the message as ICU does:
 *
 *   `{n, plural, one {# zone} other {# zones}}`   →   "1 zone", "2 zones"
 *
 * `#` is the count, written the language's way; a form may hold other `{placeholders}`. Vietnamese
 * nouns do not inflect (its plural rules give "other" for every count), so its messages need no
 * plural block; English ones must use one wherever a count is written next to a noun.
 */
export type MessageLang = 'vi' | 'en';

const LOCALES: Record<MessageLang, string> = { vi: 'vi-VN', en: 'en-GB' };
const pluralRules = { vi: new Intl.PluralRules(LOCALES.vi), en: new Intl.PluralRules(LOCALES.en) };
const numberFormat = { vi: new Intl.NumberFormat(LOCALES.vi), en: new Intl.NumberFormat(LOCALES.en) };

/** A count written the language's way ("1.234" in Vietnamese, "1,234" in English). */
export const formatCount = (lang: MessageLang, n: number) => numberFormat[lang].format(n);

/**
 * Formatters by language and number of decimals, made once: an Intl formatter costs far more to
 * build than to use, and the interface writes hundreds of figures while it first renders.
 */
const decimalFormats = new Map<string, Intl.NumberFormat>();

/** A figure with at most `digits` decimals, written the language's way ("74,5" · "74.5"). */
export function formatDecimal(lang: MessageLang, n: number, digits: number): string {
  const key = `${lang}:${digits}`;
  let f = decimalFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits });
    decimalFormats.set(key, f);
  }
  return f.format(n);
}

/** The plural category (Intl.PluralRules) of a count: "one" or "other" in English, always "other" in Vietnamese. */
export const pluralCategory = (lang: MessageLang, n: number) => pluralRules[lang].select(n);

// A form's text: anything but braces, or a simple {placeholder}.
const FORM_TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const PLURAL_BLOCK = new RegExp(String.raw`\{(\w+),\s*plural,((?:\s*(?:=\d+|[a-z]+)\s*\{${FORM_TEXT}\})+)\s*\}`, 'g');
const PLURAL_FORM = new RegExp(String.raw`(=\d+|[a-z]+)\s*\{(${FORM_TEXT})\}`, 'g');

/** Picks the plural form of each `{n, plural, …}` block for the count in vars (exact `=N` first, then the category, then `other`). */
function resolvePlurals(lang: MessageLang, template: string, vars: Readonly<Record<string, unknown>>): string {
  return template.replace(PLURAL_BLOCK, (_whole, name: string, body: string) => {
    const n = Number(vars[name]);
    const forms = new Map([...body.matchAll(PLURAL_FORM)].map((m) => [m[1]!, m[2]!]));
    const form = forms.get(`=${n}`) ?? (Number.isFinite(n) ? forms.get(pluralCategory(lang, n)) : undefined) ?? forms.get('other') ?? '';
    return form.replace(/#/g, Number.isFinite(n) ? formatCount(lang, n) : String(vars[name] ?? ''));
  });
}

/**
 * The message with its plural blocks resolved and each `{name}` replaced by `show(name, value)`
 * (the caller decides how a value is written: numbers, years, labels).
 */
export function fillMessage(
  lang: MessageLang,
  template: string,
  vars: Readonly<Record<string, unknown>>,
  show: (name: string, value: unknown) => string = (_n, v) => String(v ?? ''),
): string {
  // Most messages fill nothing: no pattern needs to run over them.
  if (!template.includes('{')) return template;
  return resolvePlurals(lang, template, vars).replace(/\{(\w+)\}/g, (_, k: string) => show(k, vars[k]));
}

/** The names a message fills, plural counts included, sorted and once each: both languages of a message name the same. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const rest = template.replace(PLURAL_BLOCK, (_whole, name: string, body: string) => {
    names.add(name);
    return body;
  });
  for (const m of rest.matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  return [...names].sort();
}
