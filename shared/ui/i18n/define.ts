// Typed messages: each feature defines its Polish messages and an English set that TypeScript
// forces to have exactly the same keys and parameter types. A missing or misspelt key, or a
// message called with the wrong parameters, is a type error at build time rather than a blank
// label at run time. Plurals go through Intl.PluralRules (see plural()).

import type { Lang } from '../../model/types.ts';

export type Message = string | ((...args: never[]) => string);
export type MessageSet = Record<string, Message>;

export function defineMessages<const P extends MessageSet>(
  pl: P,
  en: { [K in keyof P]: P[K] extends string ? string : P[K] },
): { pl: P; en: { [K in keyof P]: P[K] extends string ? string : P[K] } } {
  return { pl, en };
}

// Built once: Intl objects are expensive to create and plural() runs on every result-count update.
const rules = { pl: new Intl.PluralRules('pl'), en: new Intl.PluralRules('en') };
const numbers = { pl: new Intl.NumberFormat('pl'), en: new Intl.NumberFormat('en') };

/** Picks the plural form for a count: Polish needs one/few/many ("1 wynik, 2 wyniki, 5 wyników"). */
export function plural(lang: Lang, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  const form = forms[rules[lang].select(n)] ?? forms.other;
  return form.replace('#', numbers[lang].format(n));
}
