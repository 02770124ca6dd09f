import type { Entity } from '../model/types.ts';
import { readPack } from './import/pack.ts';

/** The default directory's file name in both builds (emitted by the build, see vite.config.ts). */
export const DEFAULT_PACK_FILE = 'default-directory.json';

/** Fetches and validates a data pack shipped with the build (same origin: no network). */
export async function fetchPack(url: string): Promise<Entity[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Cannot read ${url}: HTTP ${res.status}`);
  return readPack(await res.text()).entities;
}
