// Extracts from the KRS open API (api-krs.ms.gov.pl, `OdpisAktualny` / `OdpisPelny`, JSON): one
// extract, an array of them, or one per line (NDJSON). A current extract holds plain values; a
// full extract holds every value as a history list ({value, nrWpisuWprow, nrWpisuWykr}) — those
// are collapsed to the values not struck out, so both read the same way below.
import type { EntityDraft } from '../../model/entity.ts';
import type { Entity } from '../../model/types.ts';
import { ImportError } from './errors.ts';

export interface KrsDraft extends EntityDraft {
  /** Public-benefit organisation (OPP) status. */
  opp?: boolean;
  registerStatus?: NonNullable<Entity['registerStatus']>;
  /** The date the extract states the register as of (`stanZDnia`), ISO. */
  asOf?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** Deeper than any extract the register writes (about 8 levels) by far; deeper is refused. */
export const MAX_EXTRACT_DEPTH = 64;

const ENTRY_IN = 'nrWpisuWprow';
const ENTRY_OUT = 'nrWpisuWykr';

function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: Json | undefined): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
}

/**
 * The register's current state of a full-extract subtree: history lists keep their entries that
 * were not struck out (no `nrWpisuWykr`), `{nazwa: X, nrWpisuWprow}` under the key `nazwa` unwraps
 * to X, and a single remaining value is returned on its own. On a current extract this changes
 * nothing but dropping empty values.
 */
export function currentState(node: Json, parentKey?: string, depth = 0): Json {
  // Real extracts nest about 8 levels; a hostile file nested 100,000 deep overflowed the stack.
  if (depth > MAX_EXTRACT_DEPTH) throw new ImportError('krs_invalid', { reason: 'too_deep' });
  if (Array.isArray(node)) {
    const versioned = node.some((x) => isObj(x) && ENTRY_IN in x);
    if (!versioned) return node.map((x) => currentState(x, parentKey, depth + 1)).filter((x) => !isEmpty(x));
    const values: Json[] = [];
    for (const item of node) {
      if (!isObj(item) || !isEmpty(item[ENTRY_OUT])) continue;
      const rest: Obj = {};
      for (const [k, v] of Object.entries(item)) if (k !== ENTRY_IN && k !== ENTRY_OUT && k !== '__proto__') rest[k] = v;
      const keys = Object.keys(rest);
      const value = keys.length === 1 && parentKey !== undefined && keys[0] === parentKey ? currentState(rest[parentKey], parentKey, depth + 1) : currentState(rest, undefined, depth + 1);
      if (!isEmpty(value)) values.push(value);
    }
    return values.length === 0 ? null : values.length === 1 ? values[0] : values;
  }
  if (isObj(node)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '__proto__') continue; // a JSON key, not a prototype: never set on a plain object
      const c = currentState(v, k, depth + 1);
      if (!isEmpty(c)) out[k] = c;
    }
    return out;
  }
  return node;
}

