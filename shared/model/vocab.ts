// Controlled vocabularies (legal forms, offer categories, voivodeships) and the parsers that map
// free Polish text onto them. Matching is done on folded text (see fold.ts), so case and diacritics
// never matter.
import { fold } from './fold.ts';
import type { CategoryId, LegalForm } from './types.ts';

type Label = { pl: string; en: string };

export const LEGAL_FORMS: Record<LegalForm, Label> = {
  spoldzielnia_socjalna: { pl: 'Spółdzielnia socjalna', en: 'Social cooperative' },
  fundacja: { pl: 'Fundacja', en: 'Foundation' },
  stowarzyszenie: { pl: 'Stowarzyszenie', en: 'Association' },
  zaz: { pl: 'Zakład Aktywności Zawodowej', en: 'Vocational activity establishment (ZAZ)' },
  cis: { pl: 'Centrum Integracji Społecznej', en: 'Social integration centre (CIS)' },
  kis: { pl: 'Klub Integracji Społecznej', en: 'Social integration club (KIS)' },
  wtz: { pl: 'Warsztat Terapii Zajęciowej', en: 'Occupational therapy workshop (WTZ)' },
  spolka_non_profit: { pl: 'Spółka non-profit', en: 'Non-profit company' },
  spoldzielnia_pracy: { pl: 'Spółdzielnia pracy', en: 'Worker cooperative' },
  inna: { pl: 'Inna forma', en: 'Other form' },
};

/**
 * Patterns on folded text. When several match, the earliest in the text wins (a name such as
 * "Pensjonat … (ZAZ Stowarzyszenia …)" is a ZAZ run by an association); on a tie, the first listed.
 */
