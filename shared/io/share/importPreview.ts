// Planning the import of a list package: what is new, what merges with records I already have,
// which incoming values differ from mine (conflicts the user decides), and — once decided — the
// records shared/db writes in one transaction. Pure: it reads a snapshot of my data and writes nothing.
//
// Rules (docs/list-package.md, "Importing"):
// - An incoming entity is matched by identifiers, then folded name + town (model/merge.ts). Lists
//   (e-mails, phones, sources…) are unioned; a scalar value that differs from mine is a conflict and
//   stays mine unless the user takes theirs.
// - Their notes and contact log are added as separate records marked with the sharer, never replacing
//   mine; a note or contact I already have (same text) is not added again.
// - Their status is taken only for an entity I haven't saved; when I have a different one it is a
//   conflict.
// - The list keeps its name, renamed "Name (2)" when I have one by that name. The same export
//   imported again (same exporter and exportedAt) is recognised as the list I already have: only
//   missing members are added.
import { fold } from '../../model/fold.ts';
import { ENTITY_VALUE_FIELDS } from '../../model/entity.ts';
import { canMerge, matchKeys, mergeEntity, sameData } from '../../model/merge.ts';
import type {
  Address,
  ContactList,
  Entity,
  Interaction,
  ListMember,
  Note,
  Person,
  PipelineStatus,
  Saved,
  SharedFrom,
} from '../../model/types.ts';
import type { ListPackage } from './listPackage.ts';

/** A snapshot of my data that the planner compares the package with. */
export interface MyData {
  /**
   * My entity for match keys (`krs:…`, `nip:…`, `regon:…`, `name:…|…`), tried in the given order.
   * The last key is the incoming entity's id: look it up as a primary key too, so an entity of mine
   * whose name changed since its `name:<hash>` id was made is found rather than overwritten.
   */
  findEntity: (keys: string[]) => Entity | undefined;
  /** Persons, notes, saved records and contact log of the entities that matched (more is harmless). */
  persons: Person[];
  notes: Note[];
  saved: Saved[];
  interactions?: Interaction[];
  listNames: string[];
  /** My lists and their members, to recognise the same export imported again. */
  lists?: ContactList[];
  members?: ListMember[];
}

export interface PreviewOptions {
  /** ISO timestamp of the import (default: now). */
  now?: string;
  /** Id maker for new persons, notes, interactions and the list (default: `prefix_<uuid>`). */
  newId?: (prefix: string) => string;
}

