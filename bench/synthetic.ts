// SYNTHETIC directory data for benchmarks and large-scale tests. Every record says so in its
// `sources` (url `synthetic:radar-es-bench`); none of them is a real organisation, although the
// towns, counties, voivodeships, legal forms and offer phrases are real Polish ones so that search,
// facets and imports behave as they would on real data.
//
// Deterministic: one seeded PRNG walks the records in order, so entity #k is the same for every
// `count > k` (a 10k test set is the first tenth of the 100k benchmark set).
import Papa from 'papaparse';
import type { CategoryId, Certificate, Entity, LegalForm } from '../shared/model/types.ts';
import { foldedWords } from '../shared/model/fold.ts';

export const SYNTHETIC_SOURCE_URL = 'synthetic:radar-es-bench';
export const SYNTHETIC_LABEL = 'SYNTHETIC — generated test data, not a real organisation';
/** A fixed date, not "today": the same seed must give the same records on every day. */
const SEEN_AT = '2025-06-30';

/** Small, fast, seedable PRNG (mulberry32); Math.random cannot be seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- Places: real towns with their real county (powiat) and voivodeship. A city with county rights
// is its own county (named like the city), as in the sample CSV ("Tarnów"). Weight ≈ how many entities
// a town gets relative to a small town.
interface Town { city: string; county: string; voivodeship: string; weight: number }

const TOWN_TABLE: Record<string, string> = {
  'mazowieckie': 'Warszawa=Warszawa*12|Radom=Radom*3|Płock=Płock*2|Siedlce=Siedlce|Ostrołęka=Ostrołęka|Mława=mławski|Pruszków=pruszkowski|Legionowo=legionowski|Otwock=otwocki|Piaseczno=piaseczyński|Wołomin=wołomiński|Mińsk Mazowiecki=miński|Ciechanów=ciechanowski|Sochaczew=sochaczewski|Żyrardów=żyrardowski|Grodzisk Mazowiecki=grodziski|Garwolin=garwoliński|Pułtusk=pułtuski|Węgrów=węgrowski',
  'małopolskie': 'Kraków=Kraków*8|Tarnów=Tarnów*2|Nowy Sącz=Nowy Sącz*2|Oświęcim=oświęcimski|Nowy Targ=nowotarski|Zakopane=tatrzański|Gorlice=gorlicki|Bochnia=bocheński|Wadowice=wadowicki|Myślenice=myślenicki|Olkusz=olkuski|Chrzanów=chrzanowski|Miechów=miechowski|Proszowice=proszowicki|Limanowa=limanowski|Wieliczka=wielicki',
  'śląskie': 'Katowice=Katowice*4|Częstochowa=Częstochowa*2|Sosnowiec=Sosnowiec*2|Gliwice=Gliwice*2|Zabrze=Zabrze*2|Bielsko-Biała=Bielsko-Biała*2|Bytom=Bytom*2|Rybnik=Rybnik*2|Ruda Śląska=Ruda Śląska|Tychy=Tychy|Dąbrowa Górnicza=Dąbrowa Górnicza|Chorzów=Chorzów|Jaworzno=Jaworzno|Jastrzębie-Zdrój=Jastrzębie-Zdrój|Wodzisław Śląski=wodzisławski|Cieszyn=cieszyński|Racibórz=raciborski|Pszczyna=pszczyński|Będzin=będziński|Zawiercie=zawierciański|Lubliniec=lubliniecki|Tarnowskie Góry=tarnogórski|Żywiec=żywiecki|Mikołów=mikołowski',
  'dolnośląskie': 'Wrocław=Wrocław*6|Wałbrzych=Wałbrzych*2|Legnica=Legnica*2|Jelenia Góra=Jelenia Góra|Świdnica=świdnicki|Głogów=głogowski|Lubin=lubiński|Bolesławiec=bolesławiecki|Oleśnica=oleśnicki|Oława=oławski|Dzierżoniów=dzierżoniowski|Kłodzko=kłodzki|Zgorzelec=zgorzelecki|Jawor=jaworski|Trzebnica=trzebnicki|Milicz=milicki',
  'wielkopolskie': 'Poznań=Poznań*6|Kalisz=Kalisz*2|Konin=Konin*2|Leszno=Leszno|Gniezno=gnieźnieński|Piła=pilski|Ostrów Wielkopolski=ostrowski|Września=wrzesiński|Śrem=śremski|Kościan=kościański|Turek=turecki|Koło=kolski|Jarocin=jarociński|Krotoszyn=krotoszyński|Środa Wielkopolska=średzki|Oborniki=obornicki|Chodzież=chodzieski',
  'łódzkie': 'Łódź=Łódź*7|Piotrków Trybunalski=Piotrków Trybunalski*2|Skierniewice=Skierniewice|Pabianice=pabianicki|Tomaszów Mazowiecki=tomaszowski|Bełchatów=bełchatowski|Zgierz=zgierski|Kutno=kutnowski|Radomsko=radomszczański|Sieradz=sieradzki|Łowicz=łowicki|Zduńska Wola=zduńskowolski|Wieluń=wieluński|Łęczyca=łęczycki|Opoczno=opoczyński',
  'pomorskie': 'Gdańsk=Gdańsk*5|Gdynia=Gdynia*3|Słupsk=Słupsk*2|Sopot=Sopot|Wejherowo=wejherowski|Starogard Gdański=starogardzki|Tczew=tczewski|Chojnice=chojnicki|Malbork=malborski|Kwidzyn=kwidzyński|Lębork=lęborski|Kościerzyna=kościerski|Bytów=bytowski|Kartuzy=kartuski|Puck=pucki',
  'lubelskie': 'Lublin=Lublin*5|Chełm=Chełm*2|Zamość=Zamość*2|Biała Podlaska=Biała Podlaska*2|Puławy=puławski|Świdnik=świdnicki|Kraśnik=kraśnicki|Łuków=łukowski|Łęczna=łęczyński|Hrubieszów=hrubieszowski|Krasnystaw=krasnostawski|Biłgoraj=biłgorajski|Lubartów=lubartowski|Tomaszów Lubelski=tomaszowski|Włodawa=włodawski',
  'podkarpackie': 'Rzeszów=Rzeszów*4|Przemyśl=Przemyśl*2|Krosno=Krosno*2|Tarnobrzeg=Tarnobrzeg|Stalowa Wola=stalowowolski|Mielec=mielecki|Dębica=dębicki|Jasło=jasielski|Sanok=sanocki|Jarosław=jarosławski|Przeworsk=przeworski|Łańcut=łańcucki|Ropczyce=ropczycko-sędziszowski|Lesko=leski|Ustrzyki Dolne=bieszczadzki',
  'kujawsko-pomorskie': 'Bydgoszcz=Bydgoszcz*5|Toruń=Toruń*4|Włocławek=Włocławek*2|Grudziądz=Grudziądz*2|Inowrocław=inowrocławski|Brodnica=brodnicki|Świecie=świecki|Chełmno=chełmiński|Nakło nad Notecią=nakielski|Rypin=rypiński|Golub-Dobrzyń=golubsko-dobrzyński|Wąbrzeźno=wąbrzeski|Tuchola=tucholski|Żnin=żniński',
  'zachodniopomorskie': 'Szczecin=Szczecin*5|Koszalin=Koszalin*2|Świnoujście=Świnoujście|Stargard=stargardzki|Kołobrzeg=kołobrzeski|Police=policki|Goleniów=goleniowski|Wałcz=wałecki|Szczecinek=szczecinecki|Białogard=białogardzki|Gryfino=gryfiński|Świdwin=świdwiński|Wolin=kamieński|Myślibórz=myśliborski|Pyrzyce=pyrzycki',
  'warmińsko-mazurskie': 'Olsztyn=Olsztyn*4|Elbląg=Elbląg*3|Ełk=ełcki|Ostróda=ostródzki|Iława=iławski|Giżycko=giżycki|Kętrzyn=kętrzyński|Szczytno=szczycieński|Bartoszyce=bartoszycki|Mrągowo=mrągowski|Działdowo=działdowski|Pisz=piski',
  'świętokrzyskie': 'Kielce=Kielce*4|Ostrowiec Świętokrzyski=ostrowiecki|Starachowice=starachowicki|Skarżysko-Kamienna=skarżyski|Sandomierz=sandomierski|Końskie=konecki|Busko-Zdrój=buski|Jędrzejów=jędrzejowski|Staszów=staszowski|Pińczów=pińczowski|Włoszczowa=włoszczowski',
  'podlaskie': 'Białystok=Białystok*4|Suwałki=Suwałki*2|Łomża=Łomża*2|Augustów=augustowski|Bielsk Podlaski=bielski|Zambrów=zambrowski|Grajewo=grajewski|Hajnówka=hajnowski|Sokółka=sokólski|Kolno=kolneński|Siemiatycze=siemiatycki|Mońki=moniecki',
  'lubuskie': 'Zielona Góra=Zielona Góra*3|Gorzów Wielkopolski=Gorzów Wielkopolski*3|Nowa Sól=nowosolski|Żary=żarski|Żagań=żagański|Świebodzin=świebodziński|Międzyrzecz=międzyrzecki|Kostrzyn nad Odrą=gorzowski|Słubice=słubicki|Sulęcin=sulęciński|Krosno Odrzańskie=krośnieński|Wschowa=wschowski',
  'opolskie': 'Opole=Opole*3|Kędzierzyn-Koźle=kędzierzyńsko-kozielski|Nysa=nyski|Brzeg=brzeski|Kluczbork=kluczborski|Prudnik=prudnicki|Strzelce Opolskie=strzelecki|Krapkowice=krapkowicki|Namysłów=namysłowski|Olesno=oleski|Głubczyce=głubczycki',
};

export const TOWNS: readonly Town[] = Object.entries(TOWN_TABLE).flatMap(([voivodeship, list]) =>
  list.split('|').map((item) => {
    const [city, rest] = item.split('=');
    const [county, weight] = rest.split('*');
    return { city, county, voivodeship, weight: weight ? Number(weight) : 1 };
  }),
);

/** First two digits of postal codes in each voivodeship (Poczta Polska's postal zones). */
const POSTAL_RANGE: Record<string, [number, number]> = {
  'mazowieckie': [0, 9], 'warmińsko-mazurskie': [10, 14], 'podlaskie': [15, 19], 'lubelskie': [20, 24],
  'świętokrzyskie': [25, 29], 'małopolskie': [30, 34], 'podkarpackie': [35, 39], 'śląskie': [40, 44],
  'opolskie': [45, 49], 'dolnośląskie': [50, 59], 'wielkopolskie': [60, 64], 'lubuskie': [65, 69],
  'zachodniopomorskie': [70, 78], 'pomorskie': [80, 84], 'kujawsko-pomorskie': [85, 89], 'łódzkie': [90, 99],
};

