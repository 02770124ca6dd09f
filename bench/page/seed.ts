// Fills this origin's store (the extension's or the standalone SPA's) as a user's would be after
// importing a large directory: the default directory first (as the product loads it on first
// start), then the synthetic entities through the product's own write command, chunk by chunk.
import { getDb } from '../../shared/db/database.ts';
import { loadDefaultDirectoryOnce, putEntities } from '../../shared/db/commands/directory.ts';
import { DEFAULT_PACK_FILE, fetchPack } from '../../shared/io/fetchPack.ts';
import { generateEntities } from '../synthetic.ts';

const CHUNK = 5000;

export async function seedEntities(count: number, seed: number): Promise<{ ms: number; stored: number; domains: string[] }> {
  const entities = generateEntities(count, seed);
  const db = getDb();
  // This page sits in bench/ next to the product's pages; the pack is at the build's root.
  await loadDefaultDirectoryOnce(db, () => fetchPack(new URL(`../${DEFAULT_PACK_FILE}`, location.href).href));
  const t0 = performance.now();
  for (let i = 0; i < entities.length; i += CHUNK) await putEntities(db, entities.slice(i, i + CHUNK));
  const ms = performance.now() - t0;
  return { ms, stored: await db.entities.count(), domains: entities.flatMap((e) => e.domains) };
}
