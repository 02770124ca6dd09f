// Which imports are being written right now. The import worker holds a Web Lock named after its
// session while it writes; a record with `progress` whose lock nobody holds was interrupted (the
// browser closed or crashed). Locks die with their holder, so a killed browser leaves none.
export const importLockName = (session: string) => `radar-es-import:${session}`;

/** Runs `write` holding the session's lock (or without one where the browser has no Web Locks). */
export function withImportLock<T>(session: string, write: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(importLockName(session), write) as Promise<T>) : write();
}

export async function isImportRunning(session: string): Promise<boolean> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((l) => l.name === importLockName(session));
}
