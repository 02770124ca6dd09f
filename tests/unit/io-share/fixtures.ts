// Test data for the sharing formats: real entities from the sample directory (built by the same
// model code an import uses), and an in-memory store that applies ImportWrites like shared/db would.
import { buildEntity } from '../../../shared/model/entity.ts';
import { matchKeys } from '../../../shared/model/merge.ts';
import type { ContactList, Entity, Interaction, ListMember, Note, Person, Saved } from '../../../shared/model/types.ts';
import type { ImportWrites, MyData } from '../../../shared/io/share/importPreview.ts';

import { SAMPLE, draftOf } from '../model/sample.ts';

let cache: Entity[] | undefined;

/** A fresh copy each call, so a test may change what it gets. */
export function sampleEntities(): Entity[] {
  cache ??= buildSample();
  return structuredClone(cache);
}

function buildSample(): Entity[] {
  const out: Entity[] = [];
  for (const r of SAMPLE) {
    const built = buildEntity(draftOf(r), { url: 'file:pes-directory-sample.csv', seenAt: '2026-11-01' }, '2026-11-01T10:00:00.000Z');
    if (built.ok) out.push(built.entity);
  }
  return out;
}

/** The sample entity with KRS, NIP, REGON, address, phone and e-mail (Spółdzielnia Socjalna „ALTERNATYWY”). */
export function alternatywy(): Entity {
  const e = sampleEntities().find((x) => x.krs === '0000700353');
  if (!e) throw new Error('sample changed: KRS 0000700353 missing');
  return e;
}

export function person(entityId: string, name: string, extra: Partial<Person> = {}): Person {
  return { id: `person_${name.replace(/\W/g, '')}`, entityId, name, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', ...extra };
}

let counter = 0;
export const seqId = (prefix: string) => `${prefix}_${++counter}`;

/** My data, held in arrays; `write` upserts what applyChoices returns, as the DB transaction would. */
export class MemoryStore {
  entities: Entity[] = [];
  persons: Person[] = [];
  notes: Note[] = [];
  saved: Saved[] = [];
  interactions: Interaction[] = [];
  lists: ContactList[] = [];
  members: ListMember[] = [];

  mine(): MyData {
    return {
      findEntity: (keys) => {
        for (const k of keys) {
          const hit = this.entities.find((e) => e.id === k || matchKeys(e).includes(k));
          if (hit) return hit;
        }
        return undefined;
      },
      persons: this.persons,
      notes: this.notes,
      saved: this.saved,
      interactions: this.interactions,
      listNames: this.lists.map((l) => l.name),
      lists: this.lists,
      members: this.members,
    };
  }

  write(w: ImportWrites): void {
    const upsert = <T>(table: T[], items: T[], key: (t: T) => string) => {
      for (const item of items) {
        const i = table.findIndex((t) => key(t) === key(item));
        if (i >= 0) table[i] = item;
        else table.push(item);
      }
    };
    upsert(this.entities, w.entities, (e) => e.id);
    upsert(this.persons, w.persons, (p) => p.id);
    upsert(this.notes, w.notes, (n) => n.id);
    upsert(this.saved, w.saved, (s) => s.entityId);
    upsert(this.interactions, w.interactions, (i) => i.id);
    upsert(this.lists, [w.list], (l) => l.id);
    upsert(this.members, w.members, (m) => `${m.listId}|${m.entityId}`);
  }
}
