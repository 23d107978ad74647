/** The interface languages. Vietnamese is the default. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One message in every language: a feature file `satisfies Messages`, so a missing language fails the type check. */
export type Message = Record<Lang, string>;
export type Messages = Record<string, Message>;
