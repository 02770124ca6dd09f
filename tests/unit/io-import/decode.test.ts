import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../../shared/io/import/decode.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';
import { cp1250 } from './cp1250.ts';

const POLISH = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';

describe('decodeText', () => {
  it('detects Windows-1250 and decodes every Polish letter', () => {
    const r = decodeText(cp1250(`Nazwa;Miejscowość\nZażółć gęślą jaźń;Łódź\n${POLISH}`));
    expect(r.encoding).toBe('windows-1250');
    expect(r.text).toBe(`Nazwa;Miejscowość\nZażółć gęślą jaźń;Łódź\n${POLISH}`);
  });

  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    const utf8 = new TextEncoder().encode(`Nazwa\n${POLISH}`);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeText(utf8)).toEqual({ text: `Nazwa\n${POLISH}`, encoding: 'utf-8' });
    expect(decodeText(withBom)).toEqual({ text: `Nazwa\n${POLISH}`, encoding: 'utf-8' });
  });

  it("reads Excel's UTF-16 \"Unicode text\" by its BOM", () => {
    const text = `Nazwa\tNIP\n${POLISH}\t5261040828`;
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('lets the user force an encoding', () => {
    const bytes = cp1250('Łódź');
    expect(decodeText(bytes, 'windows-1250').text).toBe('Łódź');
    // Forced UTF-8 on Windows-1250 bytes shows replacement characters instead of throwing.
    expect(decodeText(bytes, 'utf-8').text).toContain('\uFFFD');
    // And a UTF-8 file forced to 1250 is mojibake, as asked: "Å" for the lead byte of "Ł".
    expect(decodeText(new TextEncoder().encode('Ł'), 'windows-1250').text).not.toBe('Ł');
  });

  it('refuses binary content', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(png)).toThrow(ImportError);
    expect(() => decodeText(png)).toThrow(expect.objectContaining({ code: 'binary' }));
    // No NUL, but full of control characters (like many binary formats).
    const controls = new Uint8Array(1000).map((_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expect(looksBinary(controls)).toBe(true);
    // Tabs, CR and LF are text.
    expect(looksBinary(new TextEncoder().encode('a\tb\r\nc\n'))).toBe(false);
  });
});
