/** Random ids for user records (lists, persons, notes, flags…): unique across devices for sharing. */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID()}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
