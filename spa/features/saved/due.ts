// What is due: saved suppliers whose follow-up date has come (overdue first), then the coming week.
import type { Saved } from '../../../shared/model/types.ts';
import { byPolish } from '../../lib/labels.ts';

export interface SavedRow {
  saved: Saved;
  name: string;
  city?: string;
  /** First e-mail, phone and contact person, for the table view. */
  email?: string;
  phone?: string;
  person?: string;
}

/** Days ahead that still count as "coming up". */
export const DUE_AHEAD_DAYS = 7;

function addDays(isoDate: string, days: number): string {
  const d = new Date(isoDate + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Rows with a follow-up date up to a week from `today` (YYYY-MM-DD), earliest first. */
export function dueItems(rows: SavedRow[], today: string): SavedRow[] {
  const horizon = addDays(today, DUE_AHEAD_DAYS);
  return rows
    .filter((r) => r.saved.followUpAt && r.saved.followUpAt.slice(0, 10) <= horizon && r.saved.status !== 'declined')
    .sort((a, b) => a.saved.followUpAt!.localeCompare(b.saved.followUpAt!) || byPolish(a.name, b.name));
}
