// Windows-1250 code points of the Polish letters and quotes, from the code page's published table
// (not from TextDecoder, which is what is under test).
const CP1250: Record<string, number> = {
  ą: 0xb9, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0x9c, ź: 0x9f, ż: 0xbf,
  Ą: 0xa5, Ć: 0xc6, Ę: 0xca, Ł: 0xa3, Ń: 0xd1, Ó: 0xd3, Ś: 0x8c, Ź: 0x8f, Ż: 0xaf,
  '„': 0x84, '”': 0x94,
};

/** Encode text in Windows-1250 using the table above (ASCII passes through). */
export function cp1250(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
    const b = CP1250[ch];
    if (b === undefined) throw new Error(`no Windows-1250 byte for ${ch} in the test table`);
    return b;
  }));
}
