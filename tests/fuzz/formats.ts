// Property-based fuzzing of every reader: CSV, XLSX, data packs, KRS extracts, list packages and
// vCard. Each format has a generator of inputs (well-formed files with hostile content, and
// mutations that break them) and a check that sorts each input's outcome:
// - ok: read, and (where an oracle exists: a round trip from what we wrote) equal to what went in;
// - rejected: refused with the format's own error (ImportError / ShareError), which the UI explains;
// - crash: any other exception (a TypeError, a RangeError…);
// - hang: slower than the per-input time limit;
// - wrong: read without complaint, but not what was written (a silent wrong result).
// The goal is 0 crashes, 0 hangs, 0 wrong results. Used by tests/unit/fuzz (a few hundred cases per
// format in `npm test`) and tests/fuzz/run.ts (`npm run fuzz`, ≥ 10,000 per format).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseCsv } from '../../shared/io/import/csv.ts';
import { ImportError } from '../../shared/io/import/errors.ts';
import { parseImportFile } from '../../shared/io/import/index.ts';
import { parseKrsExtracts } from '../../shared/io/import/krs.ts';
import { readPack, writePack } from '../../shared/io/import/pack.ts';
import { readXlsx } from '../../shared/io/import/xlsx.ts';
import { readListPackage, writeListPackage } from '../../shared/io/share/listPackage.ts';
import { ShareError } from '../../shared/io/share/shareError.ts';
import { entityToVCard, parseVCards } from '../../shared/io/share/vcard.ts';
import { buildEntity } from '../../shared/model/entity.ts';
import { sameData } from '../../shared/model/merge.ts';
import type { Entity } from '../../shared/model/types.ts';
import { buildXlsx } from '../unit/io-import/xlsxFixture.ts';

export type Outcome = 'ok' | 'rejected' | 'crash' | 'wrong';

export interface Format<T> {
  name: string;
  inputs: fc.Arbitrary<T>;
  /** Reads one input; returns 'ok' or 'wrong' (oracle), throws when the reader throws. */
  check: (input: T) => Promise<'ok' | 'wrong'> | 'ok' | 'wrong';
  /** Describes an input for the report (kept short). */
  show: (input: T) => string;
}

export const isCleanRejection = (e: unknown) => e instanceof ImportError || e instanceof ShareError;

// Text with what breaks readers: delimiters, quotes, line breaks of every kind, BOMs, bidi and
// zero-width characters, formula starts, markup, astral characters, lone surrogates.
const NASTY = ['', ';', ',', '\t', '"', "'", '\r', '\n', '\r\n', '\u2028', '\u0085', '\ufeff', '\u202e', '\u200b', '=', '+', '-', '@', '＝', '<script>', '&amp;', '\\', '\\n', '\u0000', '😀', 'Ł', 'ż', '\ud800', '__proto__', 'constructor', ' '];
const nastyText = (maxLength = 12) =>
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength }).map((p) => p.join(''));
/** Text valid in XML 1.0 (XLSX cells): no C0 controls but tab/CR/LF, no lone surrogates, no U+FFFE/FFFF. */
const xmlText = nastyText().map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''));

const headerWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);

/** A table with distinct plain headers and at least one non-blank cell in every row. */
function table(cell: fc.Arbitrary<string>, minColumns: number) {
  return fc.uniqueArray(headerWord, { minLength: minColumns, maxLength: 6, selector: (h) => h.toLowerCase() }).chain((headers) =>
    fc
      .array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), { minLength: 1, maxLength: 8 })
      .map((rows) => rows.map((r) => (r.every((c) => c.trim() === '') ? ['x', ...r.slice(1)] : r)))
      .map((rows) => ({ headers, rows })),
  );
}