export interface FieldConflict {
  /** The key of this conflict in `applyChoices`' choices: `<my entity id>.<field>`. */
  key: string;
  /** `name`, `offer`, `address.city`… */
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface EntityMerge {
  incoming: Entity;
  existing: Entity;
  conflicts: FieldConflict[];
}

export interface StatusConflict {
  /** `<my entity id>.status` */
  key: string;
  mine: Saved;
  theirs: PipelineStatus;
}

export interface ListImportPreview {
  newEntities: Entity[];
  /** Entities I have that the package would change (new values, or conflicts to decide). */
  merges: EntityMerge[];
  /** Entities I have that the package would not change. */
  unchanged: number;
  persons: { new: Person[]; existing: number; /** mine, with a missing role/e-mail/phone filled in */ filled: Person[] };
  notes: { new: Note[]; existing: number };
  interactions: { new: Interaction[]; existing: number };
  /** Statuses for entities I had not saved. */
  saved: Saved[];
  statusConflicts: StatusConflict[];
  /** The name of every entity the package touches (new, changed or unchanged), by my entity id: the preview names entities, never shows ids. */
  names: Record<string, string>;
  /** The name the list gets (renamed when I already have a list by that name). */
  listName: string;
  /** Set when this exact export was imported before: that list is reused. */
  sameList?: ContactList;
  sharedBy: SharedFrom;
  /** Everything applyChoices needs; not for display. */
  plan: {
    now: string;
    newId: (prefix: string) => string;
    description?: string;
    /** My entity id (or the new entity's id) of each list member, in package order. */
    memberIds: string[];
    existingMemberIds: string[];
  };
}

export type Choice = 'mine' | 'theirs';
export type Choices = Record<string, Choice> | Choice;

export interface ImportWrites {
  entities: Entity[];
  persons: Person[];
  notes: Note[];
  saved: Saved[];
  interactions: Interaction[];
  list: ContactList;
  members: ListMember[];
}

const defaultNewId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

const isArrayField = (e: Entity, field: keyof Entity) => Array.isArray(e[field]);

/** Fields whose incoming value differs from mine where both have one; lists are unioned instead. */
function conflictsOf(existing: Entity, incoming: Entity): FieldConflict[] {
  const out: FieldConflict[] = [];
  const add = (field: string, mine: unknown, theirs: unknown) => {
    if (mine === undefined || theirs === undefined || sameData(mine, theirs)) return;
    out.push({ key: `${existing.id}.${field}`, field, mine, theirs });
  };
  for (const field of ENTITY_VALUE_FIELDS) {
    if (isArrayField(existing, field) || isArrayField(incoming, field)) continue;
    // 'inna' means "form unknown" (as in merge.ts): it never contradicts a known form.
    if (field === 'legalForm' && incoming.legalForm === 'inna') continue;
    add(field, existing[field], incoming[field]);
  }
  const addressFields = new Set([...Object.keys(existing.address), ...Object.keys(incoming.address)]) as Set<keyof Address>;
  for (const f of addressFields) add(`address.${f}`, existing.address[f], incoming.address[f]);
  return out;
}

function getField(e: Entity, field: string): unknown {
  return field.startsWith('address.') ? e.address[field.slice(8) as keyof Address] : e[field as keyof Entity];
}

/** Sets a field to the chosen side's value, with that side's provenance in fieldSources. */
function setField(e: Entity, field: string, from: Entity, fallbackSource: string | undefined): void {
  const value = getField(from, field);
  if (field.startsWith('address.')) e.address = { ...e.address, [field.slice(8)]: value };
  else (e as unknown as Record<string, unknown>)[field] = structuredClone(value);
  const provenance = from.fieldSources?.[field] ?? fallbackSource;
  const sources: Record<string, string> = { ...(e.fieldSources as Record<string, string> | undefined) };
  if (provenance === undefined) delete sources[field];
  else sources[field] = provenance;
  // No empty map where there was none: an untouched record must compare equal to the stored one.
  if (Object.keys(sources).length || e.fieldSources) e.fieldSources = sources;
}

function choiceFor(choices: Choices, key: string): Choice {
  // Anything the user did not decide stays mine: nothing of mine is overwritten silently.
  return typeof choices === 'string' ? choices : (choices[key] ?? 'mine');
}

/** The stored record after merging and applying the choices; `undefined` when it would not change. */
function resolve(merge: EntityMerge, choices: Choices, now: string): Entity | undefined {
  const merged = structuredClone(mergeEntity(merge.existing, merge.incoming, now).entity);
  for (const c of merge.conflicts) {
    const theirs = choiceFor(choices, c.key) === 'theirs';
    setField(merged, c.field, theirs ? merge.incoming : merge.existing, theirs ? merge.incoming.sources[0]?.url : undefined);
  }
  if (sameData({ ...merged, updatedAt: undefined }, { ...merge.existing, updatedAt: undefined })) return undefined;
  merged.updatedAt = now;
  return merged;
}

const personName = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

/**
 * Persons by entity and folded name, and by entity and lower-case e-mail. A person matching both
 * ways answers with whichever was indexed first, as a scan of the entity's persons in order would.
 */
function personIndex(persons: Person[]) {
  let order = 0;
  const byName = new Map<string, { order: number; person: Person }>();
  const byEmail = new Map<string, { order: number; person: Person }>();
  const add = (p: Person) => {
    const entry = { order: order++, person: p };
    const nameKey = `${p.entityId}\u0000${personName(p.name)}`;
    if (!byName.has(nameKey)) byName.set(nameKey, entry);
    const email = p.email?.toLowerCase();
    if (email) {
      const emailKey = `${p.entityId}\u0000${email}`;
      if (!byEmail.has(emailKey)) byEmail.set(emailKey, entry);
    }
  };
  for (const p of persons) add(p);
  return {
    add,
    find(entityId: string, name: string, email: string | undefined): Person | undefined {
      const a = byName.get(`${entityId}\u0000${name}`);
      const b = email ? byEmail.get(`${entityId}\u0000${email}`) : undefined;
      if (a && b) return a.order <= b.order ? a.person : b.person;
      return (a ?? b)?.person;
    },
  };
}

function uniqueListName(name: string, taken: string[]): string {
  const folded = new Set(taken.map((n) => fold(n.trim())));
  if (!folded.has(fold(name))) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!folded.has(fold(candidate))) return candidate;
  }
}

