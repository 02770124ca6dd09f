// Sharing lists offline: what an export reads from the store, the snapshot of my data an import
// preview compares a package with, and the one transaction that writes a confirmed import.
// The formats and the planning rules live in shared/io/share/ (docs/list-package.md); this file
// only reads and writes.
import type { RadarDB } from '../database.ts';
import { matchKeys } from '../../model/merge.ts';
import type { ContactList, Entity, ImportRecord, Interaction, Note, Person, Saved } from '../../model/types.ts';
import type { ImportWrites, MyData } from '../../io/share/importPreview.ts';
import type { ListPackage } from '../../io/share/listPackage.ts';
import { entitiesByKey, firstHit } from '../queries.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';
import { newId, nowIso } from '../ids.ts';

/** Everything any export format needs about a set of entities, read in one consistent snapshot. */
export interface ExportData {
  list: { name: string; description?: string };
  entities: Entity[];
  persons: Person[];
  notes: Note[];
  saved: Saved[];
  interactions: Interaction[];
}

async function gatherEntities(db: RadarDB, ids: string[]): Promise<Omit<ExportData, 'list'>> {
  const unique = [...new Set(ids)];
  // An id whose entity was deleted since it was put on a list has nothing to export.
  const entities = (await db.entities.bulkGet(unique)).filter((e): e is Entity => e !== undefined);
  const present = entities.map((e) => e.id);
  const [persons, notes, saved, interactions] = await Promise.all([
    db.persons.where('entityId').anyOf(present).toArray(),
    db.notes.where('entityId').anyOf(present).toArray(),
    db.saved.bulkGet(present),
    db.interactions.where('entityId').anyOf(present).toArray(),
  ]);
  const order = new Map(present.map((id, i) => [id, i]));
  const byEntity = <T extends { entityId: string }>(a: T, b: T) => order.get(a.entityId)! - order.get(b.entityId)!;
  return {
    entities,
    persons: persons.sort(byEntity),
    notes: notes.sort(byEntity),
    saved: saved.filter((s): s is Saved => s !== undefined),
    interactions: interactions.sort(byEntity),
  };
}

/** A list with its members in the order they were added; undefined when the list is gone. */
export async function gatherListExport(db: RadarDB, listId: string): Promise<ExportData | undefined> {
  return db.transaction('r', [db.lists, db.listMembers, db.entities, db.persons, db.notes, db.saved, db.interactions], async () => {
    const list = await db.lists.get(listId);
    if (!list) return undefined;
    const members = await db.listMembers.where('listId').equals(listId).toArray();
    members.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    const data = await gatherEntities(db, members.map((m) => m.entityId));
    return { list: { name: list.name, ...(list.description ? { description: list.description } : {}) }, ...data };
  });
}

/** A selection (saved suppliers, one entity) exported under a name the caller gives it. */
export async function gatherEntitiesExport(db: RadarDB, entityIds: string[], name: string): Promise<ExportData> {
  return db.transaction('r', [db.entities, db.persons, db.notes, db.saved, db.interactions], async () => ({
    list: { name },
    ...(await gatherEntities(db, entityIds)),
  }));
}

/**
 * The part of my store a package is compared with: the entities its entities match (by match keys,
 * and by their own id, so an entity of mine renamed since its `name:` id was made is still found),
 * and the persons, notes, statuses and contacts of those entities; my lists, and the members of a
 * list that came from this very export (to recognise a second import of the same file).
 */
export async function loadMyDataFor(db: RadarDB, pkg: ListPackage): Promise<MyData> {
  const tables = [db.entities, db.persons, db.notes, db.saved, db.interactions, db.lists, db.listMembers];
  return db.transaction('r', tables, async () => {
    const [byKey, byIds] = await Promise.all([
      entitiesByKey(db, pkg.entities.flatMap((e) => matchKeys(e))),
      db.entities.bulkGet(pkg.entities.map((e) => e.id)),
    ]);
    const byId = new Map<string, Entity>();
    for (const e of byIds) if (e) byId.set(e.id, e);
    const findEntity = (tryKeys: string[]) => firstHit(byKey, tryKeys) ?? byId.get(tryKeys[tryKeys.length - 1]);

    const matched = [...new Set([...byKey.values(), ...byId.values()].map((e) => e.id))];
    const lists = await db.lists.toArray();
    const sameExport = lists.filter((l) => l.sharedBy?.exportedAt === pkg.exportedAt).map((l) => l.id);
    const [persons, notes, saved, interactions, members] = await Promise.all([
      db.persons.where('entityId').anyOf(matched).toArray(),
      db.notes.where('entityId').anyOf(matched).toArray(),
      db.saved.bulkGet(matched),
      db.interactions.where('entityId').anyOf(matched).toArray(),
      db.listMembers.where('listId').anyOf(sameExport).toArray(),
    ]);
    return {
      findEntity,
      persons,
      notes,
      saved: saved.filter((s): s is Saved => s !== undefined),
      interactions,
      listNames: lists.map((l) => l.name),
      lists,
      members,
    };
  });
}

/** True when a confirmed import would write nothing (the same file imported again). */
export function isEmptyImport(writes: ImportWrites, existingList: ContactList | undefined): boolean {
  return (
    existingList !== undefined &&
    writes.entities.length === 0 &&
    writes.persons.length === 0 &&
    writes.notes.length === 0 &&
    writes.saved.length === 0 &&
    writes.interactions.length === 0 &&
    writes.members.length === 0
  );
}

export interface ImportSummary {
  fileName: string;
  format: 'list-package' | 'vcard';
  added: number;
  merged: number;
  unchanged: number;
}

/**
 * Writes what the user confirmed, all or nothing: entities (with their match keys, bumping the
 * directory revision so search caches rebuild), the list — created, or kept as it is when it is
 * the same export imported before — its members, persons, notes, statuses and contacts, and a
 * record of the import.
 */
export async function writeListImport(db: RadarDB, writes: ImportWrites, summary: ImportSummary): Promise<void> {
  const tables = [db.entities, db.settings, db.lists, db.listMembers, db.persons, db.notes, db.saved, db.interactions, db.imports];
  await db.transaction('rw', tables, async () => {
    if (writes.entities.length) {
      await db.entities.bulkPut(writes.entities.map(withKeys));
      await bumpDirectoryRevision(db, writes.entities.map((e) => e.id));
    }
    // A list I already have (same export) is never overwritten: a rename of mine stays.
    if (!(await db.lists.get(writes.list.id))) await db.lists.add(writes.list);
    await db.listMembers.bulkPut(writes.members);
    await db.persons.bulkPut(writes.persons);
    await db.notes.bulkPut(writes.notes);
    await db.saved.bulkPut(writes.saved);
    await db.interactions.bulkPut(writes.interactions);
    const record: ImportRecord = {
      id: newId('import'),
      fileName: summary.fileName,
      format: summary.format,
      at: nowIso(),
      counts: { added: summary.added, merged: summary.merged, unchanged: summary.unchanged, rejected: 0 },
      rejected: [],
    };
    await db.imports.add(record);
  });
}
