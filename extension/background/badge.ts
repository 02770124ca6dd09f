import browser from 'webextension-polyfill';
import { getDb } from '../../shared/db/database.ts';
import { getSetting } from '../../shared/db/commands/settings.ts';
import { popup } from '../../shared/ui/i18n/messages/popup.ts';

/**
 * The toolbar button's tooltip speaks the app's language (the setting), not the browser's: a user
 * who chose English in the app reads English everywhere. One settings read per badge (under 1 ms).
 */
async function messages() {
  return (await getSetting(getDb(), 'lang').catch(() => 'pl')) === 'en' ? popup.en : popup.pl;
}

// The action badge is per tab and kept by the browser, so it survives the worker being stopped.
const GREEN = '#0B6B2E'; // 6.9:1 against the white badge text

export async function showKnown(tabId: number, name: string): Promise<void> {
  const m = await messages();
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: 'ES' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: GREEN }),
    browser.action.setTitle({ tabId, title: m['popup.badge.known'](name) }),
  ]);
}

export async function showHints(tabId: number): Promise<void> {
  const m = await messages();
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '?' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#5A4A00' }),
    browser.action.setTitle({ tabId, title: m['popup.badge.hints'] }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') }),
  ]);
}