export function previewListImport(pkg: ListPackage, mine: MyData, opts: PreviewOptions = {}): ListImportPreview {
  const now = opts.now ?? new Date().toISOString();
  const newId = opts.newId ?? defaultNewId;
  const sharedBy: SharedFrom = { ...pkg.exporter, exportedAt: pkg.exportedAt };

  // 1. Entities. `target` maps each incoming id to the id it is stored under (mine, or its own).
  const target = new Map<string, string>();
  const newById = new Map<string, Entity>();
  const mergeByTarget = new Map<string, EntityMerge>();
  const plannedByKey = new Map<string, string>(); // match key → target id, for duplicates inside the package
  for (const shared of pkg.entities) {
    // The sender's additions and corrections arrive as theirs: shown with who shared them.
    const incoming = shared.userValues?.length
      ? { ...shared, userValues: shared.userValues.map((uv) => (uv.sharedBy ? uv : { ...uv, sharedBy })) }
      : shared;
    const keys = matchKeys(incoming);
    const seenTarget = keys.map((k) => plannedByKey.get(k)).find((t) => t !== undefined);
    const found = seenTarget === undefined ? mine.findEntity([...keys, incoming.id]) : undefined;
    // A name-and-town match whose identifiers disagree is another organisation (canMerge).
    const existing = found && canMerge(found, incoming) ? found : undefined;
    let targetId: string;
    if (seenTarget !== undefined) {
      // The package names one entity twice: fold the second into what is already planned.
      targetId = seenTarget;
      const planned = newById.get(targetId);
      const merge = mergeByTarget.get(targetId);
      if (planned) newById.set(targetId, mergeEntity(planned, incoming, now).entity);
      else if (merge) merge.incoming = mergeEntity(merge.incoming, incoming, now).entity;
    } else if (existing) {
      targetId = existing.id;
      mergeByTarget.set(targetId, { incoming, existing, conflicts: [] });
    } else {
      targetId = incoming.id;
      newById.set(targetId, { ...structuredClone(incoming), createdAt: now, updatedAt: now });
    }
    target.set(incoming.id, targetId);
    for (const k of keys) plannedByKey.set(k, targetId);
  }
  const merges: EntityMerge[] = [];
  let unchanged = 0;
  for (const merge of mergeByTarget.values()) {
    merge.conflicts = conflictsOf(merge.existing, merge.incoming);
    if (merge.conflicts.length || resolve(merge, 'mine', now)) merges.push(merge);
    else unchanged++;
  }

  // 2. Persons: the same person is the same entity and the same folded name or e-mail. Looked up
  // in maps, not by scanning the entity's persons: the limits allow 50,000 persons on one entity,
  // and a scan per person took 15.6 s for 10,000 of them.
  const personsOf = personIndex(mine.persons);
  const newPersons: Person[] = [];
  const newPersonIds = new Set<string>();
  const filled = new Map<string, Person>();
  let existingPersons = 0;
  for (const p of pkg.persons) {
    const entityId = target.get(p.entityId)!;
    const email = p.email?.toLowerCase();
    const match = personsOf.find(entityId, personName(p.name), email);
    if (!match) {
      const added: Person = { ...p, id: newId('person'), entityId, createdAt: now, updatedAt: now };
      newPersons.push(added);
      newPersonIds.add(added.id);
      personsOf.add(added);
      continue;
    }
    if (newPersonIds.has(match.id)) continue; // a duplicate inside the package
    existingPersons++;
    const current = filled.get(match.id) ?? match;
    const gaps = (['role', 'email', 'phone'] as const).filter((f) => !current[f] && p[f]);
    if (gaps.length) {
      const next = { ...current, updatedAt: now };
      for (const f of gaps) next[f] = p[f];
      filled.set(match.id, next);
    }
  }

  // 3. Their private data, marked as theirs and never replacing mine.
  const theirs = pkg.private;
  // Same note = same entity and same trimmed text; same contact = same entity, date, channel and
  // trimmed summary: kept as keys in sets, so each record is one lookup whatever the entity holds.
  const noteKey = (entityId: string, n: Note) => `${entityId}\u0000${n.text.trim()}`;
  const notesKnown = new Set(mine.notes.map((n) => noteKey(n.entityId, n)));
  const newNotes: Note[] = [];
  let existingNotes = 0;
  for (const n of theirs?.notes ?? []) {
    const entityId = target.get(n.entityId)!;
    const key = noteKey(entityId, n);
    if (notesKnown.has(key)) {
      existingNotes++;
      continue;
    }
    newNotes.push({ ...n, id: newId('note'), entityId, sharedBy: n.sharedBy ?? sharedBy });
    notesKnown.add(key);
  }
  const contactKey = (entityId: string, i: Interaction) => `${entityId}\u0000${i.at}\u0000${i.channel}\u0000${i.summary.trim()}`;
  const contactsKnown = new Set((mine.interactions ?? []).map((i) => contactKey(i.entityId, i)));
  const newInteractions: Interaction[] = [];
  let existingInteractions = 0;
  for (const i of theirs?.interactions ?? []) {
    const entityId = target.get(i.entityId)!;
    const key = contactKey(entityId, i);
    if (contactsKnown.has(key)) {
      existingInteractions++;
      continue;
    }
    newInteractions.push({ ...i, entityId, id: newId('interaction'), sharedBy: i.sharedBy ?? sharedBy });
    contactsKnown.add(key);
  }
  const mySaved = new Map(mine.saved.map((s) => [s.entityId, s]));
  const newSaved: Saved[] = [];
  const statusConflicts: StatusConflict[] = [];
  const statusDone = new Set<string>(); // the package may name one entity twice
  for (const s of theirs?.saved ?? []) {
    const entityId = target.get(s.entityId)!;
    if (statusDone.has(entityId)) continue;
    statusDone.add(entityId);
    const my = mySaved.get(entityId);
    if (my) {
      if (my.status !== s.status) statusConflicts.push({ key: `${entityId}.status`, mine: my, theirs: s.status });
    } else {
      // Their follow-up date is their own reminder, not mine: status, tags and rating only.
      const { followUpAt: _theirReminder, ...rest } = s;
      newSaved.push({ ...rest, entityId, createdAt: now, updatedAt: now });
    }
  }

  // 4. The list.
  const sameList = mine.lists?.find(
    (l) =>
      l.sharedBy?.exportedAt === pkg.exportedAt &&
      (l.sharedBy.name ?? '') === (pkg.exporter?.name ?? '') &&
      (l.sharedBy.company ?? '') === (pkg.exporter?.company ?? ''),
  );
  const memberIds = [...new Set(pkg.entities.map((e) => target.get(e.id)!))];
  const existingMemberIds = sameList ? (mine.members ?? []).filter((m) => m.listId === sameList.id).map((m) => m.entityId) : [];

  return {
    newEntities: [...newById.values()],
    merges,
    unchanged,
    persons: { new: newPersons, existing: existingPersons, filled: [...filled.values()] },
    notes: { new: newNotes, existing: existingNotes },
    interactions: { new: newInteractions, existing: existingInteractions },
    saved: newSaved,
    statusConflicts,
    names: Object.fromEntries([
      ...[...mergeByTarget].map(([id, m]) => [id, m.existing.name] as const),
      ...[...newById].map(([id, e]) => [id, e.name] as const),
    ]),
    listName: sameList ? sameList.name : uniqueListName(pkg.list.name, mine.listNames),
    ...(sameList ? { sameList } : {}),
    sharedBy,
    plan: { now, newId, description: pkg.list.description, memberIds, existingMemberIds },
  };
}

