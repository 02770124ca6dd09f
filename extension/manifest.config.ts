import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };
import { REGISTER_HOST_PERMISSIONS } from '../shared/io/registers/endpoints.ts';

// Least privilege: nothing here grants access to page contents at install time.
// - tabs: read the address of each tab so the badge lights up on sites of known entities
//   (matched against the local directory; the address never leaves the browser);
// - activeTab + scripting: scan the current page when the user opens the popup;
// - contextMenus: "Search Radar ES" on selected text;
// - storage: what the last scan of each open tab found, in memory until the browser closes
//   (storage.session), so badges stay right when the directory changes.
// - alarms: resume the register-check queue after the worker was stopped (no install warning).
// Automatic scanning of every page asks for the optional host permissions when switched on; the two
// register APIs (KRS, VAT white list) are optional hosts asked for when the user first verifies.
/** The add-on id Firefox knows Radar ES by: fixed, so a signed update replaces the same add-on. */
export const GECKO_ID = 'radar-es@radar-es.pl';

const base = {
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'pl',
  version: pkg.version,
  icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  action: {
    default_popup: 'popup.html',
    default_title: '__MSG_extName__',
    default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  },
  permissions: ['tabs', 'activeTab', 'scripting', 'contextMenus', 'storage', 'alarms'],
  optional_host_permissions: ['http://*/*', 'https://*/*', ...REGISTER_HOST_PERMISSIONS],
  commands: {
    _execute_action: {
      suggested_key: { default: 'Alt+Shift+R' },
      description: '__MSG_openPopup__',
    },
  },
};

/** Chromium: the background is a service worker. */
export default defineManifest({
  ...base,
  background: { service_worker: 'background/worker.ts', type: 'module' },
});

/**
 * Firefox: MV3 has no extension service workers there, so the same module runs as an event page
 * (`background.scripts`, suspended when idle rather than killed). The id is fixed so that storage
 * and signing follow one add-on; 140 is the first version that reads the data-collection
 * declaration, and Radar ES collects nothing (`none`): the directory, the user's data and what
 * pages show stay in the browser.
 */
export const firefoxManifest = defineManifest({
  ...base,
  background: { scripts: ['background/worker.ts'], type: 'module' },
  browser_specific_settings: {
    gecko: {
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android reads the declaration from 142 on.
    gecko_android: { strict_min_version: '142.0' },
  },
} as Parameters<typeof defineManifest>[0]);
