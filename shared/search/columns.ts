// Per-document facet and sort fields kept column-wise in typed arrays: counting facets over 100k
// documents is then a tight loop over numbers, not over objects.
import { CATEGORY_BITS } from './categories.ts';
import { zakupValidUntilDay } from './certificates.ts';
import { PackedStrings, type Strings } from './packed-strings.ts';
import type { SearchDoc } from './types.ts';
import { ValueDict } from './value-dict.ts';

export const FLAG_SOCIAL_ENTERPRISE = 1;
export const FLAG_ANY_CERTIFICATE = 2;

export class DocColumns {
  /** Document slots in use, removed ones included until the next compaction. */
  size = 0;
  capacity: number;
  /** Packed when loaded from a serialized index, unpacked at the first edit. */
  ids: Strings = [];
  names: Strings = [];
  alive: Uint8Array;
  voivodeship: Uint32Array;
  county: Uint32Array;
  city: Uint32Array;
  legalForm: Uint32Array;
  /** Bit set of CategoryId, see categories.ts. */
  categories: Uint32Array;
  flags: Uint8Array;
  /** Last day (days since 1970) a Zakup Prospołeczny certificate is valid, or NO_CERT_DAY. */
  certDay: Int32Array;
  voivodeships = new ValueDict();
  counties = new ValueDict();
  cities = new ValueDict();
  legalForms = new ValueDict();

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.alive = new Uint8Array(this.capacity);
    this.voivodeship = new Uint32Array(this.capacity);
    this.county = new Uint32Array(this.capacity);
    this.city = new Uint32Array(this.capacity);
    this.legalForm = new Uint32Array(this.capacity);
    this.categories = new Uint32Array(this.capacity);
    this.flags = new Uint8Array(this.capacity);
    this.certDay = new Int32Array(this.capacity);
  }

  id(d: number): string {
    return this.ids.at(d)!;
  }

  name(d: number): string {
    return this.names.at(d)!;
  }

  /** The id and name lists as arrays, for editing. */
  private editable(): { ids: string[]; names: string[] } {
    if (this.ids instanceof PackedStrings) this.ids = this.ids.toArray();
    if (this.names instanceof PackedStrings) this.names = this.names.toArray();
    return { ids: this.ids as string[], names: this.names as string[] };
  }

  /** Appends a document and returns its number. */
  push(doc: SearchDoc): number {
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const { ids, names } = this.editable();
    const d = this.size++;
    const a = doc.address ?? {};
    ids[d] = doc.id;
    names[d] = doc.name;
    this.alive[d] = 1;
    this.voivodeship[d] = this.voivodeships.code(a.voivodeship);
    this.county[d] = this.counties.code(a.county);
    this.city[d] = this.cities.code(a.city);
    this.legalForm[d] = this.legalForms.code(doc.legalForm);
    let cats = 0;
    for (const c of doc.categories ?? []) cats |= CATEGORY_BITS.get(c) ?? 0;
    this.categories[d] = cats;
    this.flags[d] =
      (doc.socialEnterpriseStatus?.has ? FLAG_SOCIAL_ENTERPRISE : 0) |
      (doc.certificates?.length ? FLAG_ANY_CERTIFICATE : 0);
    this.certDay[d] = zakupValidUntilDay(doc.certificates);
    return d;
  }

  private grow(capacity: number): void {
    const copy = <T extends Uint8Array | Uint32Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a.subarray(0, this.size));
      return b;
    };
    this.alive = copy(this.alive);
    this.voivodeship = copy(this.voivodeship);
    this.county = copy(this.county);
    this.city = copy(this.city);
    this.legalForm = copy(this.legalForm);
    this.categories = copy(this.categories);
    this.flags = copy(this.flags);
    this.certDay = copy(this.certDay);
    this.capacity = capacity;
  }

  /** Keeps live documents only, in their order; `remap[old]` is the new number or -1. */
  compact(remap: Int32Array): void {
    const { ids, names } = this.editable();
    let n = 0;
    for (let d = 0; d < this.size; d++) {
      const to = remap[d];
      if (to < 0) continue;
      ids[to] = ids[d];
      names[to] = names[d];
      this.alive[to] = 1;
      this.voivodeship[to] = this.voivodeship[d];
      this.county[to] = this.county[d];
      this.city[to] = this.city[d];
      this.legalForm[to] = this.legalForm[d];
      this.categories[to] = this.categories[d];
      this.flags[to] = this.flags[d];
      this.certDay[to] = this.certDay[d];
      n++;
    }
    ids.length = n;
    names.length = n;
    this.alive.fill(0, n, this.size);
    this.size = n;
  }
}