/** Landline area code of each voivodeship's capital. */
const AREA_CODE: Record<string, string> = {
  'mazowieckie': '22', 'małopolskie': '12', 'śląskie': '32', 'dolnośląskie': '71', 'wielkopolskie': '61',
  'łódzkie': '42', 'pomorskie': '58', 'zachodniopomorskie': '91', 'kujawsko-pomorskie': '52', 'lubelskie': '81',
  'podkarpackie': '17', 'podlaskie': '85', 'warmińsko-mazurskie': '89', 'świętokrzyskie': '41', 'opolskie': '77',
  'lubuskie': '68',
};
const MOBILE_PREFIXES = ['501', '502', '505', '510', '512', '530', '535', '570', '600', '601', '603', '605', '660', '661', '664', '691', '693', '697', '720', '721', '724', '730', '733', '781', '783', '790', '791', '798', '880', '881', '885', '887'];

const STREETS = ['ul. Mickiewicza', 'ul. Kościuszki', 'ul. Długa', 'ul. Polna', 'ul. Lipowa', 'ul. Kwiatowa', 'ul. Słoneczna', 'ul. Ogrodowa', 'ul. Szkolna', 'ul. Leśna', 'ul. Jana Pawła II', 'ul. Sienkiewicza', 'ul. Piłsudskiego', 'ul. Wojska Polskiego', 'ul. 3 Maja', 'ul. Kolejowa', 'ul. Żeromskiego', 'ul. Reymonta', 'al. Niepodległości', 'ul. Kopernika', 'ul. Słowackiego', 'ul. Parkowa', 'ul. Łąkowa', 'ul. Zielona', 'ul. Krótka', 'ul. Źródlana', 'ul. Brzozowa', 'ul. Świętokrzyska', 'ul. Konopnickiej', 'ul. Rynek', 'os. Orła Białego', 'ul. Fabryczna', 'ul. Przemysłowa', 'ul. Dworcowa', 'ul. Gen. Sikorskiego'];

