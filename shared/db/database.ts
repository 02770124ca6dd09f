import Dexie, { type Table } from 'dexie';
import type {
  ContactList,
  Entity,
  Flag,
  ImportRecord,
  Interaction,
  ListMember,
  Note,
  Person,
  Saved,
  SettingRecord,
} from '../model/types.ts';
import type { VerifyJob } from '../io/registers/types.ts';

import { DB_NAME } from './names.ts';

export { DB_NAME };

/** A cached value that is expensive to rebuild (the serialised search index). */
export interface BlobRecord {
  key: string;
  /** The directory revision the value was built from; stale when it differs. */
  revision: number;
  value: unknown;
}

/**
 * Schema history. Each version is kept as written: Dexie replays them to upgrade an old store.
 * Indexes are a cost (each group roughly halves bulk-write speed, see DESIGN.md §3), so only
 * what a query needs is indexed:
 * - entities: `*domains` for page matching, `*keys` (krs:/nip:/regon:/name: match keys) for
 *   identifier lookups and import merging. Everything else is searched in memory.
 * - listMembers: by list (list page) and by entity (entity page, popup).
 * - persons, notes, interactions, flags: by entity; flags also by creation for the review queue.
 */
export const SCHEMA_V1 = {
  entities: 'id, *domains, *keys',
  saved: 'entityId',
  lists: 'id',
  listMembers: '[listId+entityId], listId, entityId',
  persons: 'id, entityId',
  notes: 'id, entityId',
  flags: 'id, entityId, createdAt',
  interactions: 'id, entityId',
  imports: 'id, at',
  settings: 'key',
  blobs: 'key',
} as const;

/**
 * v2 adds the queue of register checks (issue 8), worked through by the background: by entity (one
 * job each), by status (what is left to do) and by order (the queue as shown).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  verifyQueue: 'entityId, status, order',
} as const;

export class RadarDB extends Dexie {
  entities!: Table<Entity, string>;
  saved!: Table<Saved, string>;
  lists!: Table<ContactList, string>;
  listMembers!: Table<ListMember, [string, string]>;
  persons!: Table<Person, string>;
  notes!: Table<Note, string>;
  flags!: Table<Flag, string>;
  interactions!: Table<Interaction, string>;
  imports!: Table<ImportRecord, string>;
  settings!: Table<SettingRecord, string>;
  blobs!: Table<BlobRecord, string>;
  verifyQueue!: Table<VerifyJob, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }
}

let shared: RadarDB | undefined;

/** The one database of this origin (popup, background and app page share it in the extension). */
export function getDb(): RadarDB {
  shared ??= new RadarDB();
  return shared;
}
