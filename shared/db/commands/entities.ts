// The user's own entities: added by hand, or promoted from a candidate found while browsing.
// Validation is buildEntity's (shared/model/entity.ts), so a form shows the same reasons an import
// reports. Directory entities are never edited here: a wrong directory entry is flagged instead.
import type { RadarDB } from '../database.ts';
import { buildEntity, type EntityDraft, type RejectReason } from '../../model/entity.ts';
import { matchKeys } from '../../model/merge.ts';
import type { Entity, Flag } from '../../model/types.ts';
import { deleteAttached, entityTables, USER_WORK_TABLES } from '../entityTables.ts';
import { nowIso } from '../ids.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';

export type OwnEntityResult =
  | { ok: true; entity: Entity }
  | { ok: false; reason: RejectReason; detail?: string }
  /** Another entity already has one of its identifiers (or the same name in the same town). */
  | { ok: false; reason: 'duplicate'; existingId: string; existingName: string };

/** The source every hand-entered value carries. */
export const USER_SOURCE_URL = 'user:';

/** The form fields of an entity, as text (the inverse of buildEntity for what a form edits). */
export function draftOf(e: Entity): EntityDraft {
  return {
    name: e.name,
    legalForm: e.legalForm,
    krs: e.krs ?? '',
    nip: e.nip ?? '',
    regon: e.regon ?? '',
    street: e.address.street ?? '',
    postalCode: e.address.postalCode ?? '',
    city: e.address.city ?? '',
    commune: e.address.commune ?? '',
    county: e.address.county ?? '',
    voivodeship: e.address.voivodeship ?? '',
    website: e.websites.join('\n'),
    email: e.emails.join('\n'),
    phone: e.phones.join('\n'),
    offer: e.offer ?? '',
    categories: e.categories.join(';'),
    socialEnterpriseStatus: e.socialEnterpriseStatus ? (e.socialEnterpriseStatus.has ? 'tak' : 'nie') : '',
  };
}

/**
 * Validates a draft into the user's version of an entity. With `previous`, the record keeps its id
 * (lists, notes and flags point at it), its creation date, its sources and the fields the form does
 * not edit (certificates, PKD, awards…).
 */
function build(draft: EntityDraft, now: string, previous?: Entity): OwnEntityResult {
  const built = buildEntity(draft, { url: USER_SOURCE_URL, seenAt: now }, now);
  if (!built.ok) return built.detail === undefined ? { ok: false, reason: built.reason } : { ok: false, reason: built.reason, detail: built.detail };
  const fresh = built.entity;
  const entity: Entity = previous
    ? {
        ...previous,
        ...fresh,
        id: previous.id,
        createdAt: previous.createdAt,
        sources: [...previous.sources.filter((s) => s.url !== USER_SOURCE_URL), ...fresh.sources],
      }
    : fresh;
  // A field the user emptied is gone (spreading `fresh` alone would keep the old value).
  for (const k of FORM_OPTIONAL) if (fresh[k] === undefined) delete entity[k];
  entity.origin = 'user';
  delete entity.candidate;
  delete entity.fieldSources; // every value is the user's now
  return { ok: true, entity };
}

/** Optional fields the form edits; the others (certificates, PKD, awards…) are kept as they are. */
const FORM_OPTIONAL = ['krs', 'nip', 'regon', 'offer', 'socialEnterpriseStatus'] as const;

/** Another stored entity sharing an identifier, or the folded name and town, with this one. */
async function duplicateOf(db: RadarDB, entity: Entity): Promise<Entity | undefined> {
  return db.entities
    .where('keys')
    .anyOf(matchKeys(entity))
    .filter((e) => e.id !== entity.id)
    .first();
}

/** Adds an entity typed in by the user, unless the directory already has it. */
export async function addOwnEntity(db: RadarDB, draft: EntityDraft): Promise<OwnEntityResult> {
  const result = build(draft, nowIso());
  if (!result.ok) return result;
  return db.transaction('rw', db.entities, db.settings, async () => {
    const existing = (await db.entities.get(result.entity.id)) ?? (await duplicateOf(db, result.entity));
    if (existing) return { ok: false, reason: 'duplicate', existingId: existing.id, existingName: existing.name } as const;
    await db.entities.add(withKeys(result.entity));
    await bumpDirectoryRevision(db, [result.entity.id]);
    return result;
  });
}

/**
 * Saves the user's edit of their own entity or of a candidate. Promoting a candidate is the same
 * edit with `resolveFlagId`: the candidate becomes an own entity and its review flag is done.
 */
export async function updateOwnEntity(
  db: RadarDB,
  id: string,
  draft: EntityDraft,
  opts: { resolveFlagId?: string } = {},
): Promise<OwnEntityResult> {
  const now = nowIso();
  return db.transaction('rw', db.entities, db.settings, db.flags, async () => {
    const previous = await db.entities.get(id);
    if (!previous) throw new Error(`Unknown entity ${id}`);
    if (previous.origin !== 'user') throw new Error(`${id} belongs to the directory and is not edited by hand`);
    const result = build(draft, now, previous);
    if (!result.ok) return result;
    const duplicate = await duplicateOf(db, result.entity);
    if (duplicate) return { ok: false, reason: 'duplicate', existingId: duplicate.id, existingName: duplicate.name } as const;
    await db.entities.put(withKeys(result.entity));
    await bumpDirectoryRevision(db, [id, result.entity.id]);
    if (opts.resolveFlagId) await db.flags.update(opts.resolveFlagId, { status: 'done', updatedAt: now });
    return result;
  });
}

/**
 * Deletes one of the user's own entities with everything attached to it (saved state, list
 * places, persons, notes, interactions, flags, its register check): nothing is left pointing at a
 * missing entity.
 */
export async function deleteOwnEntity(db: RadarDB, id: string): Promise<void> {
  await db.transaction('rw', [db.entities, db.settings, ...entityTables(db)], async () => {
    const entity = await db.entities.get(id);
    if (!entity) return;
    if (entity.origin !== 'user') throw new Error(`${id} belongs to the directory and is not deleted by hand`);
    await db.entities.delete(id);
    await deleteAttached(db, [id]);
    await bumpDirectoryRevision(db, [id]);
  });
}

/**
 * Dismisses a candidate's review flag ("not a PES", "not interesting"). The candidate entity goes
 * too, unless the user has attached something to it (saved it, listed it, added a person, a note,
 * a contact or another open flag): then it stays, still marked as a candidate.
 */
export async function dismissCandidate(db: RadarDB, flagId: string): Promise<void> {
  await db.transaction('rw', [db.entities, db.settings, ...entityTables(db)], async () => {
    const flag = await db.flags.get(flagId);
    if (!flag) return;
    await db.flags.update(flagId, { status: 'dismissed', updatedAt: nowIso() });
    const id = flag.entityId;
    const entity = id ? await db.entities.get(id) : undefined;
    if (!id || !entity?.candidate) return;
    for (const t of entityTables(db, USER_WORK_TABLES)) {
      // The dismissed flag itself, and flags already closed, keep nothing.
      const own = t.name === 'flags' ? t.where('entityId').equals(id).filter((f: Flag) => f.id !== flagId && f.status === 'open') : t.where('entityId').equals(id);
      if ((await own.count()) > 0) return;
    }
    await db.entities.delete(id);
    // The dismissed flag stays in the review history; a register check queued for it goes.
    await db.verifyQueue.delete(id);
    await bumpDirectoryRevision(db, [id]);
  });
}