// ---- Names. Adjectives carry masculine / feminine / neuter forms so that "Zielony Ogród" and
// "Zielona Łąka" agree, as real names do.
const ADJECTIVES = 'dobry dobra dobre|zielony zielona zielone|złoty złota złote|wspólny wspólna wspólne|nowy nowa nowe|słoneczny słoneczna słoneczne|czysty czysta czyste|pełny pełna pełne|leśny leśna leśne|mały mała małe|biały biała białe|srebrny srebrna srebrne|pogodny pogodna pogodne|radosny radosna radosne|łagodny łagodna łagodne|świeży świeża świeże|zdrowy zdrowa zdrowe|tęczowy tęczowa tęczowe|górski górska górskie|wiejski wiejska wiejskie|domowy domowa domowe|rodzinny rodzinna rodzinne|przyjazny przyjazna przyjazne|jasny jasna jasne|ciepły ciepła ciepłe|szczęśliwy szczęśliwa szczęśliwe|otwarty otwarta otwarte|aktywny aktywna aktywne|żywy żywa żywe|mądry mądra mądre|bursztynowy bursztynowa bursztynowe|lniany lniana lniane|dębowy dębowa dębowe|wiosenny wiosenna wiosenne|jesienny jesienna jesienne|kolorowy kolorowa kolorowe|śląski śląska śląskie|mazurski mazurska mazurskie|kaszubski kaszubska kaszubskie|podhalański podhalańska podhalańskie'
  .split('|').map((forms) => forms.split(' '));
