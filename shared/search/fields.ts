// What the index reads from a document, field by field, and how much a match in each field counts.
import type { CategoryId, LegalForm } from '../model/types.ts';
import type { SearchDoc } from './types.ts';

/** Field bits, OR-ed into one byte per posting when a word occurs in several fields of a document. */
export const F_NAME = 1;
export const F_LEGAL = 2;
export const F_PLACE = 4;
export const F_REGION = 8;
export const F_OFFER = 16;
export const F_CATEGORY = 32;
export const F_IDENT = 64;

// A name match must outrank anything else (the issue: "ranking that puts name matches first"), so the
// name weighs more than a town, an offer and a category together. An identifier is as good as a name.
const WEIGHTS: [number, number][] = [
  [F_NAME, 10],
  [F_IDENT, 10],
  [F_PLACE, 4],
  [F_LEGAL, 3],
  [F_CATEGORY, 3],
  [F_OFFER, 2],
  [F_REGION, 1.5],
];

/** Weight of a posting = weight of its best field; a 256-entry table keeps the hot loop branch-free. */
export const MASK_WEIGHT: Float32Array = (() => {
  const table = new Float32Array(256);
  for (let mask = 1; mask < 256; mask++) {
    let best = 0;
    for (const [bit, weight] of WEIGHTS) if (mask & bit && weight > best) best = weight;
    table[mask] = best;
  }
  return table;
})();

/** Words people use for a legal form, so "zaz" or "warsztat terapii" find units whose name omits them. */
const LEGAL_FORM_WORDS: Record<LegalForm, string> = {
  spoldzielnia_socjalna: 'spółdzielnia socjalna',
  fundacja: 'fundacja',
  stowarzyszenie: 'stowarzyszenie',
  zaz: 'ZAZ zakład aktywności zawodowej',
  cis: 'CIS centrum integracji społecznej',
  kis: 'KIS klub integracji społecznej',
  wtz: 'WTZ warsztat terapii zajęciowej',
  spolka_non_profit: 'spółka non-profit',
  spoldzielnia_pracy: 'spółdzielnia pracy',
  inna: '',
};

/** Polish words that find a category (the category ids are English keys, users type Polish). */
const CATEGORY_WORDS: Record<CategoryId, string> = {
  // "katering" is how many Poles write the loanword: it must find caterers (and "kateringg" is then one typo away).
  catering: 'catering katering gastronomia posiłki',
  cleaning: 'sprzątanie utrzymanie czystości',
  green_areas: 'tereny zielone zieleń ogrody',
  construction: 'budownictwo remonty',
  printing: 'poligrafia druk',
  crafts_gifts: 'rękodzieło upominki',
  accommodation_tourism: 'noclegi turystyka',
  laundry: 'pralnia pranie',
  sewing: 'szycie krawiectwo',
  packaging_assembly: 'pakowanie konfekcjonowanie montaż',
  transport: 'transport przewóz',
  care: 'opieka usługi opiekuńcze',
  education_training: 'edukacja szkolenia',
  it: 'IT informatyka',
  events: 'wydarzenia imprezy eventy',
  rehabilitation_therapy: 'rehabilitacja terapia',
  manufacturing: 'produkcja wytwarzanie',
  agriculture_food: 'rolnictwo żywność',
  other: '',
};

/** Each searchable text of a document with its field bit. */
export function fieldTexts(doc: SearchDoc): [number, string][] {
  const out: [number, string][] = [[F_NAME, doc.name]];
  const legal = LEGAL_FORM_WORDS[doc.legalForm];
  if (legal) out.push([F_LEGAL, legal]);
  const a = doc.address ?? {};
  if (a.city) out.push([F_PLACE, a.city]);
  if (a.commune && a.commune !== a.city) out.push([F_PLACE, a.commune]);
  if (a.county) out.push([F_REGION, a.county]);
  if (a.voivodeship) out.push([F_REGION, a.voivodeship]);
  if (doc.offer) out.push([F_OFFER, doc.offer]);
  for (const c of doc.categories ?? []) {
    const words = CATEGORY_WORDS[c];
    if (words) out.push([F_CATEGORY, words]);
  }
  // Certificates and awards ("Lider Ekonomii Społecznej", "Zakup Prospołeczny") weigh as the offer:
  // a buyer looking for an awarded supplier types the award's words.
  for (const c of doc.certificates ?? []) out.push([F_OFFER, c.scope ? `${c.name} ${c.scope}` : c.name]);
  for (const award of doc.awards ?? []) out.push([F_OFFER, award]);
  for (const id of [doc.nip, doc.regon, doc.krs]) if (id) out.push([F_IDENT, id]);
  return out;
}
