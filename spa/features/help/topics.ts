// Help pages: short, task-oriented, bundled with the app (nothing is fetched), in Polish and English.
// Each topic is a few steps, each step one thing to do; `links` go to where the task is done. The
// type forces both languages to have the same topics and the same number of steps.
import type { Lang } from '../../../shared/ui/i18n/i18n.svelte.ts';

export const TOPIC_IDS = ['tender', 'check', 'share', 'import-region', 'publish-feed'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export interface TopicText {
  title: string;
  /** One sentence: when this page helps. */
  summary: string;
  steps: string[];
  /** Closing remark (limits, privacy), optional. */
  note?: string;
}

export interface TopicLink {
  /** A hash route of the app; shown only when the page exists in this build (see routeExists). */
  hash: string;
  label: Record<Lang, string>;
}

export interface Topic {
  id: TopicId;
  text: Record<Lang, TopicText>;
  links: TopicLink[];
}

const link = (hash: string, pl: string, en: string): TopicLink => ({ hash, label: { pl, en } });

export const TOPICS: Record<TopicId, Topic> = {
  tender: {
    id: 'tender',
    text: {
      pl: {
        title: 'Znajdź dostawców do przetargu',
        summary: 'Gdy szukasz kilku podmiotów ekonomii społecznej, które mogą złożyć ofertę, np. w zamówieniu zastrzeżonym (art. 94 Pzp) albo z klauzulą społeczną.',
        steps: [
          'W Katalogu wpisz, czego szukasz: „catering”, „sprzątanie”, „druk”. Literówki i odmiana nie przeszkadzają.',
          'Zawęź wyniki: województwo, powiat lub miejscowość, forma prawna (np. spółdzielnia socjalna, ZAZ), oferta.',
          'Jeśli warunki tego wymagają, zaznacz „Status przedsiębiorstwa społecznego” albo „Ważny certyfikat Zakup Prospołeczny”.',
          'Zaznacz pola wyboru przy pasujących wynikach i wybierz „Dodaj do listy” → nowa lista, nazwana jak postępowanie.',
          'Na stronie listy zobaczysz e-maile, telefony i osoby kontaktowe; posortuj kolumny i wydrukuj krótką listę do dokumentacji.',
          'Przed wysłaniem zaproszeń sprawdź podmioty w rejestrach (jednym przyciskiem dla zaznaczonych).',
        ],
        note: 'Katalog jest tak pełny, jak jego źródła: sprawdź w „O danych”, jak dobrze pokryty jest Twój region.',
      },
      en: {
        title: 'Find suppliers for a tender',
        summary: 'When you need several social economy entities that can bid, e.g. for a reserved contract (art. 94 of the Polish procurement law) or one with a social clause.',
        steps: [
          'In the Directory, type what you buy: “catering”, “sprzątanie” (cleaning), “druk” (printing). Typos and Polish word endings are fine.',
          'Narrow the results: voivodeship, county or town, legal form (e.g. social cooperative, ZAZ), offer.',
          'Where the terms ask for it, tick “Social enterprise status” or “Valid Zakup Prospołeczny certificate”.',
          'Tick the checkboxes of the results that fit and choose “Add to list” → a new list named after the tender.',
          'The list’s page shows e-mails, phones and contact persons; sort any column and print the shortlist for the file.',
          'Before sending invitations, check the entities in the registers (one button for the selection).',
        ],
        note: 'The directory is as complete as its sources: see “About the data” for how well your region is covered.',
      },
    },
    links: [link('#/directory', 'Katalog', 'Directory'), link('#/lists', 'Listy', 'Lists'), link('#/about', 'O danych', 'About the data')],
  },
  check: {
    id: 'check',
    text: {
      pl: {
        title: 'Sprawdź dostawcę',
        summary: 'Zanim zaprosisz podmiot do oferty albo podpiszesz umowę.',
        steps: [
          'Otwórz podmiot w Katalogu albo kliknij ikonę Radar ES na jego stronie.',
          'Przejrzyj identyfikatory (NIP, KRS, REGON), źródła danych z datami i certyfikaty z terminem ważności.',
          'Wybierz „Sprawdź w rejestrach”: KRS pokaże stan wpisu (likwidacja, wykreślenie, status OPP), biała lista VAT — status podatnika.',
          'Różnice między rejestrem a katalogiem zobaczysz obok siebie i sam zdecydujesz, które wartości przyjąć.',
          'Coś się nie zgadza? Wybierz „Oznacz” → „Dane wyglądają na błędne”; podmiot dodany przez siebie poprawisz w „Edytuj dane”.',
        ],
        note: 'Do rejestru trafia tylko numer KRS lub NIP sprawdzanego podmiotu — nic o Tobie ani o tym, co przeglądasz.',
      },
      en: {
        title: 'Check a supplier',
        summary: 'Before you invite an entity to bid or sign a contract.',
        steps: [
          'Open the entity in the Directory, or click the Radar ES icon on its web site.',
          'Look at its identifiers (NIP, KRS, REGON), the sources of its data with their dates, and certificates with their expiry.',
          'Choose “Check in the registers”: KRS shows the state of the entry (liquidation, struck off, public-benefit status), the VAT white list the taxpayer status.',
          'Differences between the register and the directory are shown side by side; you decide which values to take.',
          'Something off? Choose “Flag” → “The data looks wrong”; an entity you added yourself can be corrected under “Edit details”.',
        ],
        note: 'Only the KRS number or NIP of the entity checked goes to the register — nothing about you or what you browse.',
      },
    },
    links: [link('#/directory', 'Katalog', 'Directory'), link('#/flags', 'Do przejrzenia', 'To review')],
  },
  share: {
    id: 'share',
    text: {
      pl: {
        title: 'Udostępnij listę',
        summary: 'Gdy koleżanka z zakupów albo komisja przetargowa ma zobaczyć tę samą krótką listę.',
        steps: [
          'Otwórz listę (Listy → nazwa listy) i wybierz „Udostępnij lub eksportuj…”.',
          'Paczka listy otworzy się w Radar ES u odbiorcy; CSV otworzysz w arkuszu; vCard doda kontakty do telefonu.',
          'Swoje notatki, etapy i historię kontaktów dołączasz tylko, gdy to zaznaczysz.',
          'Krótką listę możesz też wydrukować („Drukuj krótką listę”) albo pokazać jako kod QR do zeskanowania telefonem.',
          'Odbiorca wybiera Import → plik (albo zdjęcie kodów QR). Zanim cokolwiek zapisze, zobaczy podgląd.',
        ],
        note: 'Radar ES niczego nie wysyła sam: plik przekazujesz, jak chcesz (e-mail, komunikator, pendrive).',
      },
      en: {
        title: 'Share a list',
        summary: 'When a colleague in purchasing or the tender committee should see the same shortlist.',
        steps: [
          'Open the list (Lists → the list’s name) and choose “Share or export…”.',
          'A list package opens in the recipient’s Radar ES; a CSV opens in a spreadsheet; a vCard adds the contacts to a phone.',
          'Your notes, stages and contact log go along only when you tick it.',
          'You can also print the shortlist (“Print shortlist”) or show it as QR codes to scan with a phone.',
          'The recipient chooses Import → the file (or a picture of the QR codes). They see a preview before anything is saved.',
        ],
        note: 'Radar ES sends nothing by itself: you pass the file on as you like (e-mail, messenger, USB stick).',
      },
    },
    links: [link('#/lists', 'Listy', 'Lists'), link('#/import', 'Import', 'Import')],
  },
  'import-region': {
    id: 'import-region',
    text: {
      pl: {
        title: 'Zaimportuj listę swojego regionu',
        summary: 'Gdy w katalogu brakuje podmiotów z Twojej okolicy.',
        steps: [
          'Zdobądź listę: ośrodki wsparcia ekonomii społecznej (OWES) i regionalne ośrodki polityki społecznej (ROPS) publikują wykazy PES, urząd wojewódzki — rejestr ZAZ, ministerstwo — wykaz przedsiębiorstw społecznych.',
          'Zapisz ją jako CSV lub XLSX (albo pobierz paczkę danych Radar ES) i wybierz Import → plik.',
          'Sprawdź, jak kolumny pliku przypisano do pól (nazwa, NIP, miejscowość, e-mail…), i popraw, co trzeba.',
          'Zaimportuj. Podmioty już znane są łączone po NIP, KRS, REGON albo nazwie i miejscowości — nic się nie dubluje, Twoje notatki zostają.',
          'Odrzucone wiersze zobaczysz z powodem i pobierzesz jako plik do poprawienia.',
        ],
        note: 'Po imporcie „O danych” pokaże, ile podmiotów z Twojego województwa ma kontakt i identyfikatory.',
      },
      en: {
        title: 'Import your region’s list',
        summary: 'When the directory is missing entities from your area.',
        steps: [
          'Get a list: social economy support centres (OWES) and regional social policy centres (ROPS) publish lists of PES, the voivode’s office the register of ZAZ, the ministry the list of social enterprises.',
          'Save it as CSV or XLSX (or download a Radar ES data pack) and choose Import → the file.',
          'Check how the file’s columns were matched to fields (name, NIP, town, e-mail…) and fix what needs it.',
          'Import. Entities already known are merged by NIP, KRS, REGON or name and town — nothing is duplicated, your notes stay.',
          'Rejected rows are listed with the reason and can be downloaded as a file to fix.',
        ],
        note: 'After the import, “About the data” shows how many entities of your voivodeship have contact data and identifiers.',
      },
    },
    links: [link('#/import', 'Import', 'Import'), link('#/about', 'O danych', 'About the data'), link('#/feeds', 'Kanały katalogu', 'Directory feeds')],
  },
  'publish-feed': {
    id: 'publish-feed',
    text: {
      pl: {
        title: 'Opublikuj kanał katalogu',
        summary: 'Dla wydawców list (OWES, ROPS, gmina): żeby kupujący mieli Twoją listę zawsze aktualną.',
        steps: [
          'Przygotuj listę jako paczkę danych Radar ES (JSON, opis formatu: docs/data-pack.md) albo CSV z kolumnami katalogu domyślnego.',
          'Podaj w niej wydawcę, kontakt do poprawek, licencję (np. CC BY 4.0) i datę aktualizacji.',
          'Opublikuj plik pod stałym adresem https na swojej stronie i podmieniaj go przy każdej aktualizacji.',
          'Daj kupującym link subskrypcji: adres aplikacji z #/feeds?add= i adresem pliku. Radar ES sprawdza plik, zanim cokolwiek zapisze.',
        ],
        note: 'Każda wartość wskazuje swoje źródło, więc podawaj w danych strony, z których je wziąłeś.',
      },
      en: {
        title: 'Publish a directory feed',
        summary: 'For publishers of lists (OWES, ROPS, a municipality): so buyers always have your list up to date.',
        steps: [
          'Prepare the list as a Radar ES data pack (JSON, the format is described in docs/data-pack.md) or a CSV with the default directory’s columns.',
          'State in it the publisher, a contact for corrections, the licence (e.g. CC BY 4.0) and the date of the update.',
          'Publish the file at a stable https address on your site and replace it with every update.',
          'Give buyers the subscription link: the app’s address with #/feeds?add= and the file’s address. Radar ES checks the file before it writes anything.',
        ],
        note: 'Every value points to its source, so give the pages you took the data from.',
      },
    },
    links: [link('#/feeds', 'Kanały katalogu', 'Directory feeds'), link('#/about', 'O danych', 'About the data')],
  },
};

export function isTopicId(id: string | undefined): id is TopicId {
  return !!id && (TOPIC_IDS as readonly string[]).includes(id);
}
