import browser from 'webextension-polyfill';
import { CONTENT_SCRIPT_FILE } from './scanTab.ts';

const SCRIPT_ID = 'radar-es-auto-scan';
const ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * Registers (or removes) the content script for every page. The page that switches the option
 * on asks for the optional host permission first, from the user's click; without the grant this
 * refuses and says so.
 */
export async function syncAutoScan(enabled: boolean): Promise<boolean> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!enabled) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return true;
  }
  if (!(await browser.permissions.contains({ origins: ORIGINS }))) return false;
  if (!existing.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches: ORIGINS, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return true;
}
