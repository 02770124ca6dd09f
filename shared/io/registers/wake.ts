// The one message of the verify feature: an extension page tells the background that the queue
// has work (it just queued some, or it opened and sees jobs waiting). It carries no data: the
// queue itself is in the database, so a lost or repeated message does no harm.
export const VERIFY_WAKE = { type: 'verify-wake' } as const;

export function isVerifyWake(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === VERIFY_WAKE.type && Object.keys(raw).length === 1;
}
