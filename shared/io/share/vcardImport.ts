// A .vcf file someone sent, turned into a list package so it goes through the same preview and
// the same rules as a package (match, merge, conflicts, nothing written before the user confirms).
import { fold } from '../../model/fold.ts';
import { entityIdFor } from '../../model/entity.ts';
import type { Entity, Person } from '../../model/types.ts';
import { parseLegalForm } from '../../model/vocab.ts';
import { LIST_PACKAGE_FORMAT, LIST_PACKAGE_VERSION, type ListPackage } from './listPackage.ts';
import type { ParsedVCardPerson, ParsedVCards } from './vcard.ts';

export interface VCardImport {
  pkg: ListPackage;
  /** Cards of people with no organisation: a contact person needs an entity, so these are only shown. */
  unattached: ParsedVCardPerson[];
}

export function vcardsToPackage(parsed: ParsedVCards, opts: { fileName: string; importedAt: string }): VCardImport {
  const { fileName, importedAt } = opts;
  const source = { url: `file:${fileName}`, seenAt: importedAt, label: fileName };
  const entities = new Map<string, Entity>(); // by id
  const byName = new Map<string, Entity>(); // folded organisation name → entity, to attach persons

  const add = (org: Partial<Entity> & { name: string }): Entity => {
    const address = org.address ?? {};
    const id = entityIdFor({ krs: org.krs, nip: org.nip, regon: org.regon, name: org.name, city: address.city });
    const known = entities.get(id);
    if (known) return known;
    const entity: Entity = {
      id,
      name: org.name,
      legalForm: parseLegalForm(org.name) ?? 'inna',
      address,
      domains: org.domains ?? [],
      websites: org.websites ?? [],
      emails: org.emails ?? [],
      phones: org.phones ?? [],
      categories: org.categories ?? [],
      sources: [source],
      origin: 'user',
      createdAt: importedAt,
      updatedAt: importedAt,
    };
    for (const key of ['krs', 'nip', 'regon', 'offer'] as const) if (org[key]) entity[key] = org[key];
    entities.set(id, entity);
    byName.set(fold(org.name.trim()), entity);
    return entity;
  };

  for (const org of parsed.orgs) if (org.name) add({ ...org, name: org.name });

  const persons: Person[] = [];
  const unattached: ParsedVCardPerson[] = [];
  parsed.persons.forEach((p, i) => {
    if (!p.org) {
      unattached.push(p);
      return;
    }
    // A person's ORG with no company card of its own still names an entity: create it from the name.
    const entity = byName.get(fold(p.org.trim())) ?? add({ name: p.org });
    const { org: _org, ...details } = p;
    persons.push({ ...details, id: `vcard_${i}`, entityId: entity.id, createdAt: importedAt, updatedAt: importedAt });
  });

  return {
    pkg: {
      format: LIST_PACKAGE_FORMAT,
      version: LIST_PACKAGE_VERSION,
      exportedAt: importedAt,
      list: { name: fileName.replace(/\.vcf$/i, '').trim() || fileName },
      entities: [...entities.values()],
      persons,
    },
    unattached,
  };
}
