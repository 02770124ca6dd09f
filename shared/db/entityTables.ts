// The tables whose records hang off one entity, by `entityId` (the primary key of `saved` and
// `verifyQueue`, an index of the others). Every delete of entities goes through these lists, so a
// table added to the schema is added here once and every delete follows (a unit test compares these
// lists with the schema).
import type { Table } from 'dexie';
import type { RadarDB } from './database.ts';

/** Tables that hold the user's own work about an entity: an entity with any of it is kept by "delete the directory". */
export const USER_WORK_TABLES = ['saved', 'listMembers', 'persons', 'notes', 'interactions', 'flags'] as const;

/** Every table that hangs off an entity: its user work and its register-check job. */
export const ENTITY_TABLES = [...USER_WORK_TABLES, 'verifyQueue'] as const;

export type EntityTableName = (typeof ENTITY_TABLES)[number];

export function entityTables(db: RadarDB, names: readonly EntityTableName[] = ENTITY_TABLES): Table[] {
  return names.map((name) => db.table(name));
}

/** Deletes what hangs off these entities, in every entity table. Call inside a transaction over them. */
export async function deleteAttached(db: RadarDB, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await Promise.all(entityTables(db).map((t) => t.where('entityId').anyOf(ids).delete()));
}

/** The ids of the entities that have some of the user's work attached. Call inside a transaction over them. */
export async function entitiesWithUserWork(db: RadarDB): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const t of entityTables(db, USER_WORK_TABLES)) {
    for (const id of await t.orderBy('entityId').uniqueKeys()) ids.add(String(id));
  }
  return ids;
}
