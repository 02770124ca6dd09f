// The SPA's flows, end to end, in both of its homes: the extension's app page and the standalone
// build. Each context gets one browser for the whole file; tests run in order and build on each
// other's data (a real user's session), with names unique to this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { until } from './harness.ts';
import { entityHash, idbCounts, idbPut, idbSetting, resultCount, SAMPLE, startApp, waitForCount, type AppKind, type AppUnderTest } from './spaApp.ts';

const TOTAL = SAMPLE.length;
const ALTERNATYWY = 'krs:0000700353'; // the sample's one entity with a NIP (929-192-89-63)
// Name order as a reader expects it: Polish alphabet, quotes and punctuation ignored („Kobierzyn” under K).
const byName = new Intl.Collator('pl', { ignorePunctuation: true }).compare;

async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Szukaj w katalogu' }).fill(query);
}
function resultLinks(page: Page) {
  return page.getByTestId('results').getByRole('link');
}
/** Opens the first result of a query and returns its entity page. */
async function openFirst(page: Page, query: string, name: RegExp): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/directory'));
  await search(page, query);
  await resultLinks(page).first().filter({ hasText: name }).waitFor();
  await resultLinks(page).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

function flows(kind: AppKind) {
  let app: AppUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startApp(kind);
    page = await app.open('#/directory');
    await waitForCount(page, TOTAL, 'the default directory');
  });
  afterAll(async () => app?.close());

  it('searches as you type: Polish folding, identifiers in any format, facets with counts, all kept in the URL', async () => {
    // "zaklad lysa gora" (no diacritics) finds "…Zakład Aktywności Zawodowej w Łysej Górze".
    await search(page, 'zaklad lysa gora');
    await expect.poll(() => resultLinks(page).first().textContent()).toMatch(/Zakład Aktywności Zawodowej w Łysej Górze/);
    await search(page, '929-192-89-63');
    await expect.poll(() => resultLinks(page).first().textContent()).toMatch(/ALTERNATYWY/);
    await search(page, 'KRS 0000700353');
    await expect.poll(() => resultLinks(page).first().textContent()).toMatch(/ALTERNATYWY/);
    await expect.poll(() => page.url()).toContain('q=KRS+0000700353'); // once typing pauses
    await search(page, '');
    await waitForCount(page, TOTAL, 'an empty query');

    // Facet counts agree with the CSV, counted independently.
    const malopolskie = SAMPLE.filter((r) => r.voivodeship === 'małopolskie');
    const voivodeships = page.getByRole('group', { name: 'Województwo' });
    await expect.poll(() => voivodeships.getByRole('checkbox', { name: /^małopolskie/ }).evaluate((el) => el.closest('label')!.textContent)).toMatch(
      new RegExp(`małopolskie\\s*${malopolskie.length}$`),
    );
    await voivodeships.getByRole('checkbox', { name: /^małopolskie/ }).check();
    await waitForCount(page, malopolskie.length, 'małopolskie');
    const socialCoops = malopolskie.filter((r) => r.legal_form === 'spoldzielnia_socjalna');
    await page.getByRole('group', { name: 'Forma prawna' }).getByRole('checkbox', { name: /^Spółdzielnia socjalna/ }).check();
    await waitForCount(page, socialCoops.length, 'małopolskie social cooperatives');
    await page.getByLabel('Kolejność').selectOption('name');
    const expectedFirst = socialCoops.map((r) => r.name).sort(byName)[0];
    await expect.poll(() => resultLinks(page).first().textContent()).toBe(expectedFirst);
    expect(decodeURIComponent(page.url())).toMatch(/woj=małopolskie.*forma=spoldzielnia_socjalna.*sort=name/);

    // The address is the search: a new tab opened on it shows the same results and ticked boxes.
    const shared = await app.context.newPage();
    await shared.goto(page.url());
    await waitForCount(shared, socialCoops.length, 'the shared search');
    expect(await shared.getByRole('checkbox', { name: /^małopolskie/ }).isChecked()).toBe(true);
    await shared.close();

    // An empty result says what to do, and clearing the filters is one click.
    await search(page, 'qqxxzz');
    await page.getByTestId('empty-state').getByText('Nic nie znaleziono.').waitFor();
    await page.getByTestId('empty-state').getByRole('button', { name: 'Wyczyść filtry' }).click();
    await until(async () => !page.url().includes('woj='), 'filters cleared from the address');
    await search(page, '');
    await waitForCount(page, TOTAL, 'all again');
  });

  it('results use the page\'s scroll (no scroll box), add rows as it reaches the end, and keep their place after an entity', async () => {
    const rows = page.getByTestId('results').locator('li');
    await rows.first().getByRole('link').waitFor();
    // A batch at first, not all 160; the list itself never scrolls, the page does.
    expect(await rows.count()).toBeLessThan(TOTAL);
    const own = await page.getByTestId('results').evaluate((el) => getComputedStyle(el).overflowY);
    expect(own).toBe('visible');
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(TOTAL));
    await until(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return (await rows.last().getAttribute('aria-posinset')) === String(TOTAL);
    }, 'the last row rendered');
    const last = SAMPLE.map((r) => r.name).sort(byName).at(-1)!;
    await expect.poll(() => rows.last().getByRole('link').textContent()).toBe(last);

    // Open one far down, come back: the same row is on screen and focused.
    const link = rows.nth(TOTAL - 3).getByRole('link');
    const name = (await link.textContent())!;
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(500);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByTestId('back-to-results').click();
    await until(async () => (await page.evaluate(() => document.activeElement?.textContent)) === name, 'focus back on the row');
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);
  });

  it('adds an own entity (with reasons next to the field), refuses a duplicate, edits and deletes it', async () => {
    await page.goto(app.url('#/add'));
    await page.getByLabel('Nazwa *').fill('Pracownia Krawiecka Igła');
    await page.getByLabel('NIP').fill('929-192-89-64'); // the real NIP with a wrong check digit
    await page.getByRole('button', { name: 'Dodaj podmiot' }).click();
    await expect.poll(() => page.getByLabel('NIP').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#ef-nip-error').textContent()).toMatch(/Nieprawidłowy NIP/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ef-nip');

    await page.getByLabel('NIP').fill('9291928963'); // valid, but ALTERNATYWY has it
    await page.getByRole('button', { name: 'Dodaj podmiot' }).click();
    await page.getByRole('alert').getByRole('link', { name: /ALTERNATYWY/ }).waitFor();

    await page.getByLabel('NIP').fill('');
    await page.getByLabel('Miejscowość').fill('Gniezno');
    await page.getByLabel('Telefon').fill('603 254 662');
    await page.getByLabel('Szycie i krawiectwo').check();
    await page.getByRole('button', { name: 'Dodaj podmiot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pracownia Krawiecka Igła' }).waitFor();
    await page.getByTestId('own-mark').waitFor();
    await page.getByTestId('entity-card').getByText('+48 603 254 662').waitFor();

    await page.getByRole('button', { name: 'Edytuj dane' }).click();
    const edit = page.getByRole('region', { name: 'Edycja danych podmiotu' });
    await edit.getByLabel('Nazwa *').fill('Pracownia Krawiecka Igła i Nitka');
    await edit.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pracownia Krawiecka Igła i Nitka' }).waitFor();

    // The directory search knows it (the index follows the directory revision).
    await page.goto(app.url('#/directory?q=igla+nitka'));
    await expect.poll(() => resultLinks(page).first().textContent(), { timeout: 10_000 }).toBe('Pracownia Krawiecka Igła i Nitka');
    await resultLinks(page).first().click();

    await page.getByRole('button', { name: 'Usuń podmiot' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Tak, usuń' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor();
    await search(page, 'igla nitka');
    await waitForCount(page, 0, 'the deleted entity');
  });

  it('saves suppliers and moves them through the pipeline with the mouse and the keyboard; tags, rating, follow-up due list', async () => {
    await page.goto(app.url(entityHash(ALTERNATYWY)));
    await page.getByTestId('save-control').getByRole('button', { name: 'Zapisz', exact: true }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Etap' }).inputValue()).toBe('to_contact');
    await page.getByRole('textbox', { name: 'Dodaj tag' }).fill('catering, senior');
    await page.getByRole('button', { name: 'Dodaj tag' }).click();
    await page.getByRole('list', { name: 'Tagi' }).getByText('senior').waitFor();
    await page.locator('label', { has: page.getByRole('radio', { name: '4 z 5' }) }).click();
    await expect.poll(() => page.getByRole('radio', { name: '4 z 5' }).isChecked()).toBe(true);
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    await page.getByLabel('Termin kontaktu').fill(today);

    await openFirst(page, 'kobierzyn', /Kobierzyn/);
    const kobierzyn = decodeURIComponent(page.url().split('#/entity/')[1]);
    await page.getByTestId('save-control').getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByRole('combobox', { name: 'Etap' }).waitFor();

    await page.goto(app.url('#/saved'));
    const column = (status: string) => page.locator(`section[data-status="${status}"]`);
    const card = (id: string) => page.locator(`[data-entity="${id}"]`);
    await column('to_contact').locator(`[data-entity="${ALTERNATYWY}"]`).waitFor();
    await page.getByTestId('due-list').getByText(/ALTERNATYWY/).waitFor();
    expect(await page.getByTestId('due-list').textContent()).toContain('dzisiaj');
    expect(await card(ALTERNATYWY).getByText('★★★★').count()).toBe(1);

    // Mouse: drag the card to "W rozmowach".
    await card(ALTERNATYWY).dragTo(column('in_talks'));
    await column('in_talks').locator(`[data-entity="${ALTERNATYWY}"]`).waitFor();

    // Keyboard: the card's stage select, arrow down = next stage; focus follows the card.
    const select = page.getByRole('combobox', { name: /^Etap: Spółdzielnia Socjalna „Kobierzyn”/ });
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await column('contacted').locator(`[data-entity="${kobierzyn}"]`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-entity]')?.getAttribute('data-entity'))).toBe(kobierzyn);
    await page.keyboard.press('ArrowDown');
    await column('in_talks').locator(`[data-entity="${kobierzyn}"]`).waitFor();

    // Tag filter.
    await page.getByRole('group', { name: 'Tagi' }).getByRole('button', { name: 'senior' }).click();
    await until(async () => (await page.locator('[data-entity]').count()) === 1, 'only the tagged card');
    await page.getByRole('group', { name: 'Tagi' }).getByRole('button', { name: 'Wszystkie' }).click();
    expect(await page.locator('.board [data-entity]').count()).toBe(2);
  });

  it('keeps contact persons, notes and an interaction log per entity; logging a contact moves "to contact" on', async () => {
    await openFirst(page, 'zaklad lysa gora', /Łysej Górze/);
    await page.getByTestId('save-control').getByRole('button', { name: 'Zapisz', exact: true }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Etap' }).inputValue()).toBe('to_contact');

    await page.getByRole('button', { name: 'Dodaj osobę' }).click();
    const form = page.getByRole('form', { name: 'Osoba kontaktowa' });
    await form.getByLabel('Imię i nazwisko').fill('Anna Nowak');
    await form.getByLabel('E-mail').fill('anna.nowak@');
    await form.getByRole('button', { name: 'Zapisz' }).click();
    await form.getByRole('alert').getByText('To nie wygląda na adres e-mail.').waitFor();
    await form.getByLabel('E-mail').fill('anna.nowak@example.pl');
    await form.getByLabel('Telefon').fill('(14) 686 10 30');
    await form.getByRole('button', { name: 'Zapisz' }).click();
    const persons = page.getByTestId('persons');
    await persons.getByRole('link', { name: 'anna.nowak@example.pl' }).waitFor();
    expect(await persons.getByRole('link', { name: '+48 14 686 10 30' }).getAttribute('href')).toBe('tel:+48146861030');
    await persons.getByRole('button', { name: 'Edytuj: Anna Nowak' }).click();
    await page.getByRole('form', { name: 'Osoba kontaktowa' }).getByLabel('Stanowisko').fill('kierowniczka');
    await page.getByRole('form', { name: 'Osoba kontaktowa' }).getByRole('button', { name: 'Zapisz' }).click();
    await persons.getByText('kierowniczka').waitFor();

    await page.getByLabel('Nowa notatka').fill('Mają własny transport.');
    await page.getByRole('button', { name: 'Dodaj notatkę' }).click();
    const notes = page.getByTestId('notes');
    await notes.getByText('Mają własny transport.').waitFor();
    await notes.getByRole('button', { name: 'Edytuj' }).click();
    await page.getByLabel('Treść notatki').fill('Mają własny transport (bus 9 osób).');
    await notes.getByRole('button', { name: 'Zapisz' }).click();
    await notes.getByText('Mają własny transport (bus 9 osób).').waitFor();

    await page.getByRole('button', { name: 'Zapisz kontakt' }).click();
    const log = page.getByRole('form', { name: 'Zapisz kontakt' });
    await log.getByLabel('Forma').selectOption('phone');
    await log.getByLabel('Czego dotyczył').fill('Zapytanie o catering na 40 osób');
    await log.getByLabel('Wynik').fill('Oferta do piątku');
    await log.getByRole('button', { name: 'Zapisz kontakt' }).click();
    const entries = page.getByTestId('interactions');
    await entries.getByText('Zapytanie o catering na 40 osób').waitFor();
    expect(await entries.textContent()).toMatch(/Telefon[\s\S]*Oferta do piątku/);
    // Logging offers the move to "contacted" (the stage was "to contact"); it is one click.
    expect(await page.getByRole('combobox', { name: 'Etap' }).inputValue()).toBe('to_contact');
    await page.getByRole('button', { name: 'Przenieś na „Skontaktowano”' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Etap' }).inputValue()).toBe('contacted');
    await page.getByText('Przeniesiono na etap „Skontaktowano”.').waitFor();
  });

  it('lists: create, describe, add and remove entities, see their status, rename, delete with undo', async () => {
    await page.goto(app.url('#/lists'));
    await page.getByLabel('Nazwa').fill('Catering — Kraków');
    await page.getByLabel('Opis').fill('Na wigilię firmową');
    await page.getByRole('button', { name: 'Utwórz listę' }).click();
    await page.getByRole('link', { name: 'Catering — Kraków' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catering — Kraków' }).waitFor();
    await page.getByText('Na wigilię firmową').waitFor();

    const add = page.getByRole('searchbox', { name: 'Szukaj podmiotu do dodania' });
    await add.fill('kobierzyn');
    await page.getByRole('button', { name: /^Dodaj do listy: .*Kobierzyn/ }).click();
    await add.fill('alternatywy');
    await page.getByRole('button', { name: /^Dodaj do listy: .*ALTERNATYWY/ }).click();
    await add.fill('merchant');
    await page.getByRole('button', { name: /^Dodaj do listy: .*Merchant/ }).click();
    const members = page.getByTestId('members');
    await until(async () => (await members.locator('tbody tr').count()) === 3, 'three members');
    // Status comes from the saved pipeline (both were moved to "in talks" above); Merchant is not saved.
    expect(await members.locator('tr', { hasText: 'Kobierzyn' }).textContent()).toContain('W rozmowach');
    expect(await members.locator('tr', { hasText: 'Merchant' }).textContent()).toContain('niezapisany');
    await page.getByRole('button', { name: /^Usuń z listy: .*Merchant/ }).click();
    await until(async () => (await members.locator('tbody tr').count()) === 2, 'two members');

    await page.getByRole('button', { name: 'Zmień nazwę lub opis' }).click();
    await page.getByLabel('Nazwa').fill('Catering — Małopolska');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catering — Małopolska' }).waitFor();

    // The entity page shows and changes list membership too.
    await page.goto(app.url(entityHash(ALTERNATYWY)));
    const onList = page.getByRole('checkbox', { name: 'Catering — Małopolska' });
    await expect.poll(() => onList.isChecked()).toBe(true);

    await page.goto(app.url('#/lists'));
    await page.getByRole('button', { name: 'Usuń listę Catering — Małopolska' }).click();
    await until(async () => (await page.getByRole('link', { name: 'Catering — Małopolska' }).count()) === 0, 'the list gone');
    await page.getByRole('status').getByRole('button', { name: 'Cofnij' }).click();
    await page.getByRole('link', { name: 'Catering — Małopolska' }).waitFor();
    expect(await page.getByTestId('lists').textContent()).toContain('2 podmioty');
  });

  it('reviews flags newest first: promotes a candidate after editing it, resolves and dismisses flags', async () => {
    const now = Date.now();
    const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const candidateId = 'name:e2e-candidate';
    await idbPut(page, [
      {
        store: 'entities',
        value: {
          id: candidateId, name: 'Nowa Spoldzielnia', legalForm: 'inna', address: {}, domains: ['nowa-spoldzielnia.pl'],
          websites: [], emails: [], phones: [], categories: [], origin: 'user', candidate: true,
          sources: [{ url: 'https://nowa-spoldzielnia.pl/', seenAt: iso(10) }], createdAt: iso(10), updatedAt: iso(10),
          keys: ['name:nowa spoldzielnia|'],
        },
      },
      {
        store: 'flags',
        value: {
          id: 'flag_e2e_candidate', kind: 'candidate', entityId: candidateId, url: 'https://nowa-spoldzielnia.pl/o-nas', domain: 'nowa-spoldzielnia.pl',
          detected: { nips: [], regons: [], krs: [], emails: ['biuro@nowa-spoldzielnia.pl'], phones: ['+48603254662'], phrases: ['spółdzielnia socjalna'], title: 'Nowa Spółdzielnia — o nas' },
          status: 'open', createdAt: iso(10), updatedAt: iso(10),
        },
      },
      { store: 'flags', value: { id: 'flag_e2e_wrong', kind: 'data_wrong', entityId: ALTERNATYWY, note: 'Nieaktualny telefon', status: 'open', createdAt: iso(1), updatedAt: iso(1) } },
      { store: 'flags', value: { id: 'flag_e2e_later', kind: 'follow_up', url: 'https://zwykla-strona.pl/', domain: 'zwykla-strona.pl', status: 'open', createdAt: iso(60), updatedAt: iso(60) } },
      { store: 'settings', value: { key: 'directoryRevision', value: ((await idbSetting(page, 'directoryRevision')) as number) + 1 } },
    ]);
    await page.goto(app.url('#/flags'));
    await page.reload(); // raw writes are not broadcast to Dexie's live queries
    const items = page.getByTestId('flags').locator(':scope > li');
    await until(async () => (await items.count()) === 3, 'three open flags');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['data_wrong', 'candidate', 'follow_up']);

    const candidate = items.filter({ hasText: 'Kandydat do katalogu' });
    await candidate.getByRole('button', { name: 'Przejrzyj i dodaj do katalogu' }).click();
    // The form offers what the page showed; the user corrects it before saving.
    expect(await candidate.getByLabel('E-mail').inputValue()).toBe('biuro@nowa-spoldzielnia.pl');
    expect(await candidate.getByLabel('Strona internetowa').inputValue()).toBe('https://nowa-spoldzielnia.pl');
    await candidate.getByLabel('Nazwa *').fill('Spółdzielnia Socjalna „Nowa”');
    await candidate.getByLabel('Forma prawna').selectOption('spoldzielnia_socjalna');
    await candidate.getByLabel('Miejscowość').fill('Poznań');
    await candidate.getByRole('button', { name: 'Dodaj do katalogu' }).click();
    await until(async () => (await items.count()) === 2, 'the candidate reviewed');

    await items.filter({ hasText: 'Błędne dane' }).getByRole('button', { name: 'Załatwione' }).click();
    await items.filter({ hasText: 'Wrócić później' }).getByRole('button', { name: 'Odrzuć' }).click();
    await page.getByText('Nie ma nic do przejrzenia.').waitFor();
    await page.getByRole('button', { name: 'Załatwione' }).click();
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['data_wrong', 'candidate']);
    await page.getByRole('button', { name: 'Odrzucone' }).click();
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['follow_up']);

    // The promoted candidate is the user's own entity now, and the search finds it.
    await page.goto(app.url(entityHash(candidateId)));
    await page.getByRole('heading', { level: 1, name: 'Spółdzielnia Socjalna „Nowa”' }).waitFor();
    await page.getByTestId('own-mark').waitFor();
    await page.goto(app.url('#/directory?q=nowa+poznan'));
    await expect.poll(() => resultLinks(page).first().textContent(), { timeout: 10_000 }).toBe('Spółdzielnia Socjalna „Nowa”');

    // A flag raised on the entity page lands on top of the review queue. ("Data looks wrong" is a
    // correction applied at once instead: tests/e2e/pageFacts.test.ts.)
    await page.goto(app.url(entityHash(ALTERNATYWY)));
    await page.getByRole('button', { name: 'Zgłoś', exact: true }).click();
    const flagForm = page.getByTestId('flag-form');
    await flagForm.getByRole('radio', { name: 'Wrócić do tego później' }).check();
    await flagForm.getByLabel('Notatka (opcjonalnie)').fill('Zmienił się adres');
    await flagForm.getByRole('button', { name: 'Oznacz' }).click();
    await page.getByTestId('entity-flags').getByText('Zmienił się adres').waitFor();
    await page.goto(app.url('#/flags'));
    await items.first().getByText('Zmienił się adres').waitFor();
  });

  it('settings: language, the user\'s details, storage, keeping data, automatic scanning (extension only)', async () => {
    await page.goto(app.url('#/settings'));
    await page.getByRole('combobox', { name: 'Język' }).selectOption('en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Directory', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Storage' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Katalog', exact: true }).waitFor();

    await page.getByLabel('Imię i nazwisko').fill('Ewa Zielińska');
    await page.getByLabel('Firma').fill('Zielona Kuchnia sp. z o.o.');
    await page.getByLabel('E-mail').fill('ewa@zielonakuchnia.pl');
    await page.getByLabel('Telefon').fill('+48 600 100 200');
    await page.getByLabel('Podpis').fill('Ewa Zielińska\nKierowniczka zakupów');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Zapisano.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Podpis').inputValue()).toBe('Ewa Zielińska\nKierowniczka zakupów');
    expect(await idbSetting(page, 'userCompany')).toBe('Zielona Kuchnia sp. z o.o.');

    await expect.poll(() => page.getByTestId('storage-used').textContent()).toMatch(/^Zajęte: .+ z dostępnych .+\.$/);
    const keep = page.getByRole('button', { name: 'Zachowaj moje dane' });
    if (await keep.count()) {
      await keep.click();
      await page.getByText(/Przeglądarka (nie usunie|na razie odmówiła)/).waitFor();
    } else {
      await page.getByTestId('persisted').waitFor();
    }

    const autoScan = page.getByRole('checkbox', { name: 'Sprawdzaj każdą otwieraną stronę' });
    if (kind === 'standalone') {
      expect(await autoScan.count()).toBe(0);
    } else {
      expect(await autoScan.isChecked()).toBe(false);
      await autoScan.check();
      await until(async () => (await idbSetting(page, 'autoScan')) === true, 'autoScan stored by the background');
      await page.reload();
      await expect.poll(() => autoScan.isChecked()).toBe(true);
    }
  });

  it('a second tab editing the same entity sees the changes live; a reload keeps them, even with an unreadable index cache', async () => {
    const a = page;
    await a.goto(app.url(entityHash(ALTERNATYWY)));
    // Its sources: the default directory by name, and the GitHub file the sample cites, linked there.
    const sources = a.getByTestId('entity-sources');
    await expect.poll(() => sources.locator('li').first().textContent()).toMatch(/^Radar ES — katalog domyślny/);
    expect(await sources.locator('a[href="https://github.com/CzernikSlawek/alternatywy-strona1/blob/HEAD/src/components/Layout/Footer/index.tsx"]').count()).toBe(1);
    const b = await app.open(entityHash(ALTERNATYWY));
    await b.getByRole('combobox', { name: 'Etap' }).waitFor();
    await a.getByLabel('Nowa notatka').fill('Notatka z karty A');
    await a.getByRole('button', { name: 'Dodaj notatkę' }).click();
    await b.getByTestId('notes').getByText('Notatka z karty A').waitFor({ timeout: 5000 });
    await b.getByRole('combobox', { name: 'Etap' }).selectOption('supplier');
    await expect.poll(() => a.getByRole('combobox', { name: 'Etap' }).inputValue()).toBe('supplier');
    expect(await b.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await b.close();
    await a.reload();
    await a.getByTestId('notes').getByText('Notatka z karty A').waitFor();
    await expect.poll(() => a.getByRole('combobox', { name: 'Etap' }).inputValue()).toBe('supplier');

    // After an update, the cached search index may be in a format this version cannot read: the
    // directory is indexed again instead of staying empty.
    const revision = await idbSetting(a, 'directoryRevision');
    await idbPut(a, [{ store: 'blobs', value: { key: 'searchIndex', revision, value: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]).buffer } }]);
    await a.goto(app.url('#/directory?q=alternatywy'));
    await a.reload();
    await expect.poll(() => resultLinks(a).first().textContent(), { timeout: 15_000 }).toMatch(/ALTERNATYWY/);
  });

  it('deletes the directory and reloads the default one by merging (no duplicates); deletes my data atomically even when the tab closes mid-write', async () => {
    await page.goto(app.url('#/settings'));
    await page.getByRole('button', { name: 'Usuń katalog' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Tak, usuń' }).click();
    const status = page.getByTestId('data-status');
    await expect.poll(() => status.textContent()).toMatch(/^Usunięto \d+ podmiot/);
    const deleted = Number((await status.textContent())!.match(/\d+/)![0]);
    // Kept: the user's own entity (the promoted candidate) and every entity with user data on it.
    const [entitiesLeft] = await idbCounts(page, ['entities']);
    expect(deleted + entitiesLeft).toBe(TOTAL + 1);
    expect(entitiesLeft).toBeGreaterThanOrEqual(4); // ALTERNATYWY, Kobierzyn, Łysa Góra, the own one

    await page.getByRole('button', { name: 'Wczytaj ponownie katalog domyślny' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Wczytano katalog/);
    const [added, merged, unchanged] = (await status.textContent())!.match(/\d+/g)!.map(Number);
    expect(added).toBe(deleted);
    expect(added + merged + unchanged).toBe(TOTAL);
    expect((await idbCounts(page, ['entities']))[0]).toBe(TOTAL + 1);
    await page.goto(app.url('#/directory'));
    await waitForCount(page, TOTAL + 1, 'the reloaded directory plus the own entity');

    // Lots of user data, then "delete my data", and the tab closes right after the click.
    const notes = Array.from({ length: 1500 }, (_, i) => ({ store: 'notes', value: { id: `note_bulk_${i}`, entityId: ALTERNATYWY, text: `n${i}`, createdAt: 'x', updatedAt: 'x' } }));
    const persons = Array.from({ length: 1500 }, (_, i) => ({ store: 'persons', value: { id: `person_bulk_${i}`, entityId: ALTERNATYWY, name: `p${i}`, createdAt: 'x', updatedAt: 'x' } }));
    await idbPut(page, [...notes, ...persons]);
    const [notesBefore, personsBefore, savedBefore] = await idbCounts(page, ['notes', 'persons', 'saved']);
    await page.goto(app.url('#/settings'));
    await page.getByRole('button', { name: 'Usuń moje dane' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Tak, usuń' }).click();
    await page.close({ runBeforeUnload: false });

    page = await app.open('#/saved');
    const [notesAfter, personsAfter, savedAfter] = await idbCounts(page, ['notes', 'persons', 'saved']);
    // One transaction: everything went, or nothing did.
    const all = notesAfter === 0 && personsAfter === 0 && savedAfter === 0;
    const none = notesAfter === notesBefore && personsAfter === personsBefore && savedAfter === savedBefore;
    expect(all || none, `notes ${notesAfter}/${notesBefore}, persons ${personsAfter}/${personsBefore}, saved ${savedAfter}`).toBe(true);
    if (none) {
      await page.goto(app.url('#/settings'));
      await page.getByRole('button', { name: 'Usuń moje dane' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Tak, usuń' }).click();
      await page.getByTestId('data-status').getByText('Usunięto Twoje dane.').waitFor();
      await page.goto(app.url('#/saved'));
    }
    await page.getByText(/Nie zapisano jeszcze żadnego dostawcy/).waitFor();
    await page.goto(app.url('#/directory'));
    await waitForCount(page, TOTAL, 'the directory without own entities');
    expect(await resultCount(page)).toBe(TOTAL);
  });
}

describe('SPA in the extension app page', () => flows('extension'));
describe('standalone SPA', () => flows('standalone'));
