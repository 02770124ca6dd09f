import { liveQuery } from 'dexie';
import type { RadarDB } from '../db/database.ts';
import { getSetting } from '../db/commands/settings.ts';
import { setLang } from './i18n/i18n.svelte.ts';

/**
 * Follows the language setting stored in the shared database, so switching it in the app page
 * switches an open popup too. Call once from a root component (it registers an effect).
 */
export function useLanguageSetting(db: RadarDB): void {
  $effect(() => {
    const sub = liveQuery(() => getSetting(db, 'lang')).subscribe((lang) => setLang(lang));
    return () => sub.unsubscribe();
  });
}
