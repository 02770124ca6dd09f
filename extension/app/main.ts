// The SPA as the extension's app page: same origin as the popup and the background, so all three
// open the same IndexedDB database and Dexie's live queries refresh across them.
import browser from 'webextension-polyfill';
import { mount } from 'svelte';
import '../../shared/ui/theme.css';
import App from '../../spa/App.svelte';
import type { Platform } from '../../spa/platform.ts';
import { DEFAULT_PACK_FILE } from '../../shared/io/fetchPack.ts';
import { BUNDLED_FEED_PATH } from '../../shared/io/feeds/sampleFeed.ts';
import { getDb } from '../../shared/db/database.ts';
import { tellBackgroundOfDirectoryChanges } from '../followDirectory.ts';
import { send } from '../../shared/messages/client.ts';

const ORIGINS = ['http://*/*', 'https://*/*'];

const platform: Platform = {
  kind: 'extension',
  defaultPackUrl: browser.runtime.getURL(DEFAULT_PACK_FILE),
  defaultFeedUrl: browser.runtime.getURL(BUNDLED_FEED_PATH),
  async requestFeedAccess(url) {
    const u = new URL(url);
    if (u.protocol === 'chrome-extension:' || u.origin === location.origin) return true;
    // The feed's origin only, asked at the moment of subscribing (the user's click).
    return browser.permissions.request({ origins: [`${u.protocol}//${u.hostname}/*`] });
  },
  async setAutoScan(enabled) {
    // Asked from the user's click on the setting, as the permission prompt requires.
    if (enabled && !(await browser.permissions.request({ origins: ORIGINS }))) return false;
    const ok = await send({ type: 'set-auto-scan', enabled });
    // Giving the access back is a courtesy: scanning already stopped, and the browser refuses to
    // remove access it granted by policy or at install.
    if (!enabled) await browser.permissions.remove({ origins: ORIGINS }).catch(() => false);
    return ok.ok;
  },
  async popupShortcut() {
    // The user may have changed or cleared it in the browser's shortcut settings.
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === '_execute_action')?.shortcut || undefined;
  },
};

tellBackgroundOfDirectoryChanges(getDb());
mount(App, { target: document.getElementById('app')!, props: { platform } });