const NOUNS = 'Smak m|Rączka f|Ogród m|Dom m|Miska f|Sprawa f|Start m|Miejsce n|Brzeg m|Chleb m|Pomoc f|Ścieżka f|Zakątek m|Przystań f|Kuchnia f|Pracownia f|Warsztat m|Dworek m|Źródło n|Serce n|Gniazdo n|Pole n|Łąka f|Sad m|Spichlerz m|Młyn m|Most m|Krąg m|Horyzont m|Wzgórze n|Jutro n|Kłos m|Dąb m|Wrzos m|Żuraw m|Pszczoła f|Zagroda f|Kuźnia f|Tkalnia f|Piekarnia f|Szansa f|Droga f|Wyspa f|Iskra f|Dolina f|Osada f|Siedlisko n|Ognisko n|Słońce n|Gospodarstwo n'
  .split('|').map((item) => item.split(' ') as [string, 'm' | 'f' | 'n']);
const SINGLE_NAMES = ['Razem', 'Nadzieja', 'Szansa', 'Przystań', 'Ognisko', 'Tęcza', 'Słoneczko', 'Wrzos', 'Źródło', 'Pszczółka', 'Jutrzenka', 'Promyk', 'Kuźnia', 'Mozaika', 'Perspektywa', 'Horyzont', 'Kotwica', 'Przyszłość', 'Zdrój', 'Sokół', 'Bażant', 'Jaskółka', 'Żurawina', 'Łączka', 'Stokrotka', 'Niezapominajka', 'Wierzba', 'Jarzębina', 'Kalina', 'Cisowianka', 'Pogoria', 'Amicus', 'Vita', 'Humanitas', 'Feniks', 'Atlas', 'Koniczyna', 'Podkowa', 'Równowaga', 'Wsparcie', 'Zgoda', 'Dobrostan', 'Współpraca', 'Wzajemność', 'Solidarni', 'Pożyteczni', 'Aktywni', 'Sprawni', 'Pracowici', 'Życzliwi'];
const PATRONS = ['Jana Pawła II', 'Marii Konopnickiej', 'Janusza Korczaka', 'św. Brata Alberta', 'Stanisława Staszica', 'Ireny Sendlerowej', 'Jacka Kuronia', 'Heleny Radlińskiej', 'Adama Mickiewicza', 'Henryka Sienkiewicza', 'Marii Skłodowskiej-Curie', 'Tadeusza Kościuszki', 'Mikołaja Kopernika', 'Fryderyka Chopina', 'Stefana Żeromskiego', 'Elizy Orzeszkowej', 'Juliusza Słowackiego', 'Kornela Makuszyńskiego', 'Jana Brzechwy', 'Juliana Tuwima', 'Wisławy Szymborskiej', 'Czesława Miłosza', 'ks. Jerzego Popiełuszki', 'św. Jadwigi Królowej', 'Króla Jana III Sobieskiego', 'Emilii Plater', 'Ignacego Łukasiewicza', 'Józefa Wybickiego'];
const MISSIONS = ['Osób Niepełnosprawnych', 'Rozwoju Regionalnego', 'Aktywizacji Zawodowej', 'Pomocy Rodzinie', 'Wspierania Seniorów', 'Integracji Społecznej', 'Rozwoju Przedsiębiorczości Społecznej', 'Edukacji i Kultury', 'Ochrony Zdrowia Psychicznego', 'Osób Bezdomnych', 'Dzieci i Młodzieży', 'Rozwoju Wsi', 'Ekologii i Zrównoważonego Rozwoju', 'Osób z Autyzmem', 'Kobiet Przedsiębiorczych'];

