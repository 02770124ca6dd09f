// File names built from data (a list's name, an imported file's name) for files we save. A name is
// text someone else may have chosen: it must not reach outside the downloads folder, hide its real
// extension or name a device.
//
// - Path separators, Windows' reserved characters and control characters (C0, DEL, C1) go.
// - Bidirectional controls go: U+202E (RIGHT-TO-LEFT OVERRIDE) makes "lista‮fdp.exe" show as
//   "listaexe.pdf". Zero-width characters and separators go too, so what is shown is what is saved.
// - Windows refuses CON, PRN, AUX, NUL, COM0–9 and LPT0–9 as a name, with any extension and any
//   case ("con.csv", "Nul.radar-es"): such a name gets an underscore after the device part.
// - Leading dots (hidden files) and trailing dots and spaces (which Windows drops) go.

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]+/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

/** A safe base name (without extension) from `name`, at most `max` characters; `fallback` when nothing is left. */
export function safeFileBase(name: string, fallback: string, max = 80): string {
  let base = name.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^[. ]+/, '');
  base = Array.from(base).slice(0, max).join('').replace(/[. ]+$/, '').trim();
  if (!base) return fallback;
  // Windows reads the name up to its first dot: "CON.txt" is the device too, so "CON_.txt".
  return base.replace(RESERVED, '$1_');
}
