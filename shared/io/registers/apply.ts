// Accepting register values: the entity after the user took some (or all, or none) of them.
// Accepted values carry the register's URL as their field source; every register that answered
// becomes (or refreshes) a source with the day it was asked; verifiedAt says when.
import type { Entity, Source } from '../../model/types.ts';
import { ADDED_LISTS, type DiffField } from './diff.ts';
import type { OfficialValues, RegisterId, RegisterRecord } from './types.ts';

export const REGISTER_LABELS: Record<RegisterId, string> = {
  krs: 'KRS',
  wl: 'Wykaz podatników VAT (biała lista)',
};

function upsertSource(sources: Source[], record: RegisterRecord): Source[] {
  const fresh: Source = { url: record.url, seenAt: record.fetchedAt, label: REGISTER_LABELS[record.register] };
  const i = sources.findIndex((s) => s.url === record.url);
  if (i === -1) return [...sources, fresh];
  const out = [...sources];
  out[i] = { ...out[i], seenAt: record.fetchedAt > out[i].seenAt ? record.fetchedAt : out[i].seenAt, label: fresh.label };
  return out;
}

function union(a: string[], b: string[], key: (s: string) => string): string[] {
  const out = [...a];
  const seen = new Set(a.map(key));
  for (const v of b) {
    if (seen.has(key(v))) continue;
    seen.add(key(v));
    out.push(v);
  }
  return out;
}

/**
 * The entity with the accepted fields taken from the rows' registers. `accepted` maps each field to
 * the register whose value was accepted (the register its diff row came from).
 */
export function applyRegisterValues(entity: Entity, records: RegisterRecord[], accepted: Partial<Record<DiffField, RegisterId>>, now: string): Entity {
  const next: Entity = structuredClone(entity);
  const fieldSources: Record<string, string> = {};
  for (const [k, v] of Object.entries(entity.fieldSources ?? {})) if (v !== undefined) fieldSources[k] = v;
  const target = next as unknown as Record<string, unknown>;

  for (const [field, register] of Object.entries(accepted) as [DiffField, RegisterId][]) {
    const record = records.find((r) => r.register === register);
    if (!record) continue;
    const values = record.values as OfficialValues & Record<string, unknown>;
    if (field.startsWith('address.')) {
      const key = field.slice(8) as keyof OfficialValues['address'];
      const value = values.address[key];
      if (value === undefined) continue;
      next.address = { ...next.address, [key]: value };
    } else if (ADDED_LISTS.includes(field)) {
      const key = field === 'emails' ? (s: string) => s.toLowerCase() : (s: string) => s;
      const list = field === 'emails' ? values.emails : values.websites;
      target[field] = union((target[field] as string[]) ?? [], list, key);
      // A website brings the site key pages are matched by.
      if (field === 'websites') next.domains = union(next.domains, values.domains, (s) => s);
    } else {
      const value = values[field];
      if (value === undefined) continue;
      target[field] = structuredClone(value);
    }
    fieldSources[field] = record.url;
  }

  for (const record of records) next.sources = upsertSource(next.sources, record);
  if (Object.keys(fieldSources).length) next.fieldSources = fieldSources;
  next.verifiedAt = now;
  next.updatedAt = now;
  return next;
}
