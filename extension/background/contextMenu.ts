import browser, { type Menus } from 'webextension-polyfill';
import type { RadarDB } from '../../shared/db/database.ts';
import { findByKeys } from '../../shared/db/commands/directory.ts';
import { parseKrs, parseNip, parseRegon } from '../../shared/model/identifiers.ts';

const MENU_ID = 'radar-es-search';

export function installContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('searchSelection'),
      contexts: ['selection'],
    }),
  );
}

/** Identifier keys a selection could be, most specific first. */
export function selectionKeys(text: string): string[] {
  const keys: string[] = [];
  const krs = /krs/i.test(text) ? parseKrs(text) : undefined;
  if (krs?.ok) keys.push(`krs:${krs.value}`);
  const nip = parseNip(text);
  if (nip.ok) keys.push(`nip:${nip.value}`);
  const regon = parseRegon(text);
  if (regon.ok) keys.push(`regon:${regon.value}`);
  if (!krs?.ok && /^\s*\d{1,10}\s*$/.test(text)) {
    const bare = parseKrs(text);
    if (bare.ok) keys.push(`krs:${bare.value}`);
  }
  return keys;
}

/** Opens the app page on the entity a selected identifier names, else on a search for the text. */
export async function handleContextMenuClick(db: RadarDB, info: Menus.OnClickData): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const text = (info.selectionText ?? '').trim().slice(0, 200);
  if (!text) return;
  const keys = selectionKeys(text);
  const [hit] = keys.length ? await findByKeys(db, [keys]) : [undefined];
  const hash = hit ? `#/entity/${encodeURIComponent(hit.id)}` : `#/directory?q=${encodeURIComponent(text)}`;
  await browser.tabs.create({ url: browser.runtime.getURL(`app.html${hash}`) });
}
