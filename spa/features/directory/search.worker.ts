// Builds the directory's search index off the main thread. On a start with an unchanged directory
// it only loads the cached index; otherwise it reads every entity, indexes them, caches the result,
// and hands the serialised index to the page (transferred, not copied) to load and query there.
import { getDb } from '../../../shared/db/database.ts';
import { getSetting } from '../../../shared/db/commands/settings.ts';
import { readFreshSearchIndex, storeSearchIndex } from '../../../shared/db/commands/searchIndex.ts';
import { SearchIndex } from '../../../shared/search/search-index.ts';
import type { SearchDoc } from '../../../shared/search/types.ts';
import type { WorkerReply, WorkerRequest } from './searchProtocol.ts';

const db = getDb();

async function build(): Promise<{ revision: number; buffer: ArrayBuffer }> {
  // One read transaction: the entities and the revision they make up belong together.
  const { revision, docs } = await db.transaction('r', db.entities, db.settings, async () => {
    const docs: SearchDoc[] = [];
    await db.entities.each((e) => {
      docs.push({
        id: e.id, name: e.name, legalForm: e.legalForm, krs: e.krs, nip: e.nip, regon: e.regon, address: e.address,
        offer: e.offer, categories: e.categories, socialEnterpriseStatus: e.socialEnterpriseStatus, certificates: e.certificates,
      });
    });
    return { revision: await getSetting(db, 'directoryRevision'), docs };
  });
  const buffer = SearchIndex.build(docs).serialize();
  // The cache write copies the bytes; the buffer itself is transferred to the page afterwards.
  await storeSearchIndex(db, revision, buffer);
  return { revision, buffer };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  if (event.data.type !== 'load') return;
  try {
    const cached = await readFreshSearchIndex(db);
    const result = cached.buffer ? { revision: cached.revision, buffer: cached.buffer, cached: true } : { ...(await build()), cached: false };
    const reply: WorkerReply = { type: 'index', ...result };
    (self as unknown as Worker).postMessage(reply, [result.buffer]);
  } catch (err) {
    const reply: WorkerReply = { type: 'error', message: String(err) };
    (self as unknown as Worker).postMessage(reply);
  }
};
