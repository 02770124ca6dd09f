// Where to reach an entity: its own e-mails and phones, else those of its contact persons. Most
// entities on regional lists have no e-mail or phone of their own, while the user has often noted
// a person with one; "no contact data" would then be wrong.
import type { Entity, Person } from './types.ts';

export interface ContactPoint {
  value: string;
  /** The person it belongs to; absent for the entity's own e-mail or phone. */
  person?: { id: string; name: string };
}

export interface ContactPoints {
  emails: ContactPoint[];
  phones: ContactPoint[];
}

function ofPersons(persons: readonly Person[], key: 'email' | 'phone'): ContactPoint[] {
  const out: ContactPoint[] = [];
  for (const p of persons) {
    const value = p[key];
    if (value && !out.some((c) => c.value === value)) out.push({ value, person: { id: p.id, name: p.name } });
  }
  return out;
}

/** The entity's own e-mails and phones; for a kind it has none of, its persons' (in the order given). */
export function contactPoints(entity: Pick<Entity, 'emails' | 'phones'>, persons: readonly Person[] = []): ContactPoints {
  return {
    emails: entity.emails.length ? entity.emails.map((value) => ({ value })) : ofPersons(persons, 'email'),
    phones: entity.phones.length ? entity.phones.map((value) => ({ value })) : ofPersons(persons, 'phone'),
  };
}
