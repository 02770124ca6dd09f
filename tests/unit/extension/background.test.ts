// The background's decisions, against the real default directory in fake-indexeddb: which tab
// lights the badge, and where the context menu sends a selection.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { RadarDB } from '../../../shared/db/database.ts';
import { deleteDirectory } from '../../../shared/db/commands/directory.ts';
import { scanText } from '../../../shared/model/scan.ts';
import type { PageHints } from '../../../shared/model/types.ts';
import { decideTab, hasTellingHints } from '../../../extension/background/decide.ts';
import { rawReader } from '../../../shared/db/rawRead.ts';
import { dbWithDirectory } from './directory.ts';

const tabsCreate = vi.fn(async (_: { url: string }) => ({}));
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { create: (o: { url: string }) => tabsCreate(o) },
    runtime: { getURL: (p: string) => `chrome-extension://abc/${p}` },
  },
}));
const { selectionKeys, selectionTarget, handleContextMenuClick, MENU_ID } = await import('../../../extension/background/contextMenu.ts');

/** The fixture page's text as the content script reads it (tags removed, head left out). */
function pageHints(host: string): PageHints {
  const html = readFileSync(new URL(`../../fixtures/sites/${host}/index.html`, import.meta.url), 'utf8');
  return scanText(html.replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, ' '));
}

const none: PageHints = { nips: [], regons: [], krs: [], emails: [], phones: [], phrases: [] };
let db: RadarDB;

beforeAll(async () => {
  db = await dbWithDirectory();
});

describe('decideTab', () => {
  it('a site of a known entity is matched by its domain, on any page and sub-host', async () => {
    const d = await decideTab(rawReader(db.name), 'http://www.pcogito.pl/pokoje?x=1', undefined);
    expect(d.matchedBy).toBe('domain');
    expect(d.domain).toBe('pcogito.pl');
    expect(d.entity?.name).toMatch(/U Pana Cogito/);
  });

  it('a ZAZ on a town subdomain lights, and the town’s own site does not', async () => {
    expect((await decideTab(rawReader(db.name), 'https://zaz.leczna.pl/o-nas', undefined)).entity?.name).toBe('Powiatowy Zakład Aktywności Zawodowej w Łęcznej');
    const town = await decideTab(rawReader(db.name), 'https://www.leczna.pl/', pageHints('www.leczna.pl'));
    expect(town.entity).toBeUndefined();
    expect(hasTellingHints(town.hints)).toBe(false);
  });

  it('a valid NIP of a known entity on an unknown site names the entity; an invalid one names nothing', async () => {
    const hints = pageHints('sklep-alternatywy.pl');
    expect(hints.nips).toEqual(['9291928963']);
    const d = await decideTab(rawReader(db.name), 'http://sklep-alternatywy.pl/', hints);
    expect(d.matchedBy).toBe('nip');
    expect(d.entity?.id).toBe('krs:0000700353');

    const bad = pageHints('nip-bledny.pl');
    expect(bad.nips).toEqual([]);
    expect((await decideTab(rawReader(db.name), 'http://nip-bledny.pl/', bad)).entity).toBeUndefined();
  });

  it('a NIP not in the directory with a telling phrase gives hints, not an entity', async () => {
    const d = await decideTab(rawReader(db.name), 'http://nowa-spoldzielnia.pl/', pageHints('nowa-spoldzielnia.pl'));
    expect(d.entity).toBeUndefined();
    expect(d.hints?.nips).toEqual(['1234563218']);
    expect(hasTellingHints(d.hints)).toBe(true);
  });

  it('recalls an earlier scan only when the domain says nothing', async () => {
    const recall = vi.fn(async () => ({ ...none, nips: ['9291928963'] }));
    expect((await decideTab(rawReader(db.name), 'http://www.pcogito.pl/', undefined, recall)).matchedBy).toBe('domain');
    expect(recall).not.toHaveBeenCalled();
    expect((await decideTab(rawReader(db.name), 'http://sklep-alternatywy.pl/', undefined, recall)).entity?.id).toBe('krs:0000700353');
    expect(recall).toHaveBeenCalledTimes(1);
  });

  it('decides alike from a fresh connection (a cold worker keeps nothing in memory)', async () => {
    expect((await decideTab(rawReader(db.name), 'https://zaz.leczna.pl/', undefined)).entity?.name).toMatch(/Łęcznej/);
  });

  it('follows the directory: after it is deleted, the same tab names nothing', async () => {
    const own = await dbWithDirectory();
    const read = rawReader(own.name);
    expect((await decideTab(read, 'https://zaz.leczna.pl/', undefined)).entity).toBeDefined();
    await deleteDirectory(own);
    expect((await decideTab(read, 'https://zaz.leczna.pl/', undefined)).entity).toBeUndefined();
    expect((await decideTab(read, 'http://x.pl/', { ...none, nips: ['9291928963'] })).entity).toBeUndefined();
  });

  it('browser pages and shared platforms are never matched', async () => {
    for (const url of ['chrome://extensions', 'about:blank', 'https://www.facebook.com/pcogito.pl', undefined]) {
      expect((await decideTab(rawReader(db.name), url, undefined)).entity).toBeUndefined();
    }
  });
});

describe('context menu', () => {
  it('finds identifier keys in a selection, bare or labelled', () => {
    expect(selectionKeys('929-192-89-63')).toContain('nip:9291928963');
    expect(selectionKeys('Dane: NIP 929 192 89 63, tel. 600 100 200')).toEqual(['nip:9291928963']);
    expect(selectionKeys('KRS: 0000700353')[0]).toBe('krs:0000700353');
    expect(selectionKeys('700353')).toContain('krs:0000700353');
    expect(selectionKeys('REGON 368553461')).toContain('regon:368553461');
    expect(selectionKeys('929-192-89-64')).toEqual([]); // wrong check digit
    expect(selectionKeys('catering Kraków')).toEqual([]);
  });

  it('sends a known identifier to its entity and anything else to a search', async () => {
    expect(await selectionTarget(db, ' 929-192-89-63 ')).toBe('app.html#/entity/krs%3A0000700353');
    expect(await selectionTarget(db, 'REGON: 368553461')).toBe('app.html#/entity/krs%3A0000700353');
    expect(await selectionTarget(db, '123-456-32-18')).toBe('app.html#/directory?q=123-456-32-18'); // valid, unknown
    expect(await selectionTarget(db, 'catering\n  Łęczna & okolice')).toBe(`app.html#/directory?q=${encodeURIComponent('catering Łęczna & okolice')}`);
    expect(await selectionTarget(db, '   ')).toBeUndefined();
    expect((await selectionTarget(db, 'x'.repeat(5000)))!.length).toBeLessThan(250);
  });

  it('the click handler opens the app page in a new tab, only for its own menu item', async () => {
    tabsCreate.mockClear();
    await handleContextMenuClick(db, { menuItemId: MENU_ID, selectionText: 'Zielony Zakątek', editable: false, modifiers: [] });
    expect(tabsCreate).toHaveBeenCalledWith({ url: 'chrome-extension://abc/app.html#/directory?q=Zielony%20Zak%C4%85tek' });
    await handleContextMenuClick(db, { menuItemId: 'other', selectionText: 'x', editable: false, modifiers: [] });
    expect(tabsCreate).toHaveBeenCalledTimes(1);
  });
});
