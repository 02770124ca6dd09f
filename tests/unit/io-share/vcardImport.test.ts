import { describe, expect, test } from 'vitest';
import { applyChoices, previewListImport } from '../../../shared/io/share/importPreview.ts';
import { entityToVCard, parseVCards, personToVCard, toVCardFile } from '../../../shared/io/share/vcard.ts';
import { vcardsToPackage } from '../../../shared/io/share/vcardImport.ts';
import { MemoryStore, alternatywy, person, seqId } from './fixtures.ts';

const NOW = '2026-11-21T08:00:00.000Z';

const PHONE_EXPORT = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Marta Zielińska',
  'N:Zielińska;Marta;;;',
  'ORG:Fundacja Nowy Start',
  'EMAIL;TYPE=INTERNET:marta@nowystart.example.pl',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Tomasz Bąk',
  'N:Bąk;Tomasz;;;',
  'TEL;TYPE=CELL:+48 512 345 678',
  'END:VCARD',
  '',
].join('\r\n');

describe('importing a .vcf', () => {
  test('cards of a known entity merge with it, its person is attached, importing again adds nothing', () => {
    const e = alternatywy();
    const store = new MemoryStore();
    store.entities.push(e);
    const vcf = toVCardFile([entityToVCard(e), personToVCard(person(e.id, 'Anna Nowak', { email: 'anna@example.pl' }), e)]);
    const { pkg, unattached } = vcardsToPackage(parseVCards(vcf), { fileName: 'alternatywy.vcf', importedAt: NOW });
    expect(unattached).toEqual([]);
    expect(pkg.list.name).toBe('alternatywy');
    const p = previewListImport(pkg, store.mine(), { now: NOW, newId: seqId });
    expect(p.newEntities).toHaveLength(0);
    expect(p.persons.new).toEqual([expect.objectContaining({ name: 'Anna Nowak', entityId: e.id, email: 'anna@example.pl' })]);
    // Only the file's own source is new; no value of mine conflicts with the card's.
    expect(p.merges.flatMap((m) => m.conflicts)).toEqual([]);
    store.write(applyChoices(p, 'mine'));
    const again = previewListImport(vcardsToPackage(parseVCards(vcf), { fileName: 'alternatywy.vcf', importedAt: NOW }).pkg, store.mine(), { now: NOW, newId: seqId });
    expect(again.newEntities).toHaveLength(0);
    expect(again.merges).toHaveLength(0);
    expect(again.persons.new).toHaveLength(0);
  });

  test("a person's ORG without a company card becomes a new entity; a card with no ORG is only reported", () => {
    const { pkg, unattached } = vcardsToPackage(parseVCards(PHONE_EXPORT), { fileName: 'kontakty.vcf', importedAt: NOW });
    expect(pkg.entities).toEqual([
      expect.objectContaining({ name: 'Fundacja Nowy Start', legalForm: 'fundacja', origin: 'user', sources: [{ url: 'file:kontakty.vcf', seenAt: NOW, label: 'kontakty.vcf' }] }),
    ]);
    expect(pkg.persons).toEqual([expect.objectContaining({ name: 'Marta Zielińska', email: 'marta@nowystart.example.pl', entityId: pkg.entities[0].id })]);
    expect(unattached).toEqual([{ name: 'Tomasz Bąk', phone: '+48512345678' }]);
  });
});
