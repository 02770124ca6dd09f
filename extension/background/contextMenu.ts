import browser, { type Menus } from 'webextension-polyfill';
import type { RadarDB } from '../../shared/db/database.ts';
import { findByKeys } from '../../shared/db/queries.ts';
import { parseKrs, parseNip, parseRegon } from '../../shared/model/identifiers.ts';
import { scanText } from '../../shared/model/scan.ts';

export const MENU_ID = 'radar-es-search';
/** Longest selection searched for: a query, not a page. */
const MAX_SELECTION = 200;

export function installContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('searchSelection'),
      contexts: ['selection'],
    }),
  );
}

/**
 * Identifier keys a selection could name, most specific first: the number alone ("929-192-89-63",
 * "0000700353"), or numbers inside a longer selection ("NIP: 929 192 89 63, tel. …") as the page
 * scanner finds them (KRS and REGON only after their label).
 */
export function selectionKeys(text: string): string[] {
  const keys: string[] = [];
  const add = (k: string) => !keys.includes(k) && keys.push(k);
  const krs = /krs/i.test(text) ? parseKrs(text) : undefined;
  if (krs?.ok) add(`krs:${krs.value}`);
  const nip = parseNip(text);
  if (nip.ok) add(`nip:${nip.value}`);
  const regon = parseRegon(text);
  if (regon.ok) add(`regon:${regon.value}`);
  if (!krs?.ok && /^\s*\d{1,10}\s*$/.test(text)) {
    // A bare number: KRS numbers are written without their leading zeros as often as with them.
    const bare = parseKrs(text);
    if (bare.ok) add(`krs:${bare.value}`);
  }
  const found = scanText(text);
  for (const k of found.krs) add(`krs:${k}`);
  for (const n of found.nips) add(`nip:${n}`);
  for (const r of found.regons) add(`regon:${r}`);
  return keys;
}

/** The app page address for a selection: the entity a selected identifier names, else a search. */
export async function selectionTarget(db: RadarDB, selection: string): Promise<string | undefined> {
  const text = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION);
  if (!text) return undefined;
  const keys = selectionKeys(text);
  const [hit] = keys.length ? await findByKeys(db, [keys]) : [undefined];
  return hit ? `app.html#/entity/${encodeURIComponent(hit.id)}` : `app.html#/directory?q=${encodeURIComponent(text)}`;
}

/** Opens the app page on the entity a selected identifier names, else on a search for the text. */
export async function handleContextMenuClick(db: RadarDB, info: Menus.OnClickData): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const target = await selectionTarget(db, info.selectionText ?? '');
  if (target) await browser.tabs.create({ url: browser.runtime.getURL(target) });
}
