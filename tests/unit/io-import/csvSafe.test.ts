import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from '../../../shared/io/csvSafe.ts';

describe('neutralizeFormula', () => {
  it('prefixes every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://evil.example","x")', '+48 603', '-2+3', '@SUM(A1)', '\t=1+2', '\r=1+2', '=cmd|\' /C calc\'!A0']) {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    }
  });
  it('leaves ordinary text alone, including formula characters later in the text', () => {
    for (const cell of ['Fundacja', '', 'a=b', ' a =1', 'e-mail@x.pl', '<script>alert(1)</script>', '12-345']) {
      expect(neutralizeFormula(cell)).toBe(cell);
    }
  });
});

describe('toCsv', () => {
  const rows = [
    ['nazwa', 'uwagi'],
    ['Spółdzielnia „Ą”; "cytat"', 'linia 1\r\nlinia 2'],
    ['=1+2', ' spacja '],
  ];

  it('writes CSV an independent parser reads back exactly (apart from the guard)', () => {
    const text = toCsv(rows, { delimiter: ';', bom: false });
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed).toEqual([rows[0], rows[1], ["'=1+2", ' spacja ']]);
  });

  it('starts with a BOM by default, uses CRLF, and can write commas', () => {
    const text = toCsv([['a', 'b,c']], { delimiter: ',' });
    expect(text).toBe('\uFEFFa,"b,c"\r\n');
  });

  it('can skip the guard for machine-read files', () => {
    expect(toCsv([['=x']], { bom: false, guardFormulas: false })).toBe('=x\r\n');
  });
});
