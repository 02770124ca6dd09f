// Work that grew with the square of the input (issue #19, finding 3): the list-import preview with
// many persons, notes and contacts on one entity, and vCard unfolding. These run at the format's
// limits; with the old scans they took minutes, so they stand guard over the linear versions.
import { describe, expect, test } from 'vitest';
import { previewListImport } from '../../../shared/io/share/importPreview.ts';
import { PACKAGE_LIMITS } from '../../../shared/io/share/listPackageSchema.ts';
import type { ListPackage } from '../../../shared/io/share/listPackage.ts';
import { decodeQuotedPrintable, unfoldLines } from '../../../shared/io/share/vcardText.ts';
import { parseVCards } from '../../../shared/io/share/vcard.ts';
import type { Interaction, Note, Person } from '../../../shared/model/types.ts';
import { alternatywy, MemoryStore, seqId } from '../io-share/fixtures.ts';

const AT = '2026-11-20T12:00:00.000Z';

describe('list-import preview at the package limits, all on one entity', () => {
  test(`${PACKAGE_LIMITS.persons} persons, ${PACKAGE_LIMITS.notes} notes, ${PACKAGE_LIMITS.interactions} contacts: each matched once`, () => {
    const e = alternatywy();
    const persons: Person[] = [];
    for (let i = 0; i < PACKAGE_LIMITS.persons; i++) {
      persons.push({ id: `p${i}`, entityId: e.id, name: `Osoba ${i}`, email: `osoba${i}@example.pl`, createdAt: AT, updatedAt: AT });
    }
    const notes: Note[] = [];
    for (let i = 0; i < PACKAGE_LIMITS.notes; i++) notes.push({ id: `n${i}`, entityId: e.id, text: `Notatka ${i}`, createdAt: AT, updatedAt: AT });
    const interactions: Interaction[] = [];
    for (let i = 0; i < PACKAGE_LIMITS.interactions; i++) {
      interactions.push({ id: `i${i}`, entityId: e.id, channel: 'email', at: AT, summary: `Kontakt ${i}` });
    }
    // Mine: the entity, one person known by name, one by e-mail only, one note and one contact.
    const store = new MemoryStore();
    store.entities.push(e);
    store.persons.push(
      { id: 'mine1', entityId: e.id, name: 'OSOBA 7', createdAt: AT, updatedAt: AT },
      { id: 'mine2', entityId: e.id, name: 'Ktoś Inny', email: 'OSOBA8@example.pl', createdAt: AT, updatedAt: AT },
    );
    store.notes.push({ id: 'mn', entityId: e.id, text: '  Notatka 3 ', createdAt: AT, updatedAt: AT });
    store.interactions.push({ id: 'mi', entityId: e.id, channel: 'email', at: AT, summary: 'Kontakt 5' });
    const pkg: ListPackage = {
      format: 'radar-es/list-package',
      version: 1,
      exportedAt: AT,
      list: { name: 'Duża' },
      entities: [e],
      // The package also names a few persons twice.
      persons: [...persons, persons[0], persons[1]],
      private: { notes, saved: [], interactions },
    };
    const p = previewListImport(pkg, store.mine(), { now: AT, newId: seqId });
    expect(p.persons.existing).toBe(2);
    expect(p.persons.new).toHaveLength(PACKAGE_LIMITS.persons - 2);
    expect(p.persons.filled.map((x) => [x.id, x.email])).toEqual([['mine1', 'osoba7@example.pl']]);
    expect(p.notes.existing).toBe(1);
    expect(p.notes.new).toHaveLength(PACKAGE_LIMITS.notes - 1);
    expect(p.interactions.existing).toBe(1);
    expect(p.interactions.new).toHaveLength(PACKAGE_LIMITS.interactions - 1);
  }, 60_000); // building 200,000 records to compare takes a few seconds on a shared machine
});

describe('vCard unfolding and quoted-printable', () => {
  test('a 2 MB property folded 28,000 times unfolds to its exact value', () => {
    const value = 'a'.repeat(74) + 'b'.repeat(74 * 28_000);
    const chunks = [value.slice(0, 74)];
    for (let i = 74; i < value.length; i += 74) chunks.push(value.slice(i, i + 74));
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${chunks.join('\r\n ')}\r\nEND:VCARD\r\n`;
    expect(text.length).toBeGreaterThan(2_000_000);
    const lines = unfoldLines(text);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(`FN:${value}`);
  });

  test('50,000 soft line breaks in a quoted-printable NOTE decode to the one value', () => {
    const text = `BEGIN:VCARD\r\nVERSION:2.1\r\nORG:Firma\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${'=C5=81=\r\n'.repeat(50_000)}k\r\nEND:VCARD\r\n`;
    const lines = unfoldLines(text);
    expect(lines).toHaveLength(5);
    const parsed = parseVCards(text);
    expect(parsed.orgs).toHaveLength(1);
    // The reader keeps the first 10,000 characters of a value (vcard.ts MAX_VALUE).
    expect(parsed.orgs[0].offer).toBe('Ł'.repeat(10_000));
  });

  test('quoted-printable keeps a lone "=" and characters outside its range', () => {
    expect(decodeQuotedPrintable('a=3Db=zz=C5=81ó')).toBe('a=b=zzŁó');
    expect(decodeQuotedPrintable('=E9t=E9', 'iso-8859-1')).toBe('été');
  });
});
