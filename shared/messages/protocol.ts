// The typed protocol between the content script, the background and extension pages: each request
// names what it carries, what the background replies and who may send it. The client (`send`,
// client.ts) and the background's one dispatcher (extension/background/dispatch.ts) are both typed
// from this map, so a caller gets the reply's type without a cast and a handler must return it.
//
// Every message is validated on arrival (validate.ts) and its sender checked against `SENDERS`:
// page hints only from the extension's own content script in a top frame of a web page, every
// other request only from the extension's own pages. A web page cannot reach the background at
// all: there is no `externally_connectable`, and `window.postMessage` is never listened to.
import type { Entity, PageHints } from '../model/types.ts';

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

/** Each request: its fields besides `type`, and the background's reply. */
export interface Protocol {
  /** The content script's findings on the page it runs in. */
  'page-hints': { fields: { hints: PageHints }; reply: { ok: true } };
  ping: { fields: object; reply: PingResponse };
  /** What the background knows of a tab without touching the page. */
  'tab-state': { fields: { tabId: number }; reply: TabState };
  /** Scans the tab now (the popup's activeTab grant allows it) and decides again. */
  'scan-tab': { fields: { tabId: number }; reply: TabState };
  /** The directory changed (a page following its change log says so): re-decide open tabs' badges. */
  'directory-changed': { fields: object; reply: { ok: true } };
  /** Switch automatic page scanning; the reply says whether it is registered as asked. */
  'set-auto-scan': { fields: { enabled: boolean }; reply: { ok: boolean } };
  /** The register-check queue has work. It carries no data: the queue is in the database. */
  'verify-wake': { fields: object; reply: { ok: true } };
}

export type RequestType = keyof Protocol;
export type Request<K extends RequestType = RequestType> = { [T in K]: { type: T } & Protocol[T]['fields'] }[K];
export type Reply<K extends RequestType> = Protocol[K]['reply'];

/** Where a message came from, as the background tells it from the browser's sender record. */
export type SenderKind = 'content-script' | 'extension-page';

/** Who may send each request. */
export const SENDERS: { readonly [K in RequestType]: SenderKind } = {
  'page-hints': 'content-script',
  ping: 'extension-page',
  'tab-state': 'extension-page',
  'scan-tab': 'extension-page',
  'directory-changed': 'extension-page',
  'set-auto-scan': 'extension-page',
  'verify-wake': 'extension-page',
};
