import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

// Least privilege: nothing here grants access to page contents at install time.
// - tabs: read the address of each tab so the badge lights up on sites of known entities
//   (matched against the local directory; the address never leaves the browser);
// - activeTab + scripting: scan the current page when the user opens the popup;
// - contextMenus: "Search Radar ES" on selected text.
// Automatic scanning of every page asks for the optional host permissions when switched on.
export default defineManifest({
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
  background: { service_worker: 'background/worker.ts', type: 'module' },
  permissions: ['tabs', 'activeTab', 'scripting', 'contextMenus'],
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  commands: {
    _execute_action: {
      suggested_key: { default: 'Alt+Shift+R' },
      description: '__MSG_openPopup__',
    },
  },
});
