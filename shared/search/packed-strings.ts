// Many strings stored as one text plus end offsets. Loading 100k ids and names and 250k dictionary
// words this way is one UTF-8 decode, where JSON.parse would build every string up front; a string is
// cut out only when it is read.

/** What the index reads from a list of strings: a plain array or a packed list. */
export interface Strings {
  readonly length: number;
  at(i: number): string | undefined;
}

export class PackedStrings implements Strings {
  constructor(
    /** All strings, concatenated. */
    readonly text: string,
    /** ends[i] = offset (UTF-16 units) just past string i. */
    readonly ends: Uint32Array,
  ) {}

  static from(list: Strings): PackedStrings {
    if (list instanceof PackedStrings) return list;
    const ends = new Uint32Array(list.length);
    const parts = new Array<string>(list.length);
    let end = 0;
    for (let i = 0; i < list.length; i++) {
      parts[i] = list.at(i)!;
      ends[i] = end += parts[i].length;
    }
    return new PackedStrings(parts.join(''), ends);
  }

  get length(): number {
    return this.ends.length;
  }

  at(i: number): string | undefined {
    if (i < 0 || i >= this.ends.length) return undefined;
    return this.text.slice(i > 0 ? this.ends[i - 1] : 0, this.ends[i]);
  }

  toArray(): string[] {
    const out = new Array<string>(this.ends.length);
    for (let i = 0, start = 0; i < out.length; i++) out[i] = this.text.slice(start, (start = this.ends[i]));
    return out;
  }
}