/** A CSV writer for the oracle: every cell with a delimiter, quote, line break or edge space quoted. */
function writeCsv(t: { headers: string[]; rows: string[][] }, d: string): string {
  const q = (c: string) => (/[;,\t"\r\n]|^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [t.headers, ...t.rows].map((r) => r.map(q).join(d)).join('\r\n') + '\r\n';
}

function mutate(bytes: Uint8Array, edits: { at: number; byte: number; cut: boolean }[]): Uint8Array {
  let out = bytes.slice();
  for (const e of edits) {
    if (out.length === 0) break;
    const i = e.at % out.length;
    if (e.cut) out = out.slice(0, i);
    else out[i] = e.byte;
  }
  return out;
}
const edits = fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), { minLength: 1, maxLength: 4 });

// --- CSV ---------------------------------------------------------------------------------------
type CsvInput = { kind: 'table'; table: { headers: string[]; rows: string[][] }; delimiter: string } | { kind: 'bytes'; bytes: Uint8Array };
const csvCell = nastyText().map((s) => s.replace(/^\ufeff/, ''));
export const csv: Format<CsvInput> = {
  name: 'CSV',
  inputs: fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('table' as const), table: table(csvCell, 1), delimiter: fc.constantFrom(';', ',', '\t') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 400 }) }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(table(csvCell, 1), edits)
        .map(([t, e]) => ({ kind: 'bytes' as const, bytes: mutate(new TextEncoder().encode(writeCsv(t, ';')), e) })),
    },
  ),
  async check(input) {
    if (input.kind === 'bytes') {
      await parseImportFile('fuzz.csv', input.bytes);
      return 'ok';
    }
    const { table: t, delimiter } = input;
    const parsed = parseCsv(writeCsv(t, delimiter));
    return sameData(parsed.headers, t.headers) && sameData(parsed.rows, t.rows) ? 'ok' : 'wrong';
  },
  show: (i) => JSON.stringify(i.kind === 'table' ? i : { kind: 'bytes', bytes: Array.from(i.bytes.slice(0, 80)) }).slice(0, 300),
};

// --- XLSX --------------------------------------------------------------------------------------
type XlsxInput = { kind: 'table'; table: { headers: string[]; rows: string[][] } } | { kind: 'mutated'; bytes: Uint8Array } | { kind: 'xml'; part: string; xml: string };
const xlsxCell = xmlText.map((s) => s.trim() || 'x');
const XML_SNIPPETS = ['<row r="1000000000">', '<c r="ZZZZZZ2" t="s"><v>0</v></c>', '<dimension ref="A1:XFD1048576"/>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '&a;', '<v>99999999</v>', '<c r="A1" t="s"><v>-1</v></c>', '<si>', '</sheetData>', 'r:id="rId99"', '<?xml', '\u0000'];
function xmlMutation() {
  return fc.record({
    part: fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', '[Content_Types].xml'),
    at: fc.nat(),
    snippet: fc.oneof(fc.constantFrom(...XML_SNIPPETS), fc.string({ maxLength: 8 })),
    remove: fc.nat({ max: 20 }),
  });
}
export const xlsx: Format<XlsxInput> = {
  name: 'XLSX',
  inputs: fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('table' as const), table: table(xlsxCell, 1) }) },
    { weight: 1, arbitrary: fc.tuple(table(xlsxCell, 1), edits).map(([t, e]) => ({ kind: 'mutated' as const, bytes: mutate(buildXlsx([{ name: 'A', rows: [t.headers, ...t.rows] }]), e) })) },
    {
      weight: 2,
      arbitrary: fc.tuple(table(xlsxCell, 1), xmlMutation()).map(([t, m]) => {
        const files = unzipSync(buildXlsx([{ name: 'A', rows: [t.headers, ...t.rows] }]));
        const xml = strFromU8(files[m.part]);
        const at = m.at % (xml.length + 1);
        return { kind: 'xml' as const, part: m.part, xml: xml.slice(0, at) + m.snippet + xml.slice(at + m.remove) };
      }),
    },
  ),
  async check(input) {
    if (input.kind === 'table') {
      const x = await readXlsx(buildXlsx([{ name: 'A', rows: [input.table.headers, ...input.table.rows] }]));
      return sameData(x.headers, input.table.headers) && sameData(x.rows, input.table.rows) ? 'ok' : 'wrong';
    }
    if (input.kind === 'mutated') {
      await parseImportFile('fuzz.xlsx', input.bytes);
      return 'ok';
    }
    const files = unzipSync(buildXlsx([{ name: 'A', rows: [['Nazwa'], ['x']] }]));
    files[input.part] = strToU8(input.xml);
    await readXlsx(zipSync(files));
    return 'ok';
  },
  show: (i) => (i.kind === 'xml' ? `${i.part}: ${i.xml.slice(0, 240)}` : i.kind === 'table' ? JSON.stringify(i.table).slice(0, 240) : `mutated ${i.bytes.length} bytes`),
};

