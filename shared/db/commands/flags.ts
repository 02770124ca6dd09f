import type { RadarDB } from '../database.ts';
import type { Entity, Flag, FlagKind, PageHints } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';

export interface FlagInput {
  kind: Exclude<FlagKind, 'candidate'>;
  entityId?: string;
  url?: string;
  domain?: string;
  detected?: PageHints;
  note?: string;
}

export async function flagEntityOrPage(db: RadarDB, input: FlagInput): Promise<Flag> {
  const now = nowIso();
  const flag: Flag = { id: newId('flag'), status: 'open', createdAt: now, updatedAt: now, ...input };
  await db.transaction('rw', db.flags, async () => {
    await db.flags.add(flag);
  });
  return flag;
}

/**
 * Adds a candidate entity found while browsing (marked as the user's, with the page as source)
 * together with the flag that puts it in the review queue.
 */
export async function addCandidate(
  db: RadarDB,
  entity: Entity,
  page: { url: string; domain?: string; detected?: PageHints; note?: string },
): Promise<{ entity: Entity; flag: Flag }> {
  const now = nowIso();
  const stored = withKeys({ ...entity, origin: 'user', candidate: true });
  const flag: Flag = {
    id: newId('flag'),
    kind: 'candidate',
    entityId: stored.id,
    url: page.url,
    domain: page.domain,
    detected: page.detected,
    note: page.note,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', db.entities, db.flags, db.settings, async () => {
    const existing = await db.entities.get(stored.id);
    if (!existing) {
      await db.entities.add(stored);
      await bumpDirectoryRevision(db, [stored.id]);
    }
    await db.flags.add(flag);
  });
  return { entity: stored, flag };
}

export async function setFlagStatus(db: RadarDB, id: string, status: Flag['status']): Promise<void> {
  await db.transaction('rw', db.flags, async () => {
    await db.flags.update(id, { status, updatedAt: nowIso() });
  });
}
