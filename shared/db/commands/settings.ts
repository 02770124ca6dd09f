import type { RadarDB } from '../database.ts';

/** Known settings and their types: one place so popup, background and app agree. */
export interface Settings {
  lang: 'pl' | 'en';
  userName: string;
  userCompany: string;
  userEmail: string;
  userPhone: string;
  signature: string;
  /** The default directory has been loaded once; never reloaded automatically after that. */
  defaultDirectoryLoaded: boolean;
  /** Bumped by every write to the directory: caches built from another revision are stale. */
  directoryRevision: number;
  /** Opt-in: scan every page automatically (needs the optional host permission). */
  autoScan: boolean;
  /** The first-run welcome was finished or skipped: it is not shown again (help links to it). */
  welcomeDone: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  lang: 'pl',
  userName: '',
  userCompany: '',
  userEmail: '',
  userPhone: '',
  signature: '',
  defaultDirectoryLoaded: false,
  directoryRevision: 0,
  autoScan: false,
  welcomeDone: false,
};

export async function getSetting<K extends keyof Settings>(db: RadarDB, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return (row?.value as Settings[K] | undefined) ?? DEFAULT_SETTINGS[key];
}

export async function getSettings(db: RadarDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = r.value;
  return out as unknown as Settings;
}

export async function setSettings(db: RadarDB, values: Partial<Settings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    for (const [key, value] of Object.entries(values)) {
      if (key in DEFAULT_SETTINGS) await db.settings.put({ key, value });
    }
  });
}

/** Which entities one directory revision wrote or deleted; no ids when it was a bulk change. */
export interface DirectoryChange {
  revision: number;
  ids?: string[];
}

const CHANGES_KEY = 'directoryChanges';
/** Changes remembered: enough for a page asleep through a day of saving and editing. */
const KEPT_CHANGES = 100;
/**
 * More changed entities than this are a bulk change: re-indexing everything is then about as quick
 * as patching, and a 5,000-entity import chunk does not bloat the log.
 */
export const MAX_CHANGED_IDS = 1000;

/**
 * Call inside a transaction that includes `settings` whenever the directory changes, with the ids
 * of the entities written or deleted when they are known: caches of the directory (the search
 * index) then patch those entities instead of rebuilding from every entity.
 */
export async function bumpDirectoryRevision(db: RadarDB, changedIds?: Iterable<string>): Promise<number> {
  const current = await getSetting(db, 'directoryRevision');
  const next = current + 1;
  await db.settings.put({ key: 'directoryRevision', value: next });
  const ids = changedIds === undefined ? undefined : [...new Set(changedIds)];
  const change: DirectoryChange = ids && ids.length <= MAX_CHANGED_IDS ? { revision: next, ids } : { revision: next };
  const log = await readDirectoryChanges(db);
  await db.settings.put({ key: CHANGES_KEY, value: [...log.slice(-(KEPT_CHANGES - 1)), change] });
  return next;
}

export async function readDirectoryChanges(db: RadarDB): Promise<DirectoryChange[]> {
  const row = await db.settings.get(CHANGES_KEY);
  return Array.isArray(row?.value) ? (row.value as DirectoryChange[]) : [];
}

/**
 * The ids of the entities changed after revision `from` up to `to`; undefined when one of those
 * revisions is not in the log or was a bulk change (a cache must then be rebuilt).
 */
export function changedBetween(log: DirectoryChange[], from: number, to: number): string[] | undefined {
  if (to < from) return undefined;
  const byRevision = new Map(log.map((c) => [c.revision, c]));
  const ids = new Set<string>();
  for (let r = from + 1; r <= to; r++) {
    const change = byRevision.get(r);
    if (!change?.ids) return undefined;
    for (const id of change.ids) ids.add(id);
  }
  return ids.size <= MAX_CHANGED_IDS ? [...ids] : undefined;
}
