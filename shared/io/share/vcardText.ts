// The text layer of vCard shared by the writer and the reader: value escaping, line folding and
// unfolding. Kept apart from the property mapping so each can be read (and tested) on its own.

/**
 * Escapes a TEXT value. Backslash, comma and newline are always escaped (RFC 2426 §4, RFC 6350
 * §3.4). A semicolon is escaped only inside compound values (N, ADR, ORG), where it separates
 * components: that is RFC 6350's rule, and ical.js — the parser Thunderbird uses — leaves a `\;`
 * in a plain value such as FN as a literal backslash, while Android and iOS read an unescaped `;`
 * in FN or NOTE as text. CR, LF and CRLF all become `\n`, so a hostile value can never start a
 * new property line.
 */
export function escapeText(value: string, compound = false): string {
  // Every line break a reader might honour (U+2028/U+2029, NEL, VT and FF too) becomes `\n`, and any
  // other control character goes: a value must never end the property line or hide in it.
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g, '\\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '');
  return compound ? escaped.replace(/;/g, '\\;') : escaped;
}

/**
 * A URI value is not TEXT: commas and semicolons are legal in it and must not be escaped. Control
 * characters (CR/LF above all) are removed so a URL can't inject a property line.
 */
export function cleanUri(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim();
}

const MAX_LINE_OCTETS = 75;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line at 75 octets (RFC 2426 §2.6, RFC 6350 §3.2): each continuation line starts
 * with one space, which counts toward its 75. Breaks fall between whole code points — a multi-byte
 * UTF-8 character (Polish letters, emoji) is never split, since many readers (Android among them)
 * decode line by line — and never inside a backslash escape, for readers that unescape first.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    // A backslash escape travels with the character it escapes.
    const unit = chars[i] === '\\' && i + 1 < chars.length ? chars[i] + chars[++i] : chars[i];
    let size = 0;
    for (const c of unit) size += utf8Length(c.codePointAt(0)!);
    const limit = out.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit && current) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += unit;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * Splits a vCard file into logical lines: undoes folding (CRLF or LF followed by a space or tab)
 * and vCard 2.1's quoted-printable soft line breaks (a line ending in `=` inside a QP value).
 */
export function unfoldLines(text: string): string[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // Each logical line is gathered as parts and joined once: appending to a growing string and
  // re-reading its head on every physical line was quadratic (a 2 MB folded property took 17.5 s,
  // 50,000 soft line breaks 42 s). `qp` is decided once, from the line's first physical part.
  const lines: string[] = [];
  let parts: string[] | undefined;
  let qp = false;
  const flush = () => {
    if (parts) lines.push(parts.join(''));
    parts = undefined;
  };
  for (const raw of physical) {
    if (parts && qp && parts[parts.length - 1].endsWith('=')) {
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
      parts.push(raw);
    } else if (parts && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      parts.push(raw.slice(1));
    } else {
      flush();
      parts = [raw];
      const colon = raw.indexOf(':');
      qp = /ENCODING=QUOTED-PRINTABLE/i.test(colon < 0 ? raw : raw.slice(0, colon));
    }
  }
  flush();
  return lines.filter((l) => l.trim() !== '');
}

/** Undoes TEXT escaping; an unknown escape keeps its backslash (a Windows path in a NOTE). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on a separator that is not escaped by a backslash, keeping the escapes in the parts. */
export function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Decodes vCard 2.1 QUOTED-PRINTABLE bytes, then the bytes as UTF-8 (or Latin-1 when stated). */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  // One pass into a preallocated buffer: a UTF-16 unit is at most 3 UTF-8 bytes. Runs between
  // escapes are encoded in one call (per character it was a second for 50,000 soft line breaks).
  const bytes = new Uint8Array(value.length * 3);
  const encoder = new TextEncoder();
  let n = 0;
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end > runStart) n += encoder.encodeInto(value.slice(runStart, end), bytes.subarray(n)).written;
  };
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) !== 61 /* = */) continue;
    const hex = value.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) continue; // a lone "=" stays a character, as before
    flushRun(i);
    bytes[n++] = parseInt(hex, 16);
    i += 2;
    runStart = i + 1;
  }
  flushRun(value.length);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes.subarray(0, n));
}
