// A fresh database holding the real default directory, built from the sample CSV by the same
// script the build uses.
import { RadarDB } from '../../../shared/db/database.ts';
import { loadDefaultDirectoryOnce } from '../../../shared/db/commands/directory.ts';
import { readPack } from '../../../shared/io/import/pack.ts';
import { buildDefaultPack } from '../../../scripts/defaultPack.ts';

let pack: string | undefined;

export async function dbWithDirectory(): Promise<RadarDB> {
  pack ??= await buildDefaultPack();
  const db = new RadarDB(`ext-${Math.random()}`);
  await loadDefaultDirectoryOnce(db, async () => readPack(pack!).entities);
  return db;
}
