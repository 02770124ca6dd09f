import { describe, expect, test } from 'vitest';
import {
  LIST_PACKAGE_FORMAT,
  LIST_PACKAGE_VERSION,
  readListPackage,
  writeListPackage,
  type ListPackageInput,
} from '../../../shared/io/share/listPackage.ts';
import { ShareError } from '../../../shared/io/share/shareError.ts';
import type { Note, Saved } from '../../../shared/model/types.ts';
import { alternatywy, person, sampleEntities } from './fixtures.ts';

const EXPORTED_AT = '2026-11-20T12:00:00.000Z';

function input(overrides: Partial<ListPackageInput> = {}): ListPackageInput {
  const entities = sampleEntities().slice(0, 40);
  return {
    list: { name: 'Catering — Kraków', description: 'Dostawcy na konferencję' },
    entities,
    persons: [person(entities[0].id, 'Anna Nowak', { role: 'Prezeska', email: 'anna@example.pl', phone: '+48601234567' })],
    exporter: { name: 'Jan Kowalski', company: 'Firma Sp. z o.o.' },
    includePrivate: false,
    exportedAt: EXPORTED_AT,
    ...overrides,
  };
}

function errorOf(fn: () => unknown): ShareError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShareError) return e;
    throw e;
  }
  throw new Error('expected a ShareError');
}

describe('list package round trip', () => {
  test('write → read keeps the list, every entity and every person as they were', () => {
    const given = input();
    const pkg = readListPackage(writeListPackage(given));
    expect(pkg.format).toBe(LIST_PACKAGE_FORMAT);
    expect(pkg.version).toBe(LIST_PACKAGE_VERSION);
    expect(pkg.exportedAt).toBe(EXPORTED_AT);
    expect(pkg.exporter).toEqual(given.exporter);
    expect(pkg.list).toEqual(given.list);
    expect(pkg.entities).toEqual(given.entities);
    expect(pkg.persons).toEqual(given.persons);
    expect(pkg.private).toBeUndefined();
  });

  test('private notes, statuses and contacts travel only when ticked, and only for listed entities', () => {
    const e = alternatywy();
    const note: Note = { id: 'note_1', entityId: e.id, text: 'Bardzo dobre obiady', createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT };
    const stray: Note = { ...note, id: 'note_2', entityId: 'krs:0000000001' };
    const saved: Saved = { entityId: e.id, status: 'in_talks', tags: ['obiady'], createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT };
    const base = input({ entities: [e], persons: [], notes: [note, stray], saved: [saved], interactions: [] });
    expect(readListPackage(writeListPackage(base)).private).toBeUndefined();
    const pkg = readListPackage(writeListPackage({ ...base, includePrivate: true }));
    expect(pkg.private).toEqual({ notes: [note], saved: [saved], interactions: [] });
  });

  test('the local match-key index is not exported', () => {
    const e = { ...alternatywy(), keys: ['krs:0000700353'] };
    const json = JSON.parse(writeListPackage(input({ entities: [e], persons: [] })));
    expect(json.entities[0].keys).toBeUndefined();
    expect(json.entities[0].id).toBe('krs:0000700353');
  });

  test('an exporter without name or company is left out', () => {
    const json = JSON.parse(writeListPackage(input({ exporter: { name: '  ', company: '' } })));
    expect('exporter' in json).toBe(false);
  });
});

