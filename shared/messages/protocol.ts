// The typed protocol between the content script, the background and extension pages.
// Every message is validated on arrival (validate.ts) and its sender checked (the background
// accepts page hints only from its own content script in a top frame, and commands only from its
// own extension pages). A web page cannot reach the background at all: there is no
// `externally_connectable`, and `window.postMessage` is never listened to.
import type { Entity, PageHints } from '../model/types.ts';

/** Sent by the content script after scanning the page text. */
export interface PageHintsMessage {
  type: 'page-hints';
  hints: PageHints;
}

/** Extension pages → background. */
export type PageRequest =
  | { type: 'ping' }
  | { type: 'tab-state'; tabId: number }
  | { type: 'scan-tab'; tabId: number }
  | { type: 'directory-changed' }
  | { type: 'set-auto-scan'; enabled: boolean };

export type BackgroundMessage = PageHintsMessage | PageRequest;

/** What the background knows about a tab: the basis of the popup's first screen. */
export interface TabState {
  tabId: number;
  url?: string;
  /** Registrable domain or host that matched, if any. */
  domain?: string;
  /** Entity matched by domain, else by an identifier found on the page. */
  entity?: Entity;
  matchedBy?: 'domain' | 'nip' | 'regon' | 'krs';
  hints?: PageHints;
  /** False when the page could not be scanned (browser pages, the web store, no permission). */
  scannable: boolean;
}

export type PingResponse = { type: 'pong'; version: string };
