// What we write for others to open (issue #19, finding 10): the CSV formula guard looks past
// invisible leading characters and knows the fullwidth signs; vCard values carry no raw line
// separators; file names carry no bidi overrides or Windows device names.
import { describe, expect, test } from 'vitest';
import { neutralizeFormula, toCsv } from '../../../shared/io/csvSafe.ts';
import { safeFileBase } from '../../../shared/io/fileName.ts';
import { entityToVCard } from '../../../shared/io/share/vcard.ts';
import { unfoldLines } from '../../../shared/io/share/vcardText.ts';
import { fileNameFor } from '../../../spa/features/share/exportFiles.ts';
import { rejectedFileName } from '../../../spa/features/import/download.ts';
import { alternatywy } from '../io-share/fixtures.ts';

describe('formula guard', () => {
  test.each([
    '=HYPERLINK("http://x")',
    ' =1+1',
    '   +48 601',
    '\u00a0=1',
    '\u3000=1',
    '\ufeff=cmd|"/c calc"!A1',
    '\u200b=1',
    '\u200e\u202e@SUM(A1)',
    '\u2060-2+3',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '−1',
    '\t=1',
    '\r=1',
    '\n=1',
  ])('%j gets the apostrophe', (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
  });

  test('ordinary text is left alone', () => {
    for (const cell of ['Fundacja', '', 'a=b', ' a =1', 'e-mail@x.pl', '12-345', 'ＡＢＣ']) expect(neutralizeFormula(cell)).toBe(cell);
  });

  test('toCsv guards every cell', () => {
    expect(toCsv([['\ufeff=1', 'ok']], { bom: false })).toBe(`'\ufeff=1;ok\r\n`);
  });
});

describe('vCard export', () => {
  test('U+2028, U+2029, NEL, VT and FF never reach a card raw; other controls go', () => {
    const e = { ...alternatywy(), name: 'A\u2028B\u2029C\u0085D\u000bE\u000cF\u0007G', offer: 'x\u2028END:VCARD' };
    const card = entityToVCard(e);
    expect(card).not.toMatch(/[\u2028\u2029\u0085\u000b\u000c\u0007]/);
    const fn = unfoldLines(card).find((l) => l.startsWith('FN'));
    expect(fn).toBe('FN:A\\nB\\nC\\nD\\nE\\nFG');
    // A value can't start a property: every line of the card is one of ours.
    for (const line of card.split('\r\n').filter(Boolean)) expect(line).toMatch(/^(?: |[A-Za-z-]+[;:])/);
  });
});

describe('file names', () => {
  test('a right-to-left override cannot disguise the extension', () => {
    expect(fileNameFor('lista\u202efdp.exe', 'csv')).toBe('lista fdp.exe.csv');
    expect(fileNameFor('a\u2066b\u2069c\u200bd', 'package')).toBe('a b c d.radar-es.json');
  });

  test.each(['CON', 'con', 'Nul', 'PRN', 'AUX', 'COM1', 'lpt9', 'CON.txt', 'nul.tar'])('%j is not a Windows device name', (name) => {
    const base = safeFileBase(name, 'x');
    expect(base).not.toMatch(/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i);
    expect(fileNameFor(name, 'vcard').toLowerCase()).not.toMatch(/^(?:con|prn|aux|nul|com\d|lpt\d)\./);
  });

  test('hidden, trailing-dot and path names', () => {
    expect(safeFileBase('..\\..\\Windows\\system32', 'x')).toBe('Windows system32');
    expect(safeFileBase('lista. . ', 'x')).toBe('lista');
    expect(safeFileBase('\u202e', 'radar-es')).toBe('radar-es');
    expect(rejectedFileName('CON.csv', 'odrzucone')).toBe('CON_-odrzucone.csv');
    expect(rejectedFileName('x\u202eslx.csv', 'odrzucone')).toBe('x slx-odrzucone.csv');
  });
});
