import { defineMessages, plural } from '../define.ts';

// The first-run welcome (app page, standalone app, and its note in the popup). Keys 'welcome.'.
export const welcome = defineMessages(
  {
    'welcome.title': 'Witaj w Radar ES',
    'welcome.lead':
      'Radar ES pomaga znaleźć, sprawdzić, zapisać i zaprosić do współpracy dostawców z ekonomii społecznej: spółdzielnie socjalne, ZAZ, CIS, KIS, WTZ, fundacje i stowarzyszenia, które sprzedają.',
    'welcome.language': 'Język',
    'welcome.reads.title': 'Co czyta rozszerzenie i kiedy',
    'welcome.reads.tabs': 'Adres karty, na której jesteś — żeby zapalić ikonę, gdy strona należy do znanego podmiotu. Adres porównujemy z katalogiem na Twoim komputerze.',
    'welcome.reads.page':
      'Treść strony (NIP, KRS, REGON, e-maile, telefony, charakterystyczne zwroty) — tylko gdy otworzysz okienko Radar ES, albo na każdej stronie, jeśli sam włączysz automatyczne skanowanie w ustawieniach.',
    'welcome.reads.selection': 'Zaznaczony tekst — tylko gdy wybierzesz „Szukaj w Radar ES” z menu pod prawym przyciskiem myszy.',
    'welcome.reads.standalone':
      'Ta wersja aplikacji działa w przeglądarce bez rozszerzenia: nie czyta żadnych stron. Pracuje na katalogu zapisanym na tym komputerze, także bez internetu.',
    'welcome.private.title': 'Co nigdy nie opuszcza komputera',
    'welcome.private.body':
      'Odwiedzane strony, ich treść, zapisani dostawcy, notatki, osoby kontaktowe i listy zostają w tej przeglądarce. Nie ma konta ani serwera Radar ES.',
    'welcome.private.exceptions':
      'Wysyłane jest tylko to, o co sam poprosisz: przy sprawdzeniu podmiotu w rejestrach jego numer KRS lub NIP trafia do oficjalnego rejestru (KRS, biała lista VAT), a udostępniając listę, sam wysyłasz plik komuś.',
    'welcome.data.title': 'Skąd jest katalog',
    'welcome.data.body': (n: number) =>
      plural('pl', n, {
        one: 'W katalogu jest teraz # podmiot.',
        few: 'W katalogu są teraz # podmioty.',
        other: 'W katalogu jest teraz # podmiotów.',
      }) +
      ' Na start dostajesz katalog domyślny: prawdziwe podmioty zebrane z publicznych stron i rejestrów, każdy ze źródłami swoich danych.',
    'welcome.data.about': 'Źródła, daty i pokrycie katalogu',
    'welcome.more.title': 'Jak dodać więcej',
    'welcome.more.import': 'Zaimportuj plik: listę ze swojego regionu (CSV, XLSX), paczkę danych albo odpis z KRS.',
    'welcome.more.importLink': 'Importuj plik',
    'welcome.more.feed': 'Subskrybuj kanał katalogu: wydawca (np. ośrodek wsparcia ekonomii społecznej) publikuje listę, a Radar ES ją odświeża.',
    'welcome.more.feedLink': 'Kanały katalogu',
    'welcome.more.own': 'Dodaj podmiot sam albo z okienka rozszerzenia, gdy jesteś na jego stronie.',
    'welcome.pin.title': 'Przypnij rozszerzenie',
    'welcome.pin.body':
      'Kliknij ikonę puzzla po prawej stronie paska adresu, a potem pinezkę obok „Radar ES”. Ikona będzie zawsze pod ręką i pokaże znak, gdy strona należy do podmiotu z katalogu.',
    'welcome.pin.shortcut': (keys: string) => `Okienko otworzysz też skrótem ${keys}.`,
    'welcome.pin.noShortcut': 'Skrót klawiszowy do okienka możesz ustawić na stronie skrótów rozszerzeń przeglądarki.',
    'welcome.start': 'Zaczynam',
    'welcome.skip': 'Pomiń',
    'welcome.again': 'Ten ekran znajdziesz zawsze w Pomocy.',
    'welcome.popup.note': 'Pierwszy raz? Zobacz, co czyta Radar ES i skąd ma dane.',
    'welcome.popup.open': 'Jak to działa',
    'welcome.popup.dismiss': 'Nie pokazuj więcej',
  },
  {
    'welcome.title': 'Welcome to Radar ES',
    'welcome.lead':
      'Radar ES helps you find, check, save and contact suppliers from the social economy: social cooperatives, ZAZ, CIS, KIS, WTZ, and the foundations and associations that trade.',
    'welcome.language': 'Language',
    'welcome.reads.title': 'What the extension reads, and when',
    'welcome.reads.tabs': 'The address of the tab you are on, to light up its icon when the site belongs to a known entity. The address is compared with the directory on your computer.',
    'welcome.reads.page':
      'The page’s text (NIP, KRS, REGON numbers, e-mails, phones, telling phrases): only when you open the Radar ES window, or on every page if you switch on automatic scanning in the settings yourself.',
    'welcome.reads.selection': 'Selected text: only when you choose “Search Radar ES” from the right-click menu (named in the browser’s language).',
    'welcome.reads.standalone':
      'This version of the app runs in the browser without the extension: it reads no pages. It works on the directory stored on this computer, offline too.',
    'welcome.private.title': 'What never leaves your computer',
    'welcome.private.body':
      'The pages you visit, their contents, your saved suppliers, notes, contact persons and lists stay in this browser. There is no Radar ES account or server.',
    'welcome.private.exceptions':
      'Only what you ask for is sent: checking an entity in the registers sends its KRS number or NIP to the official register (KRS, the VAT white list), and sharing a list means you send a file to someone yourself.',
    'welcome.data.title': 'Where the directory comes from',
    'welcome.data.body': (n: number) =>
      plural('en', n, { one: 'The directory holds # entity now.', other: 'The directory holds # entities now.' }) +
      ' You start with the default directory: real entities compiled from public web pages and registers, each with the sources of its data.',
    'welcome.data.about': 'Sources, dates and coverage of the directory',
    'welcome.more.title': 'How to add more',
    'welcome.more.import': 'Import a file: your region’s list (CSV, XLSX), a data pack or a KRS extract.',
    'welcome.more.importLink': 'Import a file',
    'welcome.more.feed': 'Subscribe to a directory feed: a publisher (e.g. a social economy support centre) publishes a list, and Radar ES keeps it fresh.',
    'welcome.more.feedLink': 'Directory feeds',
    'welcome.more.own': 'Add an entity yourself, or from the extension’s window while you are on its site.',
    'welcome.pin.title': 'Pin the extension',
    'welcome.pin.body':
      'Click the puzzle icon at the right of the address bar, then the pin next to “Radar ES”. The icon stays at hand and shows a mark when a site belongs to an entity in the directory.',
    'welcome.pin.shortcut': (keys: string) => `You can also open its window with ${keys}.`,
    'welcome.pin.noShortcut': 'You can set a keyboard shortcut for its window on the browser’s extension shortcuts page.',
    'welcome.start': 'Get started',
    'welcome.skip': 'Skip',
    'welcome.again': 'You can always find this page again under Help.',
    'welcome.popup.note': 'First time here? See what Radar ES reads and where its data comes from.',
    'welcome.popup.open': 'How it works',
    'welcome.popup.dismiss': 'Don’t show again',
  },
);
