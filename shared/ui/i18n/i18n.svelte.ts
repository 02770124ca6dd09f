// The current language, as reactive state shared by every component of a page.
// Components call t('key', …args) in markup; switching the language re-renders them.
import { en, pl } from './messages/index.ts';
import type { Message } from './define.ts';

import type { Lang } from '../../model/types.ts';

export type { Lang };
export type MessageKey = keyof typeof pl;
type Args<K extends MessageKey> = (typeof pl)[K] extends (...a: infer A) => string ? A : [];

const state = $state({ lang: 'pl' as Lang });

export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  const m = (state.lang === 'en' ? en : pl)[key] as Message | undefined;
  if (m === undefined) return String(key);
  return typeof m === 'function' ? (m as (...a: unknown[]) => string)(...args) : m;
}

export function getLang(): Lang {
  return state.lang;
}

export function setLang(lang: Lang): void {
  state.lang = lang === 'en' ? 'en' : 'pl';
  if (typeof document !== 'undefined') document.documentElement.lang = state.lang;
}