const LEGAL_FORM_PATTERNS: [RegExp, LegalForm][] = [
  [/\bspoldzielni\w* socjaln|\bsocjaln\w* spoldzielni|\bsocial cooperative|\bss\b/, 'spoldzielnia_socjalna'],
  [/\bspoldzielni\w* pracy|\bworker'?s? cooperative/, 'spoldzielnia_pracy'],
  [/\bzaklad\w* aktywnosci zawodowej|\bzaz\b/, 'zaz'],
  [/\bcentr\w* integracji spolecznej|\bcis\b/, 'cis'],
  [/\bklub\w* integracji spolecznej|\bkis\b/, 'kis'],
  [/\bwarsztat\w* terapii zajeciowej|\bwtz\b/, 'wtz'],
  // A non-profit company is legally a "sp. z o.o." or "S.A." whose statute bars profit distribution.
  [/\b(?:spolk\w*|sp z o ?o)\b.*?\bnon profit\b|\bnon profit\b|\bnot for profit\b/, 'spolka_non_profit'],
  [/\bfundacj\w*|\bfoundation\b/, 'fundacja'],
  [/\bstowarzysz\w*|\bassociation\b/, 'stowarzyszenie'],
  [/\bspolk\w*|\bsp z o ?o\b|\bspoldzielni\w*|\binna\b|\bother\b/, 'inna'],
];

/** Folded text with punctuation turned into single spaces, so "non-profit" reads "non profit". */
function simplified(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** The legal form named by a code (as in the CSV), a KRS form ("FUNDACJA") or free Polish text. */
export function parseLegalForm(text: string): LegalForm | null {
  const code = text.trim().toLowerCase();
  if (Object.hasOwn(LEGAL_FORMS, code)) return code as LegalForm;
  const s = simplified(text);
  if (!s) return null;
  let best: LegalForm | null = null;
  let bestAt = Infinity;
  for (const [pattern, form] of LEGAL_FORM_PATTERNS) {
    const at = s.search(pattern);
    if (at >= 0 && at < bestAt) {
      best = form;
      bestAt = at;
    }
  }
  return best;
}

export const CATEGORIES: Record<CategoryId, Label> = {
  catering: { pl: 'Gastronomia i catering', en: 'Food service and catering' },
  cleaning: { pl: 'Sprzątanie', en: 'Cleaning' },
  green_areas: { pl: 'Tereny zielone', en: 'Green areas' },
  construction: { pl: 'Budownictwo i remonty', en: 'Construction and renovation' },
  printing: { pl: 'Poligrafia i druk', en: 'Printing' },
  crafts_gifts: { pl: 'Rękodzieło i upominki', en: 'Crafts and gifts' },
  accommodation_tourism: { pl: 'Noclegi i turystyka', en: 'Accommodation and tourism' },
  laundry: { pl: 'Pralnia', en: 'Laundry' },
  sewing: { pl: 'Szycie i krawiectwo', en: 'Sewing and tailoring' },
  packaging_assembly: { pl: 'Pakowanie i montaż', en: 'Packaging and assembly' },
  transport: { pl: 'Transport', en: 'Transport' },
  care: { pl: 'Usługi opiekuńcze', en: 'Care services' },
  education_training: { pl: 'Edukacja i szkolenia', en: 'Education and training' },
  it: { pl: 'Usługi informatyczne', en: 'IT services' },
  events: { pl: 'Organizacja wydarzeń', en: 'Events' },
  rehabilitation_therapy: { pl: 'Rehabilitacja i terapia', en: 'Rehabilitation and therapy' },
  manufacturing: { pl: 'Produkcja', en: 'Manufacturing' },
  agriculture_food: { pl: 'Rolnictwo i żywność', en: 'Agriculture and food' },
  other: { pl: 'Inne', en: 'Other' },
};

/**
 * Folded keyword stems per category, matched at the start of a word. Only stems that are clear in
 * the real offers are listed; e.g. "opieka" alone is not care ("opieka … terenów zielonych").
 */
const CATEGORY_STEMS: [CategoryId, RegExp][] = [
  [
    'catering',
    /\b(?:gastronom|catering|cateringow|posilk|kulinar|restaurac|kawiarn|klubokawiarn|bistro|bufet|bar mleczn|barek|stolowk|food ?truck|wyzywien|zywieni|obiad|garmaz|tort)/,
  ],
  ['cleaning', /\b(?:sprzat|porzadkow|utrzymani\w* czystosci|mycie okien|czyszczeni)/],
  ['green_areas', /\b(?:zielen|teren\w* zielon|ogrod|pielegnacj\w* zieleni)/],
  ['construction', /\b(?:remont|budowl|wykonczeni|malarsk|prace naprawcz|naprawcz|hydraul|brukars)/],
  ['printing', /\b(?:poligraf|druk|introligat)/],
  ['crafts_gifts', /\b(?:rekodziel|pamiatk|upomink|ceramik|ceramiczn|ozdob|wiklin|wyrob\w* z gliny|oprawa obraz|kompozycj)/],
  ['accommodation_tourism', /\b(?:hotel|nocleg|turyst|pensjonat|agroturyst|wypoczyn)/],
  ['laundry', /\b(?:pralni|pralnicz|pranie|prasowani)/],
  ['sewing', /\b(?:szyc|szwal|krawiec|krawieck|krawiectw|haft|tkack|dziewiar)/],
  ['packaging_assembly', /\b(?:pakowani|konfekcjon|montaz|saszetk)/],
  ['transport', /\b(?:transport|przewoz|przeprowadz)/],
  ['care', /\b(?:opiekunc|opiek\w* nad (?:osob|senior|star|dziec|chor|domem)|dom\w* opieki|asystenc|dziennego pobytu|zlob|senior)/],
  ['education_training', /\b(?:szkoleni|szkoleniow|edukac|kurs)/],
  ['it', /\b(?:informaty|stron\w* (?:internetow|www)|programowani|aplikacj\w* (?:internetow|mobiln)|serwis\w* komputer)/],
  ['events', /\b(?:event|imprez|bankiet|przyjec|konferencj|wydarzen|koncert)/],
  ['rehabilitation_therapy', /\b(?:rehabilit|terapi|terapeut|fizjoterap)/],
  ['manufacturing', /\b(?:produkc|wytwarz|stolar|mebl|podpalk)/],
  ['agriculture_food', /\b(?:rolnic|roln[ey]\b|pasiek|pasieka|miod|warzyw|owoc|szklarn|piekar|przetwor|hodowl|stadnin)/],
];

/** Categories that the offer text clearly names, in vocabulary order. */
export function categoriesFromOffer(offer: string): CategoryId[] {
  const s = simplified(offer);
  if (!s) return [];
  return CATEGORY_STEMS.filter(([, stem]) => stem.test(s)).map(([id]) => id);
}

/** A category given as its code ("catering") or as a label in either language ("Gastronomia i catering"). */
export function parseCategory(text: string): CategoryId | null {
  const code = text.trim().toLowerCase();
  if (Object.hasOwn(CATEGORIES, code)) return code as CategoryId;
  const s = simplified(text);
  for (const [id, label] of Object.entries(CATEGORIES) as [CategoryId, Label][]) {
    if (simplified(label.pl) === s || simplified(label.en) === s) return id;
  }
  return null;
}

export const VOIVODESHIPS: readonly string[] = [
  'dolnośląskie',
  'kujawsko-pomorskie',
  'lubelskie',
  'lubuskie',
  'łódzkie',
  'małopolskie',
  'mazowieckie',
  'opolskie',
  'podkarpackie',
  'podlaskie',
  'pomorskie',
  'śląskie',
  'świętokrzyskie',
  'warmińsko-mazurskie',
  'wielkopolskie',
  'zachodniopomorskie',
];

/** Letters only, folded: "Kujawsko - Pomorskie" and "kujawsko pomorskie" give the same key. */
const voivodeshipKey = (text: string) => fold(text).replace(/[^a-z]/g, '');

// English names (official and common) and the regions' own names people write instead.
const VOIVODESHIP_ALIASES: Record<string, string> = {
  lowersilesia: 'dolnośląskie',
  lowersilesian: 'dolnośląskie',
  dolnyslask: 'dolnośląskie',
  kuyavianpomeranian: 'kujawsko-pomorskie',
  kuyaviapomerania: 'kujawsko-pomorskie',
  lublin: 'lubelskie',
  lubelszczyzna: 'lubelskie',
  lubusz: 'lubuskie',
  lodz: 'łódzkie',
  lesserpoland: 'małopolskie',
  malopolska: 'małopolskie',
  masovian: 'mazowieckie',
  masovia: 'mazowieckie',
  mazowsze: 'mazowieckie',
  opole: 'opolskie',
  opolszczyzna: 'opolskie',
  subcarpathian: 'podkarpackie',
  subcarpathia: 'podkarpackie',
  podkarpacie: 'podkarpackie',
  podlachian: 'podlaskie',
  podlasie: 'podlaskie',
  pomeranian: 'pomorskie',
  pomerania: 'pomorskie',
  pomorze: 'pomorskie',
  silesian: 'śląskie',
  silesia: 'śląskie',
  slask: 'śląskie',
  holycross: 'świętokrzyskie',
  warmianmasurian: 'warmińsko-mazurskie',
  warmiaimazury: 'warmińsko-mazurskie',
  greaterpoland: 'wielkopolskie',
  wielkopolska: 'wielkopolskie',
  westpomeranian: 'zachodniopomorskie',
};

const VOIVODESHIP_BY_KEY = new Map<string, string>([
  ...VOIVODESHIPS.map((v) => [voivodeshipKey(v), v] as [string, string]),
  ...Object.entries(VOIVODESHIP_ALIASES),
]);

// "woj.", "województwo", "voivodeship", "province" around the name.
const VOIVODESHIP_WORDS = /\b(?:woj|wojewodztwo|voivodeship|voivodship|province|region)\b\.?/g;

/** The lower-case Polish name of a voivodeship written in Polish or English, with or without "woj.". */
export function normalizeVoivodeship(text: string): string | null {
  const key = voivodeshipKey(fold(text).replace(VOIVODESHIP_WORDS, ' '));
  return VOIVODESHIP_BY_KEY.get(key) ?? null;
}
