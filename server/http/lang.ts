/**
 * The language a client asked for: `?lang=vi|en` where the route takes it, else the best of vi and
 * en in Accept-Language, else English (scripts and API users who ask for nothing get what the API
 * always sent). Only the messages change with it; codes and params are the same in every language.
 */
import type { Context } from 'hono';
import type { Label } from '../../geodata/vocabulary.ts';

export type ApiLang = keyof Label;

/** The best of vi and en in an Accept-Language header, by q-value (ties: the first listed); null when it names neither. */
export function acceptedLang(header: string | undefined): ApiLang | null {
  let best: { lang: ApiLang; q: number } | null = null;
  for (const part of (header ?? '').split(',')) {
    const [tag, ...opts] = part.trim().toLowerCase().split(';');
    const lang = tag?.split('-')[0];
    if (lang !== 'vi' && lang !== 'en') continue;
    const q = Number(/^\s*q=([\d.]+)/.exec(opts.find((o) => /^\s*q=/.test(o)) ?? '')?.[1] ?? 1);
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? null;
}

export function requestLang(c: Context): ApiLang {
  const asked = c.req.query('lang');
  if (asked === 'vi' || asked === 'en') return asked;
  return acceptedLang(c.req.header('Accept-Language')) ?? 'en';
}
