// Corrections a subscriber sends back to a feed's publisher: the flags raised on the feed's
// entities ("data wrong", "not a social economy entity", "follow up") and the candidates found
// while browsing in the feed's regions. As a CSV (semicolon, BOM, formula-guarded: opens right in
// Polish Excel) and as a list package (docs/list-package.md) the publisher can import. Pure.
import type { Entity, FeedSubscription, Flag } from '../../model/types.ts';
import { toCsv } from '../csvSafe.ts';
import { writeListPackage } from '../share/listPackage.ts';

export interface CorrectionItem {
  entity: Entity;
  flag: Flag;
}

const KIND: Record<Flag['kind'], { pl: string; en: string }> = {
  data_wrong: { pl: 'błędne dane', en: 'data wrong' },
  not_pes: { pl: 'to nie jest podmiot ekonomii społecznej', en: 'not a social economy entity' },
  follow_up: { pl: 'do sprawdzenia', en: 'to check' },
  candidate: { pl: 'nowy podmiot (kandydat)', en: 'new entity (candidate)' },
};

const web = (u: string | undefined) => (u && /^https?:\/\//i.test(u) ? u : '');

export function correctionsCsv(items: CorrectionItem[], lang: 'pl' | 'en'): string {
  const head =
    lang === 'pl'
      ? ['zgłoszenie', 'nazwa', 'KRS', 'NIP', 'REGON', 'miejscowość', 'województwo', 'strony www', 'uwaga', 'strona, na której zgłoszono', 'data']
      : ['report', 'name', 'KRS', 'NIP', 'REGON', 'town', 'voivodeship', 'websites', 'note', 'page it was raised on', 'date'];
  const rows = items.map(({ entity: e, flag: f }) => [
    KIND[f.kind][lang],
    e.name,
    e.krs ?? '',
    e.nip ?? '',
    e.regon ?? '',
    e.address.city ?? '',
    e.address.voivodeship ?? '',
    e.websites.join(' '),
    f.note ?? '',
    web(f.url),
    f.createdAt.slice(0, 10),
  ]);
  return toCsv([head, ...rows], { delimiter: ';', bom: true });
}

export function correctionsPackage(
  items: CorrectionItem[],
  feed: Pick<FeedSubscription, 'publisher'>,
  opts: { exportedAt: string; exporter?: { name?: string; company?: string } },
): string {
  const entities = [...new Map(items.map((i) => [i.entity.id, i.entity])).values()];
  return writeListPackage({
    list: { name: `Poprawki dla: ${feed.publisher}`, description: 'Zgłoszenia użytkownika Radar ES (notatki przy podmiotach).' },
    entities,
    persons: [],
    exporter: opts.exporter,
    includePrivate: true,
    notes: items.map(({ entity, flag }) => ({
      id: `note_${flag.id}`,
      entityId: entity.id,
      text: `${KIND[flag.kind].pl}${flag.note ? `: ${flag.note}` : ''}${web(flag.url) ? ` (${web(flag.url)})` : ''}`,
      createdAt: flag.createdAt,
      updatedAt: flag.updatedAt,
    })),
    saved: [],
    interactions: [],
    exportedAt: opts.exportedAt,
  });
}

/** The e-mail's subject and body; mailto cannot attach a file, so the body says to attach it. */
export function correctionsMail(feed: Pick<FeedSubscription, 'publisher' | 'contact'>, count: number, fileName: string): string | undefined {
  if (!/^[^\s@<>"?&]+@[^\s@<>"?&]+\.[a-z]{2,}$/i.test(feed.contact)) return undefined;
  const subject = `Radar ES: poprawki do katalogu „${feed.publisher}” (${count})`;
  const body =
    `Dzień dobry,\n\nprzesyłam ${count} zgłoszeń dotyczących podmiotów z Państwa katalogu ` +
    `(błędne dane, podmioty, które nie są PES, nowe podmioty).\n\n` +
    `Proszę o dołączenie pliku: ${fileName} (pobrany właśnie przez Radar ES) — program pocztowy nie dołącza go sam.\n\nPozdrawiam`;
  return `mailto:${feed.contact}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
