// The one writer of user values (values added from a page or by hand, corrections): validates each
// value as an import would (shared/model/fieldValue.ts), refuses an identifier another entity
// already has (a page may state someone else's NIP), applies the values and records them on the
// entity, all in one transaction that moves the directory revision.
import type { RadarDB } from '../database.ts';
import { parseFieldValue, type FieldValueResult } from '../../model/fieldValue.ts';
import type { Entity, Source, UserField, UserValue } from '../../model/types.ts';
import { applyUserValue, isListField, scalarValue } from '../../model/userValues.ts';
import { nowIso } from '../ids.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';

/** One value to write: the new value (raw text, validated here) and/or the value it replaces. */
export interface UserValueInput {
  field: UserField;
  /** The right value; absent with `removed`. */
  value?: string;
  /** "This is no longer true": `original` (a list item, or the field's current value) is wrong. */
  removed?: boolean;
  /** In a list field, the item being corrected or removed; a scalar field's current value is read. */
  original?: string;
  note?: string;
}

export type UserValueRefusal =
  | { field: UserField; reason: Exclude<FieldValueResult, { ok: true }>['reason'] }
  | { field: UserField; reason: 'taken'; byId: string; byName: string }
  | { field: UserField; reason: 'nothing_to_remove' };

export type UserValuesResult = { ok: true; entity: Entity; written: number } | { ok: false; refusals: UserValueRefusal[] };

const IDENTIFIER_FIELDS = new Set<UserField>(['krs', 'nip', 'regon']);

/**
 * Writes user values to one entity: all of them or, when one is refused, none (the refusals say
 * which and why). Values the entity already shows are skipped. `source` is the page they were read
 * from (address without query, date) or `user:` for what the user typed.
 */
export async function writeUserValues(db: RadarDB, entityId: string, inputs: UserValueInput[], source: Source): Promise<UserValuesResult> {
  const now = nowIso();
  return db.transaction('rw', db.entities, db.settings, async () => {
    const stored = await db.entities.get(entityId);
    if (!stored) throw new Error(`Unknown entity ${entityId}`);
    const entity = structuredClone(stored);
    const refusals: UserValueRefusal[] = [];
    const values: UserValue[] = [];
    for (const input of inputs) {
      const checked = input.removed ? undefined : parseFieldValue(input.field, input.value ?? '');
      if (checked && !checked.ok) {
        refusals.push({ field: input.field, reason: checked.reason });
        continue;
      }
      const list = isListField(input.field);
      const current = list ? input.original : scalarValue(entity, input.field as Exclude<UserField, 'emails' | 'phones' | 'websites'>);
      if (input.removed && (current === undefined || (list && !entity[input.field as 'emails'].includes(current)))) {
        refusals.push({ field: input.field, reason: 'nothing_to_remove' });
        continue;
      }
      const value = checked?.value;
      if (value !== undefined && (list ? entity[input.field as 'emails'].includes(value) && !current : value === current)) continue;
      if (value !== undefined && IDENTIFIER_FIELDS.has(input.field)) {
        const other = await db.entities
          .where('keys')
          .equals(`${input.field}:${value}`)
          .filter((e) => e.id !== entityId)
          .first();
        if (other) {
          refusals.push({ field: input.field, reason: 'taken', byId: other.id, byName: other.name });
          continue;
        }
      }
      if (checked?.ok && checked.siteKey) {
        // A site already another entity's would light the badge for two entities: refused.
        const owner = await db.entities.where('domains').equals(checked.siteKey).filter((e) => e.id !== entityId).first();
        if (owner) {
          refusals.push({ field: input.field, reason: 'taken', byId: owner.id, byName: owner.name });
          continue;
        }
      }
      const uv: UserValue = {
        field: input.field,
        kind: input.removed ? 'removed' : current === undefined ? 'added' : 'corrected',
        source: { ...source },
        at: now,
      };
      if (value !== undefined) uv.value = value;
      if (checked?.ok && checked.siteKey) uv.siteKey = checked.siteKey;
      if (current !== undefined) {
        uv.original = current;
        const from = stored.fieldSources?.[input.field];
        if (from !== undefined) uv.originalSource = from;
      }
      const note = input.note?.replace(/\s+/g, ' ').trim().slice(0, 2000);
      if (note) uv.note = note;
      values.push(uv);
    }
    if (refusals.length) return { ok: false, refusals } as const;
    if (!values.length) return { ok: true, entity: stored, written: 0 } as const;
    // A new value for a field replaces the user's earlier one for the same field (and item).
    const kept = (entity.userValues ?? []).filter(
      (old) => !values.some((uv) => uv.field === old.field && (!isListField(uv.field) || (uv.original ?? uv.value) === (old.value ?? old.original))),
    );
    for (const uv of values) applyUserValue(entity, uv);
    entity.userValues = [...kept, ...values];
    if (!entity.sources.some((s) => s.url === source.url)) entity.sources = [...entity.sources, { ...source }];
    entity.updatedAt = now;
    await db.entities.put(withKeys(entity));
    await bumpDirectoryRevision(db, [entityId]);
    return { ok: true, entity, written: values.length } as const;
  });
}

/**
 * Settles a field where a later source stated another value than the user's: `later` takes the
 * source's value (the user value goes: the source governs the field again), `mine` keeps the
 * user's and never offers that source value again.
 */
export async function pickLaterValue(db: RadarDB, entityId: string, field: UserField, choice: 'mine' | 'later'): Promise<void> {
  await db.transaction('rw', db.entities, db.settings, async () => {
    const stored = await db.entities.get(entityId);
    const uv = stored?.userValues?.find((v) => v.field === field && v.later);
    if (!stored || !uv?.later) return;
    const entity = structuredClone(stored);
    const later = uv.later;
    if (choice === 'mine') {
      entity.userValues = entity.userValues!.map((v) =>
        v === uv || (v.field === uv.field && v.at === uv.at) ? { ...stripLater(v), declined: [...(v.declined ?? []), later.value] } : v,
      );
    } else {
      entity.userValues = entity.userValues!.filter((v) => !(v.field === uv.field && v.at === uv.at));
      applyUserValue(entity, { field, kind: 'corrected', value: later.value, source: { url: later.source ?? 'user:', seenAt: later.seenAt ?? '' }, at: nowIso() });
      if (later.source === undefined && entity.fieldSources) delete entity.fieldSources[field];
      if (!entity.userValues.length) delete entity.userValues;
    }
    entity.updatedAt = nowIso();
    await db.entities.put(withKeys(entity));
    await bumpDirectoryRevision(db, [entityId]);
  });
}

function stripLater(v: UserValue): UserValue {
  const { later: _later, ...rest } = v;
  return rest;
}

/** One user value with the entity it belongs to: what a report to a list's publisher carries. */
export interface CorrectionRow {
  entityId: string;
  entityName: string;
  value: UserValue;
}

/** The user's values (added and corrected) on the given entities, for a report or a list package. */
export async function listCorrections(db: RadarDB, entityIds: Iterable<string>): Promise<CorrectionRow[]> {
  const entities = await db.entities.bulkGet([...new Set(entityIds)]);
  const rows: CorrectionRow[] = [];
  for (const e of entities) for (const value of e?.userValues ?? []) rows.push({ entityId: e!.id, entityName: e!.name, value });
  return rows;
}
