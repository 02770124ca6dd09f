// The follow-up list on the saved page.
import { describe, expect, it } from 'vitest';
import { dueItems, type SavedRow } from '../../../spa/features/saved/due.ts';
import type { PipelineStatus } from '../../../shared/model/types.ts';

const row = (name: string, followUpAt: string | undefined, status: PipelineStatus = 'to_contact'): SavedRow => ({
  name,
  saved: { entityId: name, status, tags: [], followUpAt, createdAt: 'x', updatedAt: 'x' },
});

describe('dueItems', () => {
  it('lists overdue, today and the coming week, earliest first; not later dates, undated or declined ones', () => {
    const rows = [
      row('Później', '2026-12-01'),
      row('Dziś', '2026-11-22'),
      row('Zaległy', '2026-11-02'),
      row('Za tydzień', '2026-11-29'),
      row('Bez daty', undefined),
      row('Odrzucony', '2026-11-20', 'declined'),
      row('Ćma', '2026-11-22'),
    ];
    expect(dueItems(rows, '2026-11-22').map((r) => r.name)).toEqual(['Zaległy', 'Ćma', 'Dziś', 'Za tydzień']);
  });

  it('counts the week across a month and a year end', () => {
    expect(dueItems([row('A', '2027-01-04'), row('B', '2027-01-05')], '2026-12-28').map((r) => r.name)).toEqual(['A']);
  });
});
