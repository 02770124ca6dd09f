import type { Entity } from '../model/types.ts';
import { PACK_FORMAT, PACK_VERSION } from './import/packFormat.ts';
import type { FeedIndex } from './feeds/format.ts';

/** The default directory's file name in both builds (emitted by the build, see vite.config.ts). */
export const DEFAULT_PACK_FILE = 'default-directory.json';
/**
 * The source its entities cite for the values it gave them: the default feed (scripts/defaultPack.ts).
 * Stores filled before the default directory became a feed cite the CSV it was built from.
 */
export const DEFAULT_DIRECTORY_SOURCE = 'feed:default';
const LEGACY_DEFAULT_SOURCE = 'file:pes-directory-sample.csv';

export function isDefaultDirectorySource(url: string): boolean {
  return url === DEFAULT_DIRECTORY_SOURCE || url === LEGACY_DEFAULT_SOURCE;
}

/** The bundled directory: its entities and the signed index of the feed it is a snapshot of. */
export interface BundledSnapshot {
  entities: Entity[];
  feed?: FeedIndex;
}

/**
 * Reads the data pack that ships with this build. The build made it with the full importer
 * (scripts/defaultPack.ts fails on any rejected row), so only its envelope is checked here; that
 * keeps the validating reader — phone and domain libraries included — out of the service worker,
 * which loads on every wake-up. Packs from users go through readPack (import/pack.ts).
 */
export function readBundledPack(text: string): BundledSnapshot {
  const pack = JSON.parse(text) as { format?: unknown; version?: unknown; count?: unknown; entities?: unknown; feed?: unknown };
  if (pack.format !== PACK_FORMAT || pack.version !== PACK_VERSION || !Array.isArray(pack.entities) || pack.entities.length !== pack.count) {
    throw new Error('The bundled directory pack is damaged or of another version');
  }
  return { entities: pack.entities as Entity[], ...(pack.feed ? { feed: pack.feed as FeedIndex } : {}) };
}

/** Fetches the data pack shipped with the build (same origin: no network). */
export async function fetchPack(url: string): Promise<BundledSnapshot> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Cannot read ${url}: HTTP ${res.status}`);
  return readBundledPack(await res.text());
}
