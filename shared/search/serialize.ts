// Binary form of a compacted index, for IndexedDB (an ArrayBuffer is stored and cloned as raw bytes).
//
// Layout: magic, version and JSON length (3 × uint32), a small JSON header (facet values, and where
// each array lies), then the arrays, each 8-byte aligned: columns, postings, and the ids, names and
// dictionary as packed strings (UTF-8 text + end offsets). Loading decodes three texts and wraps the
// postings as views over the buffer: nothing is parsed string by string, nothing is re-indexed.
import { DocColumns } from './columns.ts';
import { PackedStrings } from './packed-strings.ts';
import { TermPostings } from './postings.ts';
import type { IndexState } from './search-index.ts';
import { ValueDict } from './value-dict.ts';

const MAGIC = 0x52534931; // "RSI1"
// 3: certificate and award names are indexed (an index of version 2 lacks them and is rebuilt).
const VERSION = 3;

type Typed = Uint8Array | Uint32Array | Int32Array;
const KINDS = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array } as const;
type Kind = keyof typeof KINDS;

interface Header {
  size: number;
  voivodeships: string[];
  counties: string[];
  cities: string[];
  legalForms: string[];
  /** name → [kind, byte offset, element count] */
  arrays: Record<string, [Kind, number, number]>;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Expects a compacted state: every document alive, nothing pending in the delta. */
export function encodeIndex(state: IndexState): ArrayBuffer {
  const { cols, post } = state;
  const n = cols.size;
  const encoder = new TextEncoder();
  const packed = (list: PackedStrings) => [encoder.encode(list.text), list.ends] as const;
  const [idText, idEnds] = packed(PackedStrings.from(cols.ids));
  const [nameText, nameEnds] = packed(PackedStrings.from(cols.names));
  const [termText, termEnds] = packed(PackedStrings.from(post.terms));
  const arrays: [string, Kind, Typed][] = [
    ['idText', 'u8', idText],
    ['idEnds', 'u32', idEnds],
    ['nameText', 'u8', nameText],
    ['nameEnds', 'u32', nameEnds],
    ['termText', 'u8', termText],
    ['termEnds', 'u32', termEnds],
    ['voivodeship', 'u32', cols.voivodeship.subarray(0, n)],
    ['county', 'u32', cols.county.subarray(0, n)],
    ['city', 'u32', cols.city.subarray(0, n)],
    ['legalForm', 'u32', cols.legalForm.subarray(0, n)],
    ['categories', 'u32', cols.categories.subarray(0, n)],
    ['flags', 'u8', cols.flags.subarray(0, n)],
    ['certDay', 'i32', cols.certDay.subarray(0, n)],
    ['byName', 'u32', state.byName.subarray(0, state.byNameLength)],
    ['start', 'u32', post.start],
    ['docs', 'u32', post.docs],
    ['masks', 'u8', post.masks],
  ];
  const header: Header = {
    size: n,
    voivodeships: cols.voivodeships.values,
    counties: cols.counties.values,
    cities: cols.cities.values,
    legalForms: cols.legalForms.values,
    arrays: {},
  };
  // Offsets are relative to the end of the JSON (rounded up), so the header can describe itself.
  let offset = 0;
  for (const [name, kind, a] of arrays) {
    header.arrays[name] = [kind, offset, a.length];
    offset = align8(offset + a.byteLength);
  }
  const json = encoder.encode(JSON.stringify(header));
  const base = align8(12 + json.length);
  const buffer = new ArrayBuffer(base + offset);
  const head = new Uint32Array(buffer, 0, 3);
  head[0] = MAGIC;
  head[1] = VERSION;
  head[2] = json.length;
  new Uint8Array(buffer, 12, json.length).set(json);
  for (const [name, , a] of arrays) {
    new Uint8Array(buffer, base + header.arrays[name][1], a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return buffer;
}

export function decodeIndex(buffer: ArrayBuffer): IndexState {
  const head = new Uint32Array(buffer, 0, 3);
  if (head[0] !== MAGIC || head[1] !== VERSION) throw new Error('Not a search index of this version');
  // ignoreBOM: a leading U+FEFF in the first string is data, not a byte order mark to drop.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const header = JSON.parse(decoder.decode(new Uint8Array(buffer, 12, head[2]))) as Header;
  const base = align8(12 + head[2]);
  const view = (name: string): Typed => {
    const [kind, offset, length] = header.arrays[name];
    return new KINDS[kind](buffer, base + offset, length);
  };
  const n = header.size;
  const cols = new DocColumns(n);
  // Columns are copied (they are edited in place by later add/remove); postings stay views.
  cols.voivodeship.set(view('voivodeship'));
  cols.county.set(view('county'));
  cols.city.set(view('city'));
  cols.legalForm.set(view('legalForm'));
  cols.categories.set(view('categories'));
  cols.flags.set(view('flags'));
  cols.certDay.set(view('certDay'));
  cols.alive.fill(1, 0, n);
  const strings = (name: string) => new PackedStrings(decoder.decode(view(`${name}Text`)), view(`${name}Ends`) as Uint32Array);
  cols.ids = strings('id');
  cols.names = strings('name');
  cols.size = n;
  cols.voivodeships = new ValueDict(header.voivodeships);
  cols.counties = new ValueDict(header.counties);
  cols.cities = new ValueDict(header.cities);
  cols.legalForms = new ValueDict(header.legalForms);
  const order = view('byName');
  const byName = new Uint32Array(Math.max(16, cols.capacity));
  byName.set(order);
  const post = new TermPostings(
    strings('term'),
    view('start') as Uint32Array,
    view('docs') as Uint32Array,
    view('masks') as Uint8Array,
  );
  return { cols, post, byName, byNameLength: order.length };
}
