// Interns the values of a facet (town, county…) as small integer codes; code 0 means "no value".
export class ValueDict {
  readonly values: string[];
  private readonly codes = new Map<string, number>();

  constructor(values: string[] = ['']) {
    this.values = values;
    for (let i = 0; i < values.length; i++) this.codes.set(values[i], i);
  }

  code(value: string | undefined): number {
    if (!value) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** Code of a value, or -1 when no document ever had it (a filter on it matches nothing). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}
