// The background's one message dispatcher: each feature registers a handler per request type
// (worker.ts, verifyQueue.ts), and the one listener here validates every message, checks its
// sender against the protocol's SENDERS, and hands it to its handler. A message that fails either
// check is dropped unanswered, so a sender learns nothing about why.
import browser, { type Runtime } from 'webextension-polyfill';
import type { Reply, Request, RequestType } from '../../shared/messages/protocol.ts';
import { acceptRequest } from '../../shared/messages/validate.ts';

type Handler<K extends RequestType> = (request: Request<K>, sender: Runtime.MessageSender) => Promise<Reply<K>>;

const handlers: { [K in RequestType]?: Handler<K> } = {};

/** Registers the handler of one request type (one per type). */
export function handle<K extends RequestType>(type: K, handler: Handler<K>): void {
  if (handlers[type]) throw new Error(`Radar ES: ${type} is handled twice`);
  (handlers as Record<K, Handler<K>>)[type] = handler;
}

const self = { id: browser.runtime.id, pagesUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const request = acceptRequest(raw, sender, self);
  if (!request) return undefined; // not ours, or not from whom it may come: ignored, never answered
  const handler = handlers[request.type] as Handler<RequestType> | undefined;
  return handler ? handler(request, sender) : undefined;
});
