// A list's members as its page shows them: the entity's name, place, stage and contact data, with
// its contact persons. Read in one go per change of the list (a list is tens of entities, not 100k).
import type { RadarDB } from '../../../shared/db/database.ts';
import type { PipelineStatus } from '../../../shared/model/types.ts';
import { byPolish } from '../../lib/labels.ts';

export interface MemberRow {
  id: string;
  name: string;
  legalForm?: string;
  city?: string;
  status?: PipelineStatus;
  emails: string[];
  phones: string[];
  /** Contact persons: name, role, their own e-mail and phone. */
  persons: { name: string; role?: string; email?: string; phone?: string }[];
  nip?: string;
  krs?: string;
}

export async function readMemberRows(db: RadarDB, listId: string): Promise<MemberRow[]> {
  const members = await db.listMembers.where('listId').equals(listId).toArray();
  const ids = members.map((m) => m.entityId);
  const [entities, saved, persons] = await Promise.all([
    db.entities.bulkGet(ids),
    db.saved.bulkGet(ids),
    db.persons.where('entityId').anyOf(ids).toArray(),
  ]);
  const personsOf = new Map<string, MemberRow['persons']>();
  for (const p of persons.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const row = { name: p.name, role: p.role, email: p.email, phone: p.phone };
    personsOf.set(p.entityId, [...(personsOf.get(p.entityId) ?? []), row]);
  }
  return members
    .map((m, i) => {
      const e = entities[i];
      return {
        id: m.entityId,
        name: e?.name ?? m.entityId,
        legalForm: e?.legalForm,
        city: e?.address.city,
        status: saved[i]?.status,
        emails: e?.emails ?? [],
        phones: e?.phones ?? [],
        persons: personsOf.get(m.entityId) ?? [],
        nip: e?.nip,
        krs: e?.krs,
      };
    })
    .sort((a, b) => byPolish(a.name, b.name));
}
