// Writes bench/search-queries.json: Polish queries with the entity each one must find, correct by
// construction. Run: npx tsx bench/make-search-queries.ts
//
// Each synthetic query is formed from the data of one generated entity (seed 1, 100k records): its
// name words without diacritics, a prefix, a typo, its NIP/KRS/REGON in a common format, its town with
// a category or offer word. A query is kept only when a plain scan (every query word is a prefix of a
// word of the entity's searchable fields; no index involved) finds at most MAX_MATCHES entities among
// the 100k synthetic + 405 real ones, the expected one among them — so a correct engine must rank it
// in the top 5. Real-sample queries name their entity by its exact name.
import { readFileSync, writeFileSync } from 'node:fs';
import { fold, foldedWords } from '../shared/model/fold.ts';
import type { Entity } from '../shared/model/types.ts';
import { fieldTexts } from '../shared/search/fields.ts';
import type { SearchDoc } from '../shared/search/types.ts';
import { sampleDocs } from './sample-docs.ts';
import type { QueryFileEntry } from './search-compare.ts';
import { generateEntities } from './synthetic.ts';

const COUNT = 100_000;
const SEED = 1;
const MAX_MATCHES = 4;

const synthetic = generateEntities(COUNT, SEED);
const sample = sampleDocs(readFileSync(new URL('../shared/data/pes-directory-sample.csv', import.meta.url), 'utf8'));
const all: SearchDoc[] = [...synthetic, ...sample];
const words: string[][] = all.map((d) => fieldTexts(d).flatMap(([, text]) => foldedWords(text)));

/** Entities where every query word starts some word of their fields. */
function plainMatches(query: string): number[] {
  const q = foldedWords(query);
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (q.every((w) => words[i].some((x) => x.startsWith(w)))) out.push(i);
  return out;
}

/** Distinctive words of a name: without the legal-form words every name of that form shares. */
const FORM_WORDS = new Set(foldedWords('spółdzielnia socjalna pracy fundacja stowarzyszenie zakład aktywności zawodowej zaz centrum integracji społecznej klub warsztat terapii zajęciowej przedsiębiorstwo społeczne sp z o non profit koło gospodyń wiejskich im na rzecz'));
function distinctive(e: Entity): string[] {
  return foldedWords(e.name).filter((w) => w.length > 1 && !FORM_WORDS.has(w));
}

/** Swaps two neighbouring letters inside the longest word (never the first letter). */
function withTypo(text: string): string | null {
  const ws = text.split(' ');
  const i = ws.reduce((best, w, j) => (w.length > ws[best].length ? j : best), 0);
  const w = ws[i];
  if (w.length < 6) return null;
  const p = Math.floor(w.length / 2);
  if (w[p] === w[p + 1]) return null;
  ws[i] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  return ws.join(' ');
}

const CATEGORY_WORD: Record<string, string> = {
  catering: 'catering', cleaning: 'sprzątanie', green_areas: 'zieleń', construction: 'remonty', printing: 'druk',
  crafts_gifts: 'rękodzieło', accommodation_tourism: 'noclegi', laundry: 'pralnia', sewing: 'szycie',
  packaging_assembly: 'pakowanie', transport: 'transport', care: 'opieka', education_training: 'szkolenia',
  it: 'informatyka', events: 'imprezy', rehabilitation_therapy: 'rehabilitacja', manufacturing: 'produkcja',
  agriculture_food: 'żywność',
};

