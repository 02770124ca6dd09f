import type { RadarDB } from '../database.ts';
import type { PipelineStatus, Saved } from '../../model/types.ts';
import { nowIso } from '../ids.ts';

export interface SaveOptions {
  status?: PipelineStatus;
  /** Lists to put the entity on (existing list ids). */
  listIds?: string[];
  tags?: string[];
  rating?: number | null;
  followUpAt?: string | null;
}

/** Saves an entity (or updates how it is saved) and puts it on lists, in one transaction. */
export async function saveEntity(db: RadarDB, entityId: string, opts: SaveOptions = {}): Promise<Saved> {
  return db.transaction('rw', db.saved, db.listMembers, db.entities, async () => {
    if (!(await db.entities.get(entityId))) throw new Error(`Unknown entity ${entityId}`);
    const now = nowIso();
    const existing = await db.saved.get(entityId);
    const next: Saved = {
      entityId,
      status: opts.status ?? existing?.status ?? 'to_contact',
      tags: opts.tags ?? existing?.tags ?? [],
      rating: opts.rating === null ? undefined : (opts.rating ?? existing?.rating),
      followUpAt: opts.followUpAt === null ? undefined : (opts.followUpAt ?? existing?.followUpAt),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.saved.put(next);
    for (const listId of opts.listIds ?? []) {
      if (!(await db.listMembers.get([listId, entityId]))) {
        await db.listMembers.put({ listId, entityId, addedAt: now });
      }
    }
    return next;
  });
}

export async function setPipelineStatus(db: RadarDB, entityId: string, status: PipelineStatus): Promise<void> {
  await saveEntity(db, entityId, { status });
}

/** Un-saves an entity. Its lists, persons, notes and interactions stay. */
export async function unsaveEntity(db: RadarDB, entityId: string): Promise<void> {
  await db.transaction('rw', db.saved, async () => {
    await db.saved.delete(entityId);
  });
}