/** Legal forms with their share of the directory and how their names are written. */
const FORMS: readonly { form: LegalForm; share: number; name: (x: string, r: () => number) => string }[] = [
  { form: 'spoldzielnia_socjalna', share: 30, name: (x, r) => (r() < 0.8 ? `Spółdzielnia Socjalna ${x}` : `${x} Spółdzielnia Socjalna`) },
  { form: 'fundacja', share: 20, name: (x, r) => (r() < 0.35 ? `Fundacja ${pick(r, ['na rzecz', 'Wspierania', 'Pomocy'])} ${pick(r, MISSIONS)} ${x}` : `Fundacja ${x}`) },
  { form: 'stowarzyszenie', share: 18, name: (x, r) => (r() < 0.35 ? `Stowarzyszenie na rzecz ${pick(r, MISSIONS)} ${x}` : `Stowarzyszenie ${x}`) },
  { form: 'zaz', share: 5, name: (x, r) => (r() < 0.8 ? `Zakład Aktywności Zawodowej ${x}` : `ZAZ ${x}`) },
  { form: 'cis', share: 6, name: (x) => `Centrum Integracji Społecznej ${x}` },
  { form: 'kis', share: 3, name: (x) => `Klub Integracji Społecznej ${x}` },
  { form: 'wtz', share: 7, name: (x) => `Warsztat Terapii Zajęciowej ${x}` },
  { form: 'spolka_non_profit', share: 6, name: (x, r) => (r() < 0.5 ? `Przedsiębiorstwo Społeczne ${x} sp. z o.o.` : `${x} sp. z o.o. non-profit`) },
  { form: 'spoldzielnia_pracy', share: 3, name: (x) => `Spółdzielnia Pracy ${x}` },
  { form: 'inna', share: 2, name: (x) => `Koło Gospodyń Wiejskich ${x}` },
];

// ---- Offers: real phrases as PES write them, grouped by category, with typical PKD codes.
const OFFERS: Record<Exclude<CategoryId, 'other'>, { pkd: string; phrases: string[] }> = {
  catering: { pkd: '56.29.Z', phrases: ['catering dla firm i szkół', 'obiady domowe', 'przygotowywanie posiłków', 'bar mleczny', 'kawiarnia społeczna', 'catering okolicznościowy', 'wypieki i ciasta', 'usługi gastronomiczne', 'bankiety i przyjęcia'] },
  cleaning: { pkd: '81.21.Z', phrases: ['sprzątanie biur', 'utrzymanie czystości', 'mycie okien', 'sprzątanie klatek schodowych', 'usługi porządkowe', 'sprzątanie po remontach'] },
  green_areas: { pkd: '81.30.Z', phrases: ['pielęgnacja terenów zielonych', 'koszenie trawników', 'zakładanie ogrodów', 'przycinanie drzew i krzewów', 'odśnieżanie', 'utrzymanie zieleni miejskiej'] },
  construction: { pkd: '43.39.Z', phrases: ['remonty mieszkań', 'prace wykończeniowe', 'usługi remontowo-budowlane', 'malowanie i tapetowanie', 'drobne naprawy', 'układanie kostki brukowej'] },
  printing: { pkd: '18.12.Z', phrases: ['druk cyfrowy', 'usługi poligraficzne', 'projektowanie graficzne', 'introligatorstwo', 'druk wielkoformatowy'] },
  crafts_gifts: { pkd: '32.99.Z', phrases: ['rękodzieło artystyczne', 'upominki i gadżety', 'ceramika użytkowa', 'wyroby z wikliny', 'świece i mydła naturalne', 'kartki okolicznościowe', 'zniczomaty'] },
  accommodation_tourism: { pkd: '55.20.Z', phrases: ['noclegi', 'agroturystyka', 'organizacja wycieczek', 'pensjonat', 'hostel', 'zielone szkoły'] },
  laundry: { pkd: '96.01.Z', phrases: ['usługi pralnicze', 'pranie i prasowanie', 'pralnia przemysłowa', 'magiel', 'pranie dywanów'] },
  sewing: { pkd: '14.13.Z', phrases: ['szycie odzieży roboczej', 'krawiectwo', 'szycie toreb', 'haft komputerowy', 'naprawy krawieckie'] },
  packaging_assembly: { pkd: '82.92.Z', phrases: ['konfekcjonowanie', 'pakowanie produktów', 'montaż podzespołów', 'proste prace zlecone', 'kompletacja zamówień'] },
  transport: { pkd: '49.39.Z', phrases: ['przewóz osób', 'transport osób z niepełnosprawnościami', 'usługi kurierskie', 'przeprowadzki', 'dowóz posiłków'] },
  care: { pkd: '88.10.Z', phrases: ['usługi opiekuńcze', 'opieka nad osobami starszymi', 'asystencja osobista', 'dom dziennego pobytu', 'opieka wytchnieniowa', 'prowadzenie żłobka'] },
  education_training: { pkd: '85.59.B', phrases: ['szkolenia i warsztaty', 'korepetycje', 'kursy zawodowe', 'zajęcia edukacyjne dla dzieci', 'doradztwo zawodowe'] },
  it: { pkd: '62.01.Z', phrases: ['tworzenie stron internetowych', 'serwis komputerowy', 'digitalizacja dokumentów', 'wprowadzanie danych', 'obsługa informatyczna'] },
  events: { pkd: '82.30.Z', phrases: ['organizacja imprez okolicznościowych', 'obsługa konferencji', 'animacje dla dzieci', 'wynajem sali', 'organizacja wydarzeń'] },
  rehabilitation_therapy: { pkd: '86.90.A', phrases: ['rehabilitacja', 'terapia zajęciowa', 'masaż leczniczy', 'hipoterapia', 'fizjoterapia'] },
  manufacturing: { pkd: '31.09.Z', phrases: ['produkcja mebli', 'stolarstwo', 'produkcja palet', 'ślusarstwo', 'produkcja opakowań'] },
  agriculture_food: { pkd: '10.39.Z', phrases: ['przetwórstwo owoców', 'tłoczenie soków', 'pszczelarstwo i miód', 'uprawa warzyw', 'wędliny tradycyjne'] },
};
const OFFER_CATEGORIES = Object.keys(OFFERS) as Exclude<CategoryId, 'other'>[];