const nipFormatted = (n: string) => `PL ${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;

/** Query forms, each from one entity; null when the entity lacks what the form needs. */
const FORMS: { kind: string; take: number; make: (e: Entity) => string | null; check?: (e: Entity) => string }[] = [
  { kind: 'name+town', take: 6, make: (e) => [...distinctive(e), ...foldedWords(e.address.city!)].join(' ') },
  { kind: 'full name with diacritics + town', take: 3, make: (e) => `${e.name} ${e.address.city}` },
  {
    kind: 'prefix (typing)',
    take: 5,
    make: (e) => {
      const ws = [...foldedWords(e.address.city!), ...distinctive(e)];
      const last = ws[ws.length - 1];
      return last.length >= 6 ? [...ws.slice(0, -1), last.slice(0, 4)].join(' ') : null;
    },
  },
  {
    kind: 'typo',
    take: 5,
    make: (e) => withTypo([...distinctive(e), ...foldedWords(e.address.city!)].join(' ')),
    // The uniqueness check runs on the query without its typo (for identifiers: on the canonical digits).
    check: (e) => [...distinctive(e), ...foldedWords(e.address.city!)].join(' '),
  },
  { kind: 'NIP formatted', take: 3, make: (e) => (e.nip ? nipFormatted(e.nip) : null), check: (e) => e.nip! },
  { kind: 'NIP with label', take: 1, make: (e) => (e.nip ? `NIP: ${e.nip}` : null), check: (e) => e.nip! },
  { kind: 'NIP digits', take: 1, make: (e) => e.nip ?? null },
  { kind: 'KRS without zeros', take: 2, make: (e) => (e.krs ? `KRS ${String(Number(e.krs))}` : null), check: (e) => e.krs! },
  { kind: 'KRS in full', take: 1, make: (e) => e.krs ?? null },
  { kind: 'REGON spaced', take: 2, make: (e) => (e.regon ? `${e.regon.slice(0, 3)} ${e.regon.slice(3, 6)} ${e.regon.slice(6)}` : null), check: (e) => e.regon! },
  {
    kind: 'legal form abbreviation + name + town',
    take: 2,
    make: (e) => (['zaz', 'wtz', 'cis', 'kis'].includes(e.legalForm) ? [e.legalForm, ...distinctive(e), fold(e.address.city!)].join(' ') : null),
  },
  {
    kind: 'category + town + name word',
    take: 3,
    make: (e) => `${CATEGORY_WORD[e.categories[0]]} ${e.address.city} ${distinctive(e)[0] ?? ''}`.trim(),
  },
  {
    kind: 'offer phrase + town',
    take: 3,
    make: (e) => `${e.offer!.split(';')[0]} ${e.address.city}`,
  },
];

const SAMPLE_QUERIES: [string, string][] = [
  ['kobierzyn', 'Spółdzielnia Socjalna „Kobierzyn”'],
  ['sloneczne wzgorze tarnow', 'Centrum Rehabilitacji Społecznej i Zawodowej – Zakład Aktywności Zawodowej „Słoneczne Wzgórze”'],
  ['poezja smaku', 'Spółdzielnia Socjalna Poezja Smaku'],
  ['tup tusie', 'Fundacja Tup Tusie'],
  ['wyjdz z domu', 'Fundacja na rzecz Wspierania Osób Niepełnosprawnych „Wyjdź z domu”'],
  ['powiatowy zaz leczna', 'Powiatowy Zakład Aktywności Zawodowej w Łęcznej'],
  ['alternatywy zielona gora', 'Spółdzielnia Socjalna „ALTERNATYWY” (Dom Dziennego Pobytu dla Seniora)'],
  ['siemacha', 'Stowarzyszenie Siemacha'],
];

const entries: QueryFileEntry[] = [];
// Entities are visited in a fixed stride so that each form uses different, spread-out records.
let k = 1234;
for (const form of FORMS) {
  let taken = 0;
  for (let attempt = 0; taken < form.take; attempt++) {
    if (attempt > 5000) throw new Error(`No entity fits the query form "${form.kind}"`);
    k = (k + 7919) % COUNT;
    const e = synthetic[k];
    const q = form.make(e);
    if (!q) continue;
    const matches = plainMatches(form.check ? form.check(e) : q);
    if (!matches.includes(k) || matches.length > MAX_MATCHES) continue;
    entries.push({ q, kind: form.kind, expectId: e.id });
    taken++;
  }
}
for (const [q, name] of SAMPLE_QUERIES) {
  const i = all.findIndex((d) => d.name === name);
  const matches = plainMatches(q);
  if (i < 0 || !matches.includes(i) || matches.length > MAX_MATCHES) throw new Error(`Sample query "${q}" is not specific (${matches.length})`);
  entries.push({ q, kind: 'real sample name', expectName: name });
}

const file = {
  about:
    'Search benchmark queries. Synthetic expectations refer to bench/synthetic.ts generateEntities(100000, 1); ' +
    'real ones (expectName) to shared/data/pes-directory-sample.csv, which the benchmark adds to the index. ' +
    'Made by bench/make-search-queries.ts: each synthetic query is built from one generated entity (name words ' +
    'without diacritics, a prefix, a swap of two letters, its NIP/KRS/REGON in a common format, its town with a ' +
    'category or offer phrase) and kept only if a plain prefix scan over all entities (no index) finds at most ' +
    `${MAX_MATCHES} entities including the expected one (typo queries are checked without the typo), so a correct ` +
    'engine must rank it in the top 5.',
  seed: SEED,
  count: COUNT,
  queries: entries,
};
writeFileSync(new URL('./search-queries.json', import.meta.url), JSON.stringify(file, null, 2) + '\n');
console.log(`${entries.length} queries written`);