function at(node: Json | undefined, ...path: string[]): Json | undefined {
  let cur = node;
  for (const key of path) {
    if (Array.isArray(cur)) cur = cur[0]; // a history list with more than one valid entry: take the first
    if (!isObj(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Strings at a node: a plain string, a number, or a list of them (full extracts list e-mails). */
function strings(node: Json | undefined): string[] {
  if (node === undefined || node === null) return [];
  if (typeof node === 'string') return node.trim() ? [node.trim()] : [];
  if (typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(strings);
  return [];
}

function str(node: Json | undefined): string | undefined {
  return strings(node)[0];
}

// The register writes places and streets in capitals. Shown in a directory next to entries from
// other sources they read as shouting, so places are put in the usual case: "BIELSKO-BIAŁA" →
// "Bielsko-Biała", "UL. JANA PAWŁA II" → "ul. Jana Pawła II". Names of entities stay as registered.
const LOWER_WORDS = new Set(['nad', 'pod', 'przy', 'w', 'na', 'i', 'z', 'ze', 'ul.', 'al.', 'pl.', 'os.']);
const ROMAN = /^[IVXLC]+$/;

export function placeCase(text: string): string {
  if (text !== text.toUpperCase()) return text; // already mixed case: written by a person, keep it
  return text
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      if (ROMAN.test(word.toUpperCase()) && word.length <= 4 && i > 0) return word.toUpperCase();
      if (LOWER_WORDS.has(word) && (i > 0 || word.endsWith('.'))) return word;
      return word.replace(/(^|[-(„"])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}

/** "DZIAŁALNOŚĆ PRAWNICZA" → "Działalność prawnicza". */
function sentenceCase(text: string): string {
  const lower = text === text.toUpperCase() ? text.toLowerCase() : text;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "08.03.2022" → "2022-03-08"; anything else → undefined (never guessed). */
function isoDate(text: string | undefined): string | undefined {
  const m = text ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim()) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

interface Activity {
  code?: string;
  description?: string;
}

function activities(list: Json | undefined): Activity[] {
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.filter(isObj).map((a) => {
    const [dzial, klasa, podklasa] = [str(a.kodDzial), str(a.kodKlasa), str(a.kodPodklasa)];
    return { code: dzial && klasa && podklasa ? `${dzial}.${klasa}.${podklasa}` : undefined, description: str(a.opis) };
  });
}

const NAME_LIQUIDATION = /\bW (LIKWIDACJI|UPADŁOŚCI)\b/i;

/**
 * Struck off, in liquidation (or bankruptcy, which ends the same way for a buyer), or active.
 * Signals: a struck-off entity's full extract has `stanPozycji` 2 and a deletion entry; dział 6
 * lists liquidation, dissolution and bankruptcy; the register also suffixes the name.
 */
function registerStatus(head: Json | undefined, dzial6: Json | undefined, name: string | undefined): KrsDraft['registerStatus'] {
  const struck = at(head, 'stanPozycji') === 2 || !isEmpty(at(head, 'dataWykreslenia')) || !isEmpty(at(dzial6, 'wykreslenia'));
  if (struck) return 'struck_off';
  const ending = ['likwidacja', 'rozwiazanieUniewaznienie', 'postepowanieUpadlosciowe'].some((k) => !isEmpty(at(dzial6, k)));
  if (ending || (name && NAME_LIQUIDATION.test(name))) return 'liquidation';
  return 'active';
}

function street(adres: Json | undefined): string | undefined {
  const ulica = str(at(adres, 'ulica'));
  const dom = str(at(adres, 'nrDomu'));
  const lokal = str(at(adres, 'nrLokalu'));
  // A village without streets is addressed by its name and the house number.
  const base = ulica ?? (dom ? str(at(adres, 'miejscowosc')) : undefined);
  const parts = [base && placeCase(base), dom && (lokal ? `${dom}/${lokal}` : dom)].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function join(values: string[]): string | undefined {
  return values.length ? values.join('\n') : undefined;
}

/** One extract (the API's whole answer, or its `odpis` object) → a draft. */
export function krsExtractToDraft(extract: Json): KrsDraft {
  const raw = isObj(extract) && isObj(extract.odpis) ? extract.odpis : extract;
  if (!isObj(raw) || !isObj(raw.dane)) throw new ImportError('krs_invalid', { reason: 'no_odpis' });
  const odpis = currentState(raw) as Obj;
  const head = odpis.naglowekA ?? odpis.naglowekP;
  const dzial1 = at(odpis, 'dane', 'dzial1');
  const podmiot = at(dzial1, 'danePodmiotu');
  const siedzibaIAdres = at(dzial1, 'siedzibaIAdres');
  const siedziba = at(siedzibaIAdres, 'siedziba');
  const adres = at(siedzibaIAdres, 'adres');
  const przedmiot = at(odpis, 'dane', 'dzial3', 'przedmiotDzialalnosci');
  const main = activities(at(przedmiot, 'przedmiotPrzewazajacejDzialalnosci'));
  const other = activities(at(przedmiot, 'przedmiotPozostalejDzialalnosci'));
  const krs = str(at(head, 'numerKRS'));
  const register = str(at(head, 'rejestr')) === 'RejS' ? 'S' : 'P';
  const name = str(at(podmiot, 'nazwa'));
  const opp = at(podmiot, 'czyPosiadaStatusOPP');
  const place = (v: Json | undefined): string | undefined => {
    const s = str(v);
    return s && placeCase(s);
  };

  const draft: KrsDraft = {
    name,
    legalForm: str(at(podmiot, 'formaPrawna')),
    krs,
    nip: str(at(podmiot, 'identyfikatory', 'nip')),
    regon: str(at(podmiot, 'identyfikatory', 'regon')),
    street: street(adres),
    postalCode: str(at(adres, 'kodPocztowy')),
    city: place(at(adres, 'miejscowosc')) ?? place(at(siedziba, 'miejscowosc')),
    commune: place(at(siedziba, 'gmina')),
    county: place(at(siedziba, 'powiat')),
    voivodeship: str(at(siedziba, 'wojewodztwo'))?.toLowerCase(),
    // The register writes e-mails in capitals too; mailboxes are case-insensitive in practice.
    email: join(strings(at(siedzibaIAdres, 'adresPocztyElektronicznej')).map((e) => (e === e.toUpperCase() ? e.toLowerCase() : e))),
    website: join(strings(at(siedzibaIAdres, 'adresStronyInternetowej'))),
    offer: join([...main, ...other].map((a) => a.description).filter((d): d is string => !!d).map(sentenceCase).slice(0, 1)),
    pkd: join([...main, ...other].map((a) => a.code).filter((c): c is string => !!c)),
    sources: krs ? `https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/${krs}?rejestr=${register}&format=json` : undefined,
    opp: typeof opp === 'boolean' ? opp : undefined,
    registerStatus: registerStatus(head, at(odpis, 'dane', 'dzial6'), name),
    // A full extract has no `stanZDnia`: it is as of the moment it was made.
    asOf: isoDate(str(at(head, 'stanZDnia')) ?? str(at(head, 'dataCzasOdpisu'))?.slice(0, 10)),
  };
  for (const key of Object.keys(draft) as (keyof KrsDraft)[]) if (draft[key] === undefined) delete draft[key];
  return draft;
}

function parseJson(text: string, line?: number): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new ImportError('krs_invalid', line === undefined ? { reason: 'json' } : { reason: 'json', line });
  }
}

/**
 * A file of KRS extracts → drafts, in file order. A file that is not extracts at all (an HTML
 * maintenance page saved as .json, broken JSON, an object without `odpis`) is refused whole.
 */
export function parseKrsExtracts(text: string): KrsDraft[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new ImportError('empty');
  if (body.startsWith('<')) throw new ImportError('krs_invalid', { reason: 'html' });
  let items: Json[];
  if (body.startsWith('[')) {
    const all = parseJson(body);
    items = Array.isArray(all) ? all : [all];
  } else {
    try {
      items = [JSON.parse(body) as Json];
    } catch {
      // NDJSON: one extract per line.
      items = body.split(/\r?\n/).flatMap((line, i) => (line.trim() ? [parseJson(line, i + 1)] : []));
    }
  }
  return items.map((item, i) => {
    try {
      return krsExtractToDraft(item);
    } catch (e) {
      if (e instanceof ImportError) throw new ImportError(e.code, { ...e.detail, item: i + 1 });
      throw e;
    }
  });
}