// --- entities (for packs and list packages) ----------------------------------------------------
const WEBSITES = ['https://zaz.leczna.pl/', 'http://www.example.pl/o-nas', 'spoldzielnia.com.pl', 'https://sites.google.com/view/x', 'javascript:alert(1)', 'data:text/html,x', 'https://a@b.pl/', ''];
const EMAILS = ['biuro@example.pl', 'Jan.Kowalski@Example.PL', 'a@b.pl?bcc=c@d.pl', 'mailto:x@y.pl', 'nie-mail', ''];
const PHONES = ['+48 603 254 662', '81 555 12 34', '(0-12) 345 67 89', 'tel. 600', 'abc', ''];
const draft = fc.record({
  name: nastyText(6),
  city: fc.oneof(fc.constant(''), nastyText(3)),
  website: fc.constantFrom(...WEBSITES),
  email: fc.constantFrom(...EMAILS),
  phone: fc.constantFrom(...PHONES),
  offer: fc.oneof(fc.constant(''), nastyText(8)),
  nip: fc.constantFrom('', '5261040828', '5261040827', '9291928963', 'abc'),
});
const SOURCE = { url: 'file:fuzz.csv', seenAt: '2026-11-20' };
const AT = '2026-11-20T12:00:00.000Z';
function built(drafts: fc.Arbitrary<Record<string, string>[]>): fc.Arbitrary<Entity[]> {
  return drafts.map((ds) => {
    const seen = new Set<string>();
    const out: Entity[] = [];
    for (const d of ds) {
      const b = buildEntity(d, SOURCE, AT);
      if (b.ok && !seen.has(b.entity.id)) {
        seen.add(b.entity.id);
        out.push(b.entity);
      }
    }
    return out;
  });
}
const entities = built(fc.array(draft, { maxLength: 6 }));

/** A JSON document with one value somewhere replaced by something hostile. */
const HOSTILE_VALUES: unknown[] = [null, 0, -1, 1e308, true, '', 'x'.repeat(3000), [], {}, [[[[[[]]]]]], { __proto__: { polluted: 1 } }, 'javascript:alert(1)', '\u202e', Array(600).fill('a')];
function replaceSomewhere(doc: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || typeof doc !== 'object' || doc === null) return value;
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const k = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<string, unknown>) : { ...(doc as Record<string, unknown>) };
  copy[k] = replaceSomewhere((doc as Record<string, unknown>)[k], path.slice(1), value);
  return copy;
}
const hostileEdit = fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 3 })) });

// --- data pack ---------------------------------------------------------------------------------
type PackInput = { kind: 'roundtrip'; entities: Entity[] } | { kind: 'edited'; text: string } | { kind: 'text'; text: string };
export const pack: Format<PackInput> = {
  name: 'data pack',
  inputs: fc.oneof(
    { weight: 2, arbitrary: entities.map((e) => ({ kind: 'roundtrip' as const, entities: e })) },
    {
      weight: 2,
      arbitrary: fc.tuple(entities, hostileEdit).map(([e, h]) => ({ kind: 'edited' as const, text: JSON.stringify(replaceSomewhere(JSON.parse(writePack('P', e, AT)), h.path, h.value)) })),
    },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.json()).map((text) => ({ kind: 'text' as const, text: text.startsWith('{') ? text : `{"format":"radar-es/data-pack","version":1,"name":"x","createdAt":"${AT}","entities":[${text}]}` })) },
  ),
  check(input) {
    if (input.kind !== 'roundtrip') {
      readPack(input.text);
      return 'ok';
    }
    const read = readPack(writePack('P', input.entities, AT));
    const strip = (e: Entity) => ({ ...e, keys: undefined, candidate: undefined });
    return read.rejectedCount === 0 && sameData(read.entities.map(strip), input.entities.map(strip)) ? 'ok' : 'wrong';
  },
  show: (i) => (i.kind === 'roundtrip' ? JSON.stringify(i.entities.map((e) => e.name)) : i.text.slice(0, 240)),
};

