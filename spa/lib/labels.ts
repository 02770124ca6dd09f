// Labels of the controlled vocabularies in the current language.
import { CATEGORIES, LEGAL_FORMS } from '../../shared/model/vocab.ts';
import type { CategoryId, LegalForm } from '../../shared/model/types.ts';
import { getLang } from '../../shared/ui/i18n/i18n.svelte.ts';
import { formatDate as formatDateIn } from '../../shared/ui/entity/format.ts';

export function legalFormLabel(code: string): string {
  return LEGAL_FORMS[code as LegalForm]?.[getLang()] ?? code;
}

export function categoryLabel(code: string): string {
  return CATEGORIES[code as CategoryId]?.[getLang()] ?? code;
}

/** A date in the language of the interface (shared/ui/entity/format.ts says how dates are shown). */
export function formatDate(iso: string | undefined): string {
  return formatDateIn(iso, getLang());
}

/** Today as YYYY-MM-DD in local time (what a date input holds). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Polish alphabetical order, quotes and punctuation ignored („Kobierzyn” under K), as the directory
 * sorts. One collator: `localeCompare(…, 'pl')` builds a new one per call, 100× slower in a sort.
 */
export const byPolish: (a: string, b: string) => number = new Intl.Collator('pl', { ignorePunctuation: true }).compare;

/** Who shared something: "name (company)", either one alone, or undefined when the sender gave neither. */
export function sharerName(s: { name?: string; company?: string }): string | undefined {
  const name = s.name?.trim();
  const company = s.company?.trim();
  if (name && company) return `${name} (${company})`;
  return name || company || undefined;
}
