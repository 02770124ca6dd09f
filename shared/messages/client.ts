// The one client of the protocol: every context that talks to the background (content script,
// popup, app page, the verify components) sends through `send`, and gets the reply typed. The
// extension API is read from the globals rather than imported: webextension-polyfill would
// triple the content script's size for this one call, and throws outside an extension (the
// standalone SPA shares the verify components).
import type { Reply, Request, RequestType } from './protocol.ts';

interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

function runtime(): Runtime | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const rt = g.browser?.runtime ?? g.chrome?.runtime;
  return rt?.id ? rt : undefined;
}

/** True inside the extension (its pages and its content script). */
export function inExtension(): boolean {
  return runtime() !== undefined;
}

/**
 * Sends a request to the background and resolves with its reply. Rejects outside the extension,
 * and when the background could not be reached or ignored the message (no reply).
 */
export async function send<K extends RequestType>(request: Request<K>): Promise<Reply<K>> {
  const rt = runtime();
  if (!rt) throw new Error('Radar ES: not running inside the extension');
  const reply = await rt.sendMessage(request);
  if (reply === undefined) throw new Error(`Radar ES: no reply to ${request.type}`);
  return reply as Reply<K>;
}

/** Sends and forgets: for notices whose loss does no harm (the next one carries the same news). */
export function notify<K extends RequestType>(request: Request<K>): void {
  send(request).catch(() => undefined);
}
