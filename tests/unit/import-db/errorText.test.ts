// Every way an import can fail has its own message in both languages, carrying the numbers the
// user needs (the size and the limit in MB, the line of a stray quote, a pack's version).
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../../shared/io/import/errors.ts';
import { setLang } from '../../../shared/ui/i18n/i18n.svelte.ts';
import { importErrorText } from '../../../spa/features/import/errorText.ts';

// The details each code is thrown with in shared/io/import (see the `new ImportError` calls there).
const DETAIL: Partial<Record<ImportErrorCode, Record<string, string | number>>> = {
  too_large: { size: 60 * 1024 * 1024, limit: 50 * 1024 * 1024 },
  csv_quotes: { line: 17 },
  sheet_not_found: { sheet: 'Arkusz3' },
  pack_version: { version: 7, supported: 1 },
  pack_invalid: { reason: 'count', count: '10', found: 4 },
  krs_invalid: { reason: 'html' },
  unknown_format: { format: 'xls' },
  encoding: { encoding: 'windows-1250' },
};

afterEach(() => setLang('pl'));

describe('importErrorText', () => {
  for (const lang of ['pl', 'en'] as const) {
    it(`gives each error code its own message in ${lang}`, () => {
      setLang(lang);
      const texts = IMPORT_ERROR_CODES.map((code) => importErrorText({ code, detail: DETAIL[code] }));
      for (const [i, text] of texts.entries()) {
        expect(text, IMPORT_ERROR_CODES[i]).not.toMatch(/^importer\.|undefined|NaN/);
        expect(text.length, IMPORT_ERROR_CODES[i]).toBeGreaterThan(20);
      }
      expect(new Set(texts).size).toBe(texts.length);
    });
  }

  it('states sizes in MB, lines, versions and the recognised foreign format', () => {
    expect(importErrorText({ code: 'too_large', detail: DETAIL.too_large })).toBe(
      'Plik ma 60 MB, a limit to 50 MB. Podziel listę na mniejsze pliki (np. po województwach). Nic nie zostało zapisane.',
    );
    expect(importErrorText({ code: 'too_large', detail: { size: 5.5 * 1024 * 1024, limit: 50 * 1024 * 1024 } })).toMatch(/^Plik ma 5,5 MB/);
    expect(importErrorText({ code: 'too_large', detail: { size: 400 * 1024 * 1024, limit: 300 * 1024 * 1024, unpacked: 'xlsx' } })).toMatch(/przekracza 300 MB/);
    expect(importErrorText({ code: 'csv_quotes', detail: DETAIL.csv_quotes })).toMatch(/w wierszu 17 /);
    expect(importErrorText({ code: 'pack_version', detail: DETAIL.pack_version })).toMatch(/wersję formatu 7.*tylko wersję 1/);
    expect(importErrorText({ code: 'krs_invalid', detail: { reason: 'json', line: 3, item: 2 } })).toMatch(/\(odpis nr 2, wiersz 3\): nie jest poprawnym plikiem JSON/);
    expect(importErrorText({ code: 'unknown_format', detail: DETAIL.unknown_format })).toMatch(/\.xls\).*\.xlsx/);
    setLang('en');
    expect(importErrorText({ code: 'too_large', detail: DETAIL.too_large })).toMatch(/^The file is 60 MB and the limit is 50 MB/);
    expect(importErrorText({ code: 'internal', message: 'QuotaExceededError' })).toBe('Unexpected error: QuotaExceededError');
  });
});
