// The verify components run in the popup, in the app page inside the extension, and in the
// standalone SPA. Only the extension can reach the registers (its optional host permissions lift
// CORS; a web page cannot), so the components ask here whether they run inside it. The extension
// API is read from the page's globals rather than imported: webextension-polyfill throws outside
// an extension, and the standalone bundle must not carry it.
import { REGISTER_HOST_PERMISSIONS } from '../../io/registers/endpoints.ts';
import { notify } from '../../messages/client.ts';

interface ExtensionApi {
  runtime: { id?: string };
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
}

function api(): ExtensionApi | undefined {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const ext = g.browser ?? g.chrome;
  return ext?.runtime?.id && ext.permissions ? ext : undefined;
}

/** True in the extension's own pages (popup, app page), where checks can run. */
export function canVerify(): boolean {
  return api() !== undefined;
}

/**
 * Asks for the two register hosts (already granted: answers true at once, no prompt). The browser
 * shows the prompt only from a user gesture, so call this first thing in a click handler, before
 * any other await.
 */
export function requestRegisterAccess(): Promise<boolean> {
  const ext = api();
  if (!ext) return Promise.resolve(false);
  return ext.permissions.request({ origins: [...REGISTER_HOST_PERMISSIONS] }).catch(() => false);
}

/** Tells the background the queue has work; harmless when it is already working. */
export function wakeVerifyQueue(): void {
  if (canVerify()) notify({ type: 'verify-wake' });
}