// --- KRS extracts ------------------------------------------------------------------------------
const KRS_FIXTURE = readFileSync(new URL('../fixtures/registers/krs/0000700353-P.json', import.meta.url), 'utf8');
type KrsInput = { text: string };
const deep = fc.integer({ min: 1, max: 5000 }).map((n) => `{"odpis":{"dane":{"dzial1":${'['.repeat(n)}1${']'.repeat(n)}}}}`);
export const krs: Format<KrsInput> = {
  name: 'KRS extracts',
  inputs: fc.oneof(
    { weight: 3, arbitrary: hostileEdit.map((h) => ({ text: JSON.stringify(replaceSomewhere(JSON.parse(KRS_FIXTURE), h.path, h.value)) })) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 6 }).map((j) => ({ text: `{"odpis":{"dane":${j}}}` })) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.json()).map((text) => ({ text })) },
    { weight: 1, arbitrary: deep.map((text) => ({ text })) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(KRS_FIXTURE.replace(/\n/g, ''), '{}', '[', 'x', ''), { maxLength: 4 }).map((l) => ({ text: l.join('\n') })) },
  ),
  check(input) {
    parseKrsExtracts(input.text);
    return 'ok';
  },
  show: (i) => i.text.slice(0, 240),
};

// --- list packages -----------------------------------------------------------------------------
type ListInput = { kind: 'roundtrip'; entities: Entity[]; name: string; persons: string[] } | { kind: 'edited'; text: string } | { kind: 'text'; text: string };
function listPackageText(e: Entity[], name: string, persons: string[]): string {
  return writeListPackage({
    list: { name },
    entities: e,
    persons: e.length ? persons.map((p, i) => ({ id: `person_${i}`, entityId: e[i % e.length].id, name: p, createdAt: AT, updatedAt: AT })) : [],
    includePrivate: false,
    exportedAt: AT,
  });
}
const listName = nastyText(5).filter((s) => s.trim() !== '' && s.trim().length <= 200);
export const listPackage: Format<ListInput> = {
  name: 'list packages',
  inputs: fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('roundtrip' as const), entities, name: listName, persons: fc.array(nastyText(4), { maxLength: 4 }) }) },
    {
      weight: 2,
      arbitrary: fc.tuple(entities, listName, hostileEdit).map(([e, n, h]) => ({ kind: 'edited' as const, text: JSON.stringify(replaceSomewhere(JSON.parse(listPackageText(e, n, ['Anna'])), h.path, h.value)) })),
    },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.json()).map((text) => ({ kind: 'text' as const, text })) },
  ),
  check(input) {
    if (input.kind !== 'roundtrip') {
      readListPackage(input.text);
      return 'ok';
    }
    const text = listPackageText(input.entities, input.name, input.persons);
    const pkg = readListPackage(text);
    const strip = (e: Entity) => ({ ...e, keys: undefined, candidate: undefined, verifiedAt: undefined });
    const ok = sameData(pkg.entities, input.entities.map(strip)) && pkg.list.name === input.name.trim() && pkg.persons.length === (input.entities.length ? input.persons.length : 0);
    return ok ? 'ok' : 'wrong';
  },
  show: (i) => (i.kind === 'roundtrip' ? JSON.stringify({ name: i.name, entities: i.entities.map((e) => e.name) }) : i.text.slice(0, 240)),
};

