import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateFromPage, cleanPageTitle, suggestedName } from '../../../shared/model/candidate.ts';
import { scanText } from '../../../shared/model/scan.ts';
import type { PageHints } from '../../../shared/model/types.ts';

const NOW = '2026-11-22T10:00:00.000Z';
const empty: PageHints = { nips: [], regons: [], krs: [], emails: [], phones: [], phrases: [] };

/** The fixture page as the content script would see it: body text and the og:title. */
function fixtureHints(host: string): PageHints {
  const html = readFileSync(new URL(`../../fixtures/sites/${host}/index.html`, import.meta.url), 'utf8');
  const body = html.replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, ' ');
  const og = /property="og:title" content="([^"]*)"/.exec(html)?.[1];
  const site = /property="og:site_name" content="([^"]*)"/.exec(html)?.[1];
  return { ...scanText(body), title: og, siteName: site };
}

describe('cleanPageTitle', () => {
  it.each([
    ['Spółdzielnia Socjalna Zielony Zakątek – Strona główna', 'Spółdzielnia Socjalna Zielony Zakątek'],
    ['Strona główna | Fundacja Dom', 'Fundacja Dom'],
    ['Home - ZAZ w Łęcznej - Start', 'ZAZ w Łęcznej'],
    ['Witamy :: Stowarzyszenie „Tęcza” » Kontakt', 'Stowarzyszenie „Tęcza”'],
    ['Spółdzielnia Socjalna - Zielony Zakątek', 'Spółdzielnia Socjalna - Zielony Zakątek'],
    ['  Pensjonat\n  U Pana Cogito  ', 'Pensjonat U Pana Cogito'],
    ['STRONA GŁÓWNA', ''],
    [undefined, ''],
  ])('%j → %j', (title, name) => {
    expect(cleanPageTitle(title)).toBe(name);
  });

  it('falls back to the site name, then to the domain', () => {
    expect(suggestedName({ title: 'Strona główna', siteName: 'Zielony Zakątek' }, 'https://x.pl/')).toBe('Zielony Zakątek');
    expect(suggestedName({ title: 'Home' }, 'https://www.zielony-zakatek.pl/o-nas')).toBe('zielony-zakatek.pl');
  });
});

describe('candidateFromPage', () => {
  it('builds a candidate from the nowa-spoldzielnia.pl fixture page', () => {
    const hints = fixtureHints('nowa-spoldzielnia.pl');
    const e = candidateFromPage(hints, 'https://www.nowa-spoldzielnia.pl/kontakt?utm_source=x#top', NOW);
    expect(e).toMatchObject({
      id: 'nip:1234563218',
      name: 'Spółdzielnia Socjalna „Zielony Zakątek”',
      legalForm: 'spoldzielnia_socjalna',
      nip: '1234563218',
      domains: ['nowa-spoldzielnia.pl'],
      websites: ['https://www.nowa-spoldzielnia.pl/'],
      emails: ['kontakt@zielony-zakatek.pl'],
      phones: ['+48815551234'],
      origin: 'user',
      candidate: true,
      createdAt: NOW,
      updatedAt: NOW,
    });
    // The source is the page without its query and fragment (they can carry personal data).
    expect(e.sources).toEqual([{ url: 'https://www.nowa-spoldzielnia.pl/kontakt', seenAt: '2026-11-22', label: 'Zielony Zakątek' }]);
    expect(e.fieldSources).toMatchObject({ name: 'https://www.nowa-spoldzielnia.pl/kontakt', nip: 'https://www.nowa-spoldzielnia.pl/kontakt' });
  });

  it('takes the edited name, marks it as the user’s, and derives the id from it when there is no identifier', () => {
    const hints = { ...empty, title: 'Blog – Strona główna', phrases: ['centrum integracji społecznej'] };
    const e = candidateFromPage(hints, 'https://cis.example-gmina.pl/', NOW, { name: '  CIS   w Gminie X ' });
    expect(e.name).toBe('CIS w Gminie X');
    expect(e.legalForm).toBe('cis');
    expect(e.id).toMatch(/^name:[0-9a-f]{14}$/);
    expect(e.fieldSources?.name).toBe('user:');
    expect(e.domains).toEqual(['cis.example-gmina.pl']);
  });

  it('never claims a shared platform as the entity’s domain', () => {
    const e = candidateFromPage({ ...empty, title: 'Fundacja X | Facebook' }, 'https://www.facebook.com/fundacjax?ref=1', NOW);
    expect(e.domains).toEqual([]);
    expect(e.websites).toEqual(['https://www.facebook.com/fundacjax']);
    expect(e.legalForm).toBe('fundacja');
  });

  it('drops invalid identifiers, numbers and addresses that do not normalise', () => {
    const hints: PageHints = { ...empty, nips: ['9291928964'], regons: ['123456789'], krs: ['0000000000'], emails: ['not-an-email'], phones: ['12'], title: 'Firma' };
    const e = candidateFromPage(hints, 'https://firma.pl/', NOW);
    expect(e.nip).toBeUndefined();
    expect(e.regon).toBeUndefined();
    expect(e.krs).toBeUndefined();
    expect(e.emails).toEqual([]);
    expect(e.phones).toEqual([]);
    expect(e.legalForm).toBe('inna');
  });

  it('keeps a hostile title as inert text', () => {
    const title = '<img src=x onerror="window.__pwned=1"> Spółdzielnia';
    const e = candidateFromPage({ ...empty, title }, 'https://wrogi-tytul.pl/', NOW);
    expect(e.name).toBe(title);
  });
});
