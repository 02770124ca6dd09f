import { getContext, setContext } from 'svelte';

/**
 * What differs between the SPA inside the extension and the standalone SPA. The standalone build
 * never imports extension APIs: the extension's implementation lives in extension/app/.
 */
export interface Platform {
  kind: 'extension' | 'standalone';
  /** URL of the default directory pack shipped with this build. */
  defaultPackUrl: string;
  /** URL of the index of the feed the default directory is a snapshot of (the build's own copy). */
  defaultFeedUrl: string;
  /**
   * Extension: asks the optional host permission for a feed's origin only (call from the user's
   * click). Without it (standalone) the feed is read across origins and its host must allow CORS.
   */
  requestFeedAccess?(url: string): Promise<boolean>;
  /** Switches automatic page scanning (extension only; asks for the optional permission). */
  setAutoScan?(enabled: boolean): Promise<boolean>;
  /** The keyboard shortcut that opens the extension's popup as the browser has it set (extension only). */
  popupShortcut?(): Promise<string | undefined>;
}

const KEY = Symbol('platform');

export function providePlatform(p: Platform): void {
  setContext(KEY, p);
}

export function usePlatform(): Platform {
  return getContext<Platform>(KEY);
}