// --- vCard -------------------------------------------------------------------------------------
type VcardInput = { kind: 'roundtrip'; entity: Entity } | { kind: 'text'; text: string };
const VCARD_LINES = ['BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'VERSION:3.0', 'FN:x', 'ORG:Firma;Dział', 'N:;;;;', 'KIND:org', 'X-ABShowAs:COMPANY', 'TEL:+48603254662', 'EMAIL:a@b.pl', 'URL:javascript:alert(1)', 'NOTE;ENCODING=QUOTED-PRINTABLE:=C5=81=', 'NOTE:NIP: 5261040828', ' folded', '\tfolded', 'item1.TEL;TYPE=WORK:600', 'ADR:;;ul. X;Kraków;;30-001;Polska', 'UID:krs:0000700353', ':', ';;;', '=', 'CATEGORIES:a\\,b,c'];
export const vcard: Format<VcardInput> = {
  name: 'vCard',
  inputs: fc.oneof(
    { weight: 2, arbitrary: fc.tuple(entities, nastyText(6)).filter(([e]) => e.length > 0).map(([e, name]) => ({ kind: 'roundtrip' as const, entity: { ...e[0], name: name.trim() || 'x' } })) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...VCARD_LINES), nastyText(3)), { maxLength: 30 })
        .chain((lines) => fc.constantFrom('\r\n', '\n', '\r').map((eol) => ({ kind: 'text' as const, text: lines.join(eol) }))),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((text) => ({ kind: 'text' as const, text })) },
  ),
  check(input) {
    if (input.kind === 'text') {
      parseVCards(input.text);
      return 'ok';
    }
    const parsed = parseVCards(entityToVCard(input.entity));
    // What the writer promises: line breaks of every kind become "\n", other controls go.
    const expected = input.entity.name.replace(/\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '');
    // A name of nothing but control characters leaves no name, and a card without one is skipped.
    if (expected.trim() === '') return parsed.orgs.length === 0 ? 'ok' : 'wrong';
    return parsed.orgs.length === 1 && parsed.orgs[0].name?.trim() === expected.trim() ? 'ok' : 'wrong';
  },
  show: (i) => JSON.stringify(i.kind === 'roundtrip' ? { name: i.entity.name } : i.text).slice(0, 240),
};

export const FORMATS: Format<never>[] = [csv, xlsx, pack, krs, listPackage, vcard] as unknown as Format<never>[];

export interface Tally {
  format: string;
  tried: number;
  ok: number;
  rejected: number;
  crashes: number;
  hangs: number;
  wrong: number;
  /** The first few failures, for the report. */
  examples: string[];
  slowestMs: number;
}

/** Runs `runs` generated inputs of a format (seeded, so a run can be repeated) and sorts the outcomes. */
export async function fuzzFormat(format: Format<unknown>, runs: number, opts: { seed: number; timeLimitMs: number }): Promise<Tally> {
  const tally: Tally = { format: format.name, tried: 0, ok: 0, rejected: 0, crashes: 0, hangs: 0, wrong: 0, examples: [], slowestMs: 0 };
  const inputs = fc.sample(format.inputs, { numRuns: runs, seed: opts.seed });
  for (const input of inputs) {
    tally.tried++;
    const started = performance.now();
    let outcome: Outcome;
    let error = '';
    try {
      outcome = await format.check(input);
    } catch (e) {
      outcome = isCleanRejection(e) ? 'rejected' : 'crash';
      if (outcome === 'crash') error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const ms = performance.now() - started;
    tally.slowestMs = Math.max(tally.slowestMs, ms);
    const hang = ms > opts.timeLimitMs;
    if (hang) tally.hangs++;
    if (outcome === 'ok') tally.ok++;
    else if (outcome === 'rejected') tally.rejected++;
    else if (outcome === 'crash') tally.crashes++;
    else tally.wrong++;
    if ((outcome === 'crash' || outcome === 'wrong' || hang) && tally.examples.length < 5) {
      tally.examples.push(`${hang ? `hang ${Math.round(ms)} ms` : outcome}${error ? ` (${error.slice(0, 160)})` : ''}: ${format.show(input)}`);
    }
  }
  return tally;
}