const FREE_MAIL = ['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl', 'op.pl'];

// ---- Identifiers with valid check digits (the rules of shared/model/identifiers.ts).
function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  return sum % 11;
}
const NIP_W = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_W = [8, 9, 2, 3, 4, 5, 6, 7];

function digitsOf(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}
function makeNip(r: () => number): string {
  for (;;) {
    // Tax-office prefixes never start with 0.
    const body = String(1 + Math.floor(r() * 9)) + digitsOf(r, 8);
    const check = checkDigit(body, NIP_W);
    if (check !== 10) return body + check; // a checksum of 10 is not a valid NIP: draw again
  }
}
function makeRegon9(r: () => number): string {
  const body = String(1 + Math.floor(r() * 9)) + digitsOf(r, 7);
  return body + (checkDigit(body, REGON9_W) % 10);
}
function makeKrs(r: () => number): string {
  return String(10_000 + Math.floor(r() * 1_090_000)).padStart(10, '0');
}

// ---- Helpers.
function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}
const TOWN_WEIGHTS = TOWNS.reduce<number[]>((acc, t) => (acc.push((acc.at(-1) ?? 0) + t.weight), acc), []);
function pickTown(r: () => number): Town {
  const x = r() * TOWN_WEIGHTS[TOWN_WEIGHTS.length - 1];
  let lo = 0;
  let hi = TOWN_WEIGHTS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (TOWN_WEIGHTS[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return TOWNS[lo];
}
const FORM_TOTAL = FORMS.reduce((s, f) => s + f.share, 0);
function pickForm(r: () => number): (typeof FORMS)[number] {
  let x = r() * FORM_TOTAL;
  for (const f of FORMS) if ((x -= f.share) < 0) return f;
  return FORMS[0];
}
function isoDate(r: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Legal-form words that sites leave out of their domain, and the short forms they use instead. */
const FORM_WORDS = /Spółdzielnia Socjalna|Spółdzielnia Pracy|Fundacja|Stowarzyszenie|Zakład Aktywności Zawodowej|ZAZ|Centrum Integracji Społecznej|Klub Integracji Społecznej|Warsztat Terapii Zajęciowej|Przedsiębiorstwo Społeczne|Koło Gospodyń Wiejskich|sp\. z o\.o\.|non-profit|im\. .*$/g;
const FORM_SHORT: Record<LegalForm, string> = {
  spoldzielnia_socjalna: 'ss', fundacja: 'fundacja', stowarzyszenie: 'stowarzyszenie', zaz: 'zaz', cis: 'cis',
  kis: 'kis', wtz: 'wtz', spolka_non_profit: 'ps', spoldzielnia_pracy: 'sp', inna: 'kgw',
};

/** A domain stem such as "zielony-ogrod", "wtz-zywe-gospodarstwo" or "razem-krakow". */
function domainStem(name: string, form: LegalForm, town: Town, r: () => number): string {
  const words = foldedWords(name.replace(FORM_WORDS, ' '));
  if (r() < 0.4) words.unshift(FORM_SHORT[form]);
  if (r() < 0.4) words.push(...foldedWords(town.city));
  // Real domain labels are short (and DNS caps them at 63): keep at most four words, 40 characters.
  let stem = words.slice(0, 4).join('-');
  while (stem.length > 40 && stem.includes('-')) stem = stem.slice(0, stem.lastIndexOf('-'));
  return stem.slice(0, 40) || FORM_SHORT[form];
}

/** Numbered like real sites when the name is taken ("razem2.pl"); a counter per stem keeps it linear. */
function uniqueDomain(used: Map<string, number>, stem: string): string {
  const n = (used.get(stem) ?? 0) + 1;
  used.set(stem, n);
  return n === 1 ? `${stem}.pl` : `${stem}${n}.pl`;
}

/** The distinctive part of a name: „Zielony Ogród”, „Razem”, im. patron… — quoted as Poles write it. */
function distinctive(r: () => number): string {
  const x = r();
  let core: string;
  if (x < 0.45) {
    const [noun, gender] = pick(r, NOUNS);
    const adj = pick(r, ADJECTIVES)[gender === 'm' ? 0 : gender === 'f' ? 1 : 2];
    core = `${adj[0].toUpperCase()}${adj.slice(1)} ${noun}`;
  } else {
    core = pick(r, SINGLE_NAMES);
  }
  const quoted = r() < 0.7 ? `„${core}”` : core;
  return r() < 0.15 ? `${quoted} im. ${pick(r, PATRONS)}` : quoted;
}

function makeCertificates(r: () => number, hasStatus: boolean): Certificate[] | undefined {
  const certs: Certificate[] = [];
  const x = r();
  if (x < (hasStatus ? 0.25 : 0.06)) {
    // Zakup Prospołeczny: a one-year certificate, per product or service.
    if (r() < 0.7) {
      const validUntil = isoDate(r, 2024, 2028);
      certs.push({ name: 'Zakup Prospołeczny', validUntil, year: Number(validUntil.slice(0, 4)) - 1 });
    } else {
      certs.push({ name: 'Zakup Prospołeczny', year: 2017 + Math.floor(r() * 10) });
    }
  }
  if (r() < 0.03) {
    certs.push({ name: `Lider Przedsiębiorczości Społecznej ${2015 + Math.floor(r() * 11)}` });
  }
  return certs.length ? certs : undefined;
}

/**
 * `count` synthetic entities, deterministic for a given seed. Entity #k depends only on the seed and k.
 */
export function generateEntities(count: number, seed = 1): Entity[] {
  const r = mulberry32(seed);
  const usedKrs = new Set<string>();
  const usedNip = new Set<string>();
  const usedRegon = new Set<string>();
  const usedDomains = new Map<string, number>();
  const out: Entity[] = [];
  const unique = (used: Set<string>, make: () => string) => {
    for (;;) {
      const v = make();
      if (!used.has(v)) return used.add(v), v;
    }
  };

  for (let k = 0; k < count; k++) {
    const town = pickTown(r);
    const form = pickForm(r);
    const name = form.name(distinctive(r), r);

    // Organisations registered in KRS have a KRS number; units run by others (ZAZ, CIS, WTZ, KIS)
    // usually have only their own NIP/REGON.
    const inKrs = !['zaz', 'cis', 'wtz', 'kis'].includes(form.form) ? r() < 0.9 : r() < 0.15;
    const krs = inKrs ? unique(usedKrs, () => makeKrs(r)) : undefined;
    const nip = r() < 0.85 || !krs ? unique(usedNip, () => makeNip(r)) : undefined;
    const regon = unique(usedRegon, () => makeRegon9(r));
    const id = krs ? `krs:${krs}` : nip ? `nip:${nip}` : `regon:${regon}`;

    const nCats = 1 + Math.floor(r() * r() * 3);
    const categories: Exclude<CategoryId, 'other'>[] = [];
    while (categories.length < nCats) {
      const c = pick(r, OFFER_CATEGORIES);
      if (!categories.includes(c)) categories.push(c);
    }
    const offerPhrases: string[] = [];
    for (const c of categories) {
      const phrases = OFFERS[c].phrases;
      offerPhrases.push(pick(r, phrases));
      if (r() < 0.3) {
        const extra = pick(r, phrases);
        if (!offerPhrases.includes(extra)) offerPhrases.push(extra);
      }
    }

    const [lo, hi] = POSTAL_RANGE[town.voivodeship];
    const postalCode = `${String(lo + Math.floor(r() * (hi - lo + 1))).padStart(2, '0')}-${digitsOf(r, 3)}`;
    const street = `${pick(r, STREETS)} ${1 + Math.floor(r() * 120)}${r() < 0.1 ? pick(r, ['A', 'B', 'C']) : ''}`;

    const websites: string[] = [];
    const domains: string[] = [];
    const emails: string[] = [];
    if (r() < 0.6) {
      const domain = uniqueDomain(usedDomains, domainStem(name, form.form, town, r));
      domains.push(domain);
      websites.push(`https://${r() < 0.5 ? 'www.' : ''}${domain}`);
      emails.push(`${pick(r, ['kontakt', 'biuro', 'sekretariat', 'info'])}@${domain}`);
    } else if (r() < 0.7) {
      emails.push(`${domainStem(name, form.form, town, r).replace(/-/g, '.')}${Math.floor(r() * 100)}@${pick(r, FREE_MAIL)}`);
    }
    const phones: string[] = [];
    if (r() < 0.75) phones.push(`+48${pick(r, MOBILE_PREFIXES)}${digitsOf(r, 6)}`);
    if (r() < 0.3) phones.push(`+48${AREA_CODE[town.voivodeship]}${2 + Math.floor(r() * 7)}${digitsOf(r, 6)}`);

    const hasStatus = r() < (form.form === 'spoldzielnia_socjalna' ? 0.45 : 0.12);
    const entity: Entity = {
      id,
      name,
      legalForm: form.form,
      ...(krs && { krs }),
      ...(nip && { nip }),
      regon,
      address: { street, postalCode, city: town.city, county: town.county, voivodeship: town.voivodeship },
      domains,
      websites,
      emails,
      phones,
      offer: offerPhrases.join('; '),
      categories,
      pkd: categories.map((c) => OFFERS[c].pkd),
      ...(hasStatus && { socialEnterpriseStatus: { has: true, decidedAt: isoDate(r, 2019, 2025) } }),
      ...(() => {
        const certificates = makeCertificates(r, hasStatus);
        return certificates ? { certificates } : {};
      })(),
      registerStatus: r() < 0.97 ? 'active' : 'liquidation',
      sources: [{ url: SYNTHETIC_SOURCE_URL, label: SYNTHETIC_LABEL, seenAt: SEEN_AT }],
      origin: 'directory',
      createdAt: SEEN_AT,
      updatedAt: SEEN_AT,
    };
    out.push(entity);
  }
  return out;
}

/** Header of shared/data/pes-directory-sample.csv, in its order. */
export const CSV_HEADER = ['name', 'legal_form', 'krs', 'nip', 'regon', 'voivodeship', 'county', 'city', 'postal_code', 'street', 'website', 'email', 'phone', 'offer', 'social_enterprise_status', 'certificates', 'source_urls'] as const;

/** "+48601234567" → "+48 601 234 567", as phone numbers are written in the sample CSV. */
function spacedPhone(e164: string): string {
  const n = e164.slice(3);
  return `+48 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
}

function certificateText(c: Certificate): string {
  const details = [c.validUntil ? `ważny do ${c.validUntil}` : c.year ? String(c.year) : '', c.scope ?? ''].filter(Boolean);
  return details.length ? `${c.name} (${details.join(', ')})` : c.name;
}

/** The same records as `generateEntities` as CSV text in the sample CSV's format (CRLF, RFC 4180). */
export function generateEntitiesCsv(count: number, seed = 1): string {
  const rows = generateEntities(count, seed).map((e) => [
    e.name,
    e.legalForm,
    e.krs ?? '',
    e.nip ?? '',
    e.regon ?? '',
    e.address.voivodeship ?? '',
    e.address.county ?? '',
    e.address.city ?? '',
    e.address.postalCode ?? '',
    e.address.street ?? '',
    e.websites[0] ?? '',
    e.emails[0] ?? '',
    e.phones[0] ? spacedPhone(e.phones[0]) : '',
    e.offer ?? '',
    e.socialEnterpriseStatus?.has ? 'tak' : '',
    (e.certificates ?? []).map(certificateText).join('; '),
    SYNTHETIC_SOURCE_URL,
  ]);
  return Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: '\r\n' });
}
