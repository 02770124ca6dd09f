// The entities ticked on one page (directory results, saved suppliers). A page owns its selection;
// it is not kept across pages or reloads (a selection is a moment's work, lists keep the result).
import { SvelteSet } from 'svelte/reactivity';

/**
 * At most this many at once: the bulk commands read and write each entity in one transaction, and
 * 5,000 saved records take about a second to write at the measured 2–5k records/s of IndexedDB.
 */
export const MAX_SELECTION = 5000;

export class Selection {
  readonly ids = new SvelteSet<string>();

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  toggle(id: string, on = !this.ids.has(id)): void {
    if (on && this.ids.size < MAX_SELECTION) this.ids.add(id);
    else if (!on) this.ids.delete(id);
  }

  /** Selects these (up to MAX_SELECTION); returns false when some were left out. */
  selectAll(ids: Iterable<string>): boolean {
    for (const id of ids) {
      if (this.ids.size >= MAX_SELECTION) return false;
      this.ids.add(id);
    }
    return true;
  }

  clear(): void {
    this.ids.clear();
  }

  /** Forgets ids no longer on the page (e.g. un-saved elsewhere). */
  keepOnly(present: Set<string>): void {
    for (const id of [...this.ids]) if (!present.has(id)) this.ids.delete(id);
  }

  list(): string[] {
    return [...this.ids];
  }
}