describe('hostile strings stay text', () => {
  test('markup, formulas, control characters and __proto__ keys survive as plain strings', () => {
    const e = alternatywy();
    const hostile = '<img src=x onerror=alert(1)>"; DROP TABLE; =HYPERLINK("http://x") \u0000\u202e ${x} {{x}}';
    const entity = { ...e, name: hostile, offer: hostile, fieldSources: { name: hostile } };
    const text = writeListPackage(input({ entities: [entity], persons: [person(e.id, hostile)], list: { name: hostile } }));
    const pkg = readListPackage(text);
    expect(pkg.entities[0].name).toBe(hostile);
    expect(pkg.entities[0].offer).toBe(hostile);
    expect(pkg.persons[0].name).toBe(hostile);
    expect(pkg.list.name).toBe(hostile.trim());

    const polluted = JSON.parse(text);
    polluted.entities[0].unknownField = 'dropped';
    // JSON.parse makes "__proto__" an own key; the reader must not turn it into a prototype.
    const withProto = JSON.stringify(polluted)
      .replace('"unknownField"', '"__proto__":{"isAdmin":true},"unknownField"')
      .replace('"fieldSources":{', '"fieldSources":{"__proto__":"x",');
    expect(withProto).toContain('"__proto__":{"isAdmin":true}');
    const read = readListPackage(withProto);
    expect(Object.getPrototypeOf(read.entities[0])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(read.entities[0].fieldSources)).toBe(Object.prototype);
    expect((read.entities[0] as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((read.entities[0] as unknown as Record<string, unknown>).unknownField).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test('a wrong type is refused with the path of the field', () => {
    const json = JSON.parse(writeListPackage(input()));
    json.entities[3].name = { toString: 'evil' };
    const err = errorOf(() => readListPackage(JSON.stringify(json)));
    expect(err.code).toBe('invalid');
    expect(err.detail).toEqual({ path: 'entities[3].name', reason: 'expected string' });
  });

  test.each([
    ['entities', (j: any) => (j.entities = 'all')],
    ['persons[0].entityId', (j: any) => (j.persons[0].entityId = 'krs:9999999999')],
    ['entities[0].krs', (j: any) => (j.entities[0].krs = '12ab')],
    ['entities[0].id', (j: any) => (j.entities[0].id = 'krs:1\nBEGIN:VCARD')],
    ['entities[1].emails', (j: any) => (j.entities[1].emails = [1, 2])],
    ['list.name', (j: any) => (j.list.name = '   ')],
    ['exportedAt', (j: any) => (j.exportedAt = 'yesterday')],
    ['entities[0].name', (j: any) => (j.entities[0].name = 'x'.repeat(100_000))],
  ])('refuses a broken %s', (path, breakIt) => {
    const json = JSON.parse(writeListPackage(input()));
    breakIt(json);
    const err = errorOf(() => readListPackage(JSON.stringify(json)));
    expect(err.code).toBe('invalid');
    expect(String(err.detail?.path)).toContain(path);
  });

  test('duplicate entity ids are refused', () => {
    const json = JSON.parse(writeListPackage(input()));
    json.entities.push(json.entities[0]);
    expect(errorOf(() => readListPackage(JSON.stringify(json))).detail).toEqual({ path: 'entities', reason: 'duplicate id' });
  });

  test('a category or legal form from a newer build is tolerated, not fatal', () => {
    const json = JSON.parse(writeListPackage(input()));
    json.entities[0].categories = ['catering', 'space_travel'];
    json.entities[0].legalForm = 'future_form';
    const pkg = readListPackage(JSON.stringify(json));
    expect(pkg.entities[0].categories).toEqual(['catering']);
    expect(pkg.entities[0].legalForm).toBe('inna');
  });
});

describe('bad input changes nothing and says what is wrong', () => {
  const good = () => writeListPackage(input());

  test('a truncated download', () => {
    const text = good();
    for (const cut of [0.1, 0.5, 0.99]) {
      expect(errorOf(() => readListPackage(text.slice(0, Math.floor(text.length * cut)))).code).toBe('truncated');
    }
  });

  test('files that are not a package', () => {
    expect(errorOf(() => readListPackage('name;krs\nFundacja;0000057364\n')).code).toBe('not_package');
    expect(errorOf(() => readListPackage('{"format":"something-else","version":1}')).code).toBe('not_package');
    expect(errorOf(() => readListPackage('{"a": 1,}')).code).toBe('not_package');
    expect(errorOf(() => readListPackage('[1,2,3]')).code).toBe('not_package');
    expect(errorOf(() => readListPackage('')).code).toBe('not_package');
  });

  test('a package from a newer Radar ES', () => {
    const json = JSON.parse(good());
    json.version = LIST_PACKAGE_VERSION + 1;
    json.entities = 'whatever a future version stores';
    const err = errorOf(() => readListPackage(JSON.stringify(json)));
    expect(err.code).toBe('newer_version');
    expect(err.detail).toEqual({ version: LIST_PACKAGE_VERSION + 1, supported: LIST_PACKAGE_VERSION });
  });

  test('a 100 MB file is refused before parsing', () => {
    const huge = '{"format":"radar-es/list-package","version":1,"pad":"' + 'x'.repeat(100 * 1024 * 1024) + '"}';
    const err = errorOf(() => readListPackage(huge));
    expect(err.code).toBe('too_large');
  });

  test('the size limit counts UTF-8 bytes, not characters', () => {
    const text = good();
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeGreaterThan(text.length); // Polish letters in the sample
    expect(errorOf(() => readListPackage(text, bytes - 1)).code).toBe('too_large');
    expect(readListPackage(text, bytes).entities).toHaveLength(40);
  });

  test('a BOM in front (Windows editors) is accepted', () => {
    expect(readListPackage('\uFEFF' + good()).entities).toHaveLength(40);
  });
});