/** The records to write once the user has decided: per conflict key, or one answer for all. */
export function applyChoices(preview: ListImportPreview, choices: Choices): ImportWrites {
  const { now, newId, description, memberIds, existingMemberIds } = preview.plan;
  const entities = [...preview.newEntities];
  for (const merge of preview.merges) {
    const resolved = resolve(merge, choices, now);
    if (resolved) entities.push(resolved);
  }
  const saved = [...preview.saved];
  for (const c of preview.statusConflicts) {
    if (choiceFor(choices, c.key) === 'theirs') saved.push({ ...c.mine, status: c.theirs, updatedAt: now });
  }
  const list: ContactList = preview.sameList ?? {
    id: newId('list'),
    name: preview.listName,
    ...(description ? { description } : {}),
    sharedBy: { ...preview.sharedBy, importedAt: now },
    createdAt: now,
    updatedAt: now,
  };
  const present = new Set(existingMemberIds);
  // A list shows and exports its members by addedAt: one millisecond apart keeps the package's
  // order when the list is passed on again (one shared instant would fall back to id order).
  const start = Date.parse(now);
  const addedAt = (i: number) => new Date(start + i).toISOString();
  return {
    entities,
    persons: [...preview.persons.new, ...preview.persons.filled],
    notes: preview.notes.new,
    saved,
    interactions: preview.interactions.new,
    list,
    members: memberIds.filter((id) => !present.has(id)).map((entityId, i) => ({ listId: list.id, entityId, addedAt: addedAt(i) })),
  };
}
