// Contact persons at an entity. E-mail and phone are normalised like the directory's, so a person's
// number dials and their address mails from any device; a value that does not parse is refused.
import type { RadarDB } from '../database.ts';
import { normalizeEmail, normalizePhone } from '../../model/contact.ts';
import type { Person } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';

export interface PersonInput {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export type PersonResult = { ok: true; person: Person } | { ok: false; reason: 'no_name' | 'email_invalid' | 'phone_invalid' };

/** The stored fields of a person from form text, or the first problem found. */
function clean(input: PersonInput): { ok: true; value: Omit<Person, 'id' | 'entityId' | 'createdAt' | 'updatedAt'> } | { ok: false; reason: 'no_name' | 'email_invalid' | 'phone_invalid' } {
  const name = input.name.trim();
  if (!name) return { ok: false, reason: 'no_name' };
  const value: Omit<Person, 'id' | 'entityId' | 'createdAt' | 'updatedAt'> = { name };
  const role = input.role?.trim();
  if (role) value.role = role;
  if (input.email?.trim()) {
    const email = normalizeEmail(input.email);
    if (!email) return { ok: false, reason: 'email_invalid' };
    value.email = email;
  }
  if (input.phone?.trim()) {
    const phone = normalizePhone(input.phone);
    if (!phone) return { ok: false, reason: 'phone_invalid' };
    value.phone = phone;
  }
  return { ok: true, value };
}

export async function addPerson(db: RadarDB, entityId: string, input: PersonInput): Promise<PersonResult> {
  const c = clean(input);
  if (!c.ok) return c;
  const now = nowIso();
  const person: Person = { id: newId('person'), entityId, ...c.value, createdAt: now, updatedAt: now };
  await db.transaction('rw', db.persons, async () => {
    await db.persons.add(person);
  });
  return { ok: true, person };
}

export async function updatePerson(db: RadarDB, id: string, input: PersonInput): Promise<PersonResult> {
  const c = clean(input);
  if (!c.ok) return c;
  return db.transaction('rw', db.persons, async () => {
    const previous = await db.persons.get(id);
    if (!previous) throw new Error(`Unknown person ${id}`);
    const person: Person = { id, entityId: previous.entityId, ...c.value, createdAt: previous.createdAt, updatedAt: nowIso() };
    await db.persons.put(person);
    return { ok: true, person } as const;
  });
}

export async function deletePerson(db: RadarDB, id: string): Promise<void> {
  await db.transaction('rw', db.persons, async () => {
    await db.persons.delete(id);
  });
}
