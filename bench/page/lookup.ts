// Baselines of "navigation → badge": the same lookup the background makes, timed bare in an
// extension page of the same origin (so the same database and index).
import { RadarDB, getDb } from '../../shared/db/database.ts';
import { rawReader } from '../../shared/db/rawRead.ts';
import { decideTab } from '../../extension/background/decide.ts';

export interface LookupSamples {
  /** db.entities.where('domains').equals(key).first(): the bare indexed lookup. */
  indexed: number[];
  /** decideTab(rawReader(), url): the background's lookup (URL → keys → raw indexed reads). */
  product: number[];
  /** Opening a fresh connection to the store, then one indexed lookup: what a cold worker must do at least. */
  coldOpen: number[];
  /** Set.has on a Set of every stored domain, per lookup (averaged over a batch: one is below the clock's resolution). */
  setHas: number[];
  hits: number;
}

export async function lookupBaselines(url: string, key: string, allDomains: string[], repeats: number): Promise<LookupSamples> {
  const db = getDb();
  await db.open();
  const reader = rawReader(db.name);
  const out: LookupSamples = { indexed: [], product: [], coldOpen: [], setHas: [], hits: 0 };
  for (let i = 0; i < repeats; i++) {
    let t = performance.now();
    const e = await db.entities.where('domains').equals(key).first();
    out.indexed.push(performance.now() - t);
    if (e) out.hits++;

    t = performance.now();
    await decideTab(reader, url, undefined);
    out.product.push(performance.now() - t);

    const fresh = new RadarDB();
    t = performance.now();
    await fresh.entities.where('domains').equals(key).first();
    out.coldOpen.push(performance.now() - t);
    fresh.close();
  }
  const set = new Set(allDomains);
  set.add(key);
  const BATCH = 10_000;
  for (let i = 0; i < repeats; i++) {
    let found = 0;
    const t = performance.now();
    for (let j = 0; j < BATCH; j++) if (set.has(j === 0 ? key : allDomains[(i * BATCH + j) % allDomains.length])) found++;
    out.setHas.push((performance.now() - t) / BATCH);
    if (found !== BATCH) throw new Error('Set.has missed a stored domain');
  }
  return out;
}
