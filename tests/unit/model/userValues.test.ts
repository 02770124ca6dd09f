// The merge rule for the user's values: whatever the user added or corrected survives every merge
// (a re-import, a feed update — both go through mergeEntity), and a later source's differing value
// is kept beside the user's for the user to pick.
import { describe, expect, it } from 'vitest';
import { buildEntity, type EntityDraft } from '../../../shared/model/entity.ts';
import { canMerge, matchKeys, mergeEntity } from '../../../shared/model/merge.ts';
import type { Entity, Source, UserValue } from '../../../shared/model/types.ts';
import { applyUserValue, siteKeyOfStoredUrl } from '../../../shared/model/userValues.ts';

const LIST: Source = { url: 'file:lista-2025.csv', seenAt: '2025-03-01' };
const FEED: Source = { url: 'https://feed.example.pl/pes.json', seenAt: '2026-06-01' };
const PAGE: Source = { url: 'https://serwis.pl/kontakt', seenAt: '2026-01-10' };

const draft: EntityDraft = {
  name: 'Spółdzielnia Socjalna „Serwis”',
  nip: '9291928963',
  city: 'Tarnów',
  street: 'ul. Stara 1',
  email: 'stary@serwis.pl',
  phone: '600 100 200',
};

function built(d: EntityDraft, source: Source): Entity {
  const r = buildEntity(d, source, source.seenAt + 'T12:00:00.000Z');
  if (!r.ok) throw new Error(r.reason);
  return r.entity;
}

/** The stored entity with user values applied as the write command applies them. */
function withUserValues(e: Entity, values: UserValue[]): Entity {
  const out = structuredClone(e);
  for (const uv of values) applyUserValue(out, uv);
  out.userValues = values;
  return out;
}

const at = '2026-01-10T09:00:00.000Z';
const streetFix: UserValue = { field: 'address.street', kind: 'corrected', value: 'ul. Nowa 5', original: 'ul. Stara 1', originalSource: LIST.url, source: PAGE, at };
const addedMail: UserValue = { field: 'emails', kind: 'added', value: 'biuro@serwis.pl', source: PAGE, at };
const deadMail: UserValue = { field: 'emails', kind: 'removed', original: 'stary@serwis.pl', source: { url: 'user:', seenAt: '2026-01-10' }, at };
const addedSite: UserValue = { field: 'websites', kind: 'added', value: 'https://serwis.pl/', siteKey: 'serwis.pl', source: PAGE, at };

describe('user values under mergeEntity', () => {
  const stored = withUserValues(built(draft, LIST), [streetFix, addedMail, deadMail, addedSite]);

  it('shows the user values on the entity itself', () => {
    expect(stored.address.street).toBe('ul. Nowa 5');
    expect(stored.emails).toEqual(['biuro@serwis.pl']);
    expect(stored.domains).toEqual(['serwis.pl']);
    expect(stored.fieldSources?.['address.street']).toBe(PAGE.url);
  });

  it('a re-import of the same list changes nothing and keeps every user value', () => {
    const again = built(draft, { ...LIST, seenAt: '2026-02-01' });
    const m = mergeEntity(stored, again, '2026-02-01T00:00:00.000Z');
    expect(m.changed).toBe(false);
    expect(m.entity.address.street).toBe('ul. Nowa 5');
    expect(m.entity.emails).toEqual(['biuro@serwis.pl']);
  });

  it('a newer source never overwrites the user value; its differing value is kept as `later`', () => {
    const feed = built({ ...draft, street: 'ul. Trzecia 9', email: 'stary@serwis.pl; nowy@serwis.pl' }, FEED);
    const m = mergeEntity(stored, feed, '2026-06-01T00:00:00.000Z');
    expect(m.changed).toBe(true);
    expect(m.entity.address.street).toBe('ul. Nowa 5');
    const uv = m.entity.userValues!.find((v) => v.field === 'address.street')!;
    expect(uv.original).toBe('ul. Stara 1');
    expect(uv.later).toEqual({ value: 'ul. Trzecia 9', source: FEED.url, seenAt: FEED.seenAt });
    // The removed e-mail stays out though the feed lists it; the feed's new one is shown beside mine.
    expect(m.entity.emails).toEqual(['biuro@serwis.pl', 'nowy@serwis.pl']);
    // The same feed again: nothing new.
    expect(mergeEntity(m.entity, feed, '2026-06-02T00:00:00.000Z').changed).toBe(false);
  });

  it('a later source that states the value the user replaced raises nothing', () => {
    const sameOld = built(draft, FEED);
    const m = mergeEntity(stored, sameOld, '2026-06-01T00:00:00.000Z');
    expect(m.entity.userValues!.find((v) => v.field === 'address.street')!.later).toBeUndefined();
  });

  it('a declined later value is not offered again', () => {
    const declined = withUserValues(built(draft, LIST), [{ ...streetFix, declined: ['ul. Trzecia 9'] }]);
    const feed = built({ ...draft, street: 'ul. Trzecia 9' }, FEED);
    expect(mergeEntity(declined, feed, '2026-06-01T00:00:00.000Z').entity.userValues![0].later).toBeUndefined();
  });

  it('an added site keeps its site key, so the badge stays lit after any import', () => {
    const feed = built({ ...draft, website: 'https://inna-strona.pl' }, FEED);
    const m = mergeEntity(stored, feed, '2026-06-01T00:00:00.000Z');
    expect(m.entity.domains).toEqual(['serwis.pl', 'inna-strona.pl']);
  });

  it('a corrected identifier still matches the list that states the old one', () => {
    const fixedNip: UserValue = { field: 'nip', kind: 'corrected', value: '5261040828', original: '9291928963', source: PAGE, at };
    const e = withUserValues(built(draft, LIST), [fixedNip]);
    expect(e.nip).toBe('5261040828');
    expect(matchKeys(e)).toContain('nip:9291928963');
    const again = built(draft, FEED);
    expect(canMerge(e, again)).toBe(true);
    const m = mergeEntity(e, again, '2026-06-01T00:00:00.000Z');
    expect(m.entity.nip).toBe('5261040828');
  });

  it('takes the corrections someone else shared for fields I have not corrected', () => {
    const theirs = withUserValues(built(draft, LIST), [{ ...streetFix, value: 'ul. Ich 2', sharedBy: { name: 'Ewa', exportedAt: at } }]);
    const mine = built(draft, LIST);
    const m = mergeEntity(mine, theirs, '2026-06-01T00:00:00.000Z');
    expect(m.entity.address.street).toBe('ul. Ich 2');
    expect(m.entity.userValues).toHaveLength(1);
    // Mine win over theirs for the same field.
    const myOwn = withUserValues(built(draft, LIST), [streetFix]);
    expect(mergeEntity(myOwn, theirs, '2026-06-01T00:00:00.000Z').entity.address.street).toBe('ul. Nowa 5');
  });
});

describe('siteKeyOfStoredUrl', () => {
  it('reads the site key of a stored URL', () => {
    expect(siteKeyOfStoredUrl('https://www.serwis.pl/kontakt')).toBe('serwis.pl');
    expect(siteKeyOfStoredUrl('http://zaz.leczna.pl/')).toBe('zaz.leczna.pl');
    expect(siteKeyOfStoredUrl('mailto:x@y.pl')).toBeUndefined();
  });
});
