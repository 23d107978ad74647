import { createContext, useContext, type ReactNode } from 'react';
import { reasonMessage, type Reason } from '../../geodata/rules/reasons.ts';
import { formatDate } from './dates.ts';
import { formatNumber, formatPct, translate, type Lang, type StringKey } from './strings.ts';

type I18n = {
  lang: Lang;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  num: (n: number, digits?: number) => string;
  pct: (n: number | null) => string;
  /** Any date of the data or a moment, the language's one way (./dates.ts): "05/12/2026", "5 Dec 2026", "11/2023", "2015". */
  when: (iso: string) => string;
  /** Why a value is refused (a code from geodata/rules/reasons.ts), in the interface language. */
  explain: (reason: Reason) => string;
};

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value: I18n = {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    num: (n, digits) => formatNumber(lang, n, digits),
    pct: (n) => formatPct(lang, n, translate(lang, 'noData')),
    when: (iso) => formatDate(lang, iso),
    explain: (reason) => reasonMessage(lang, reason),
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
