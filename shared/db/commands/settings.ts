import type { RadarDB } from '../database.ts';
import type { Lang } from '../../model/types.ts';

/** Known settings and their types: one place so popup, background and app agree. */
export interface Settings {
  lang: Lang;
  userName: string;
  userCompany: string;
  userEmail: string;
  userPhone: string;
  signature: string;
  /** The default directory has been loaded once; never reloaded automatically after that. */
  defaultDirectoryLoaded: boolean;
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
  autoScan: false,
  welcomeDone: false,
};

export async function getSetting<K extends keyof Settings>(db: RadarDB, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return (row?.value as Settings[K] | undefined) ?? DEFAULT_SETTINGS[key];
}

export async function getSettings(db: RadarDB): Promise<Settings> {
  // The user's settings only: the table also holds the directory's change log and its id rows.
  const keys = Object.keys(DEFAULT_SETTINGS);
  const rows = await db.settings.bulkGet(keys);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  rows.forEach((r, i) => {
    if (r) out[keys[i]] = r.value;
  });
  return out as unknown as Settings;
}

export async function setSettings(db: RadarDB, values: Partial<Settings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    for (const [key, value] of Object.entries(values)) {
      if (key in DEFAULT_SETTINGS) await db.settings.put({ key, value });
    }
  });
}
