// The page of the "page scan" case: about 3 MB of text in about 72,000 elements (a long catalogue
// page of the size the field notes measured), with real-looking Polish text and valid identifiers
// in the header, the middle and the footer. Deterministic (seeded), and marked synthetic.
import { generateEntities, mulberry32, SYNTHETIC_LABEL } from './synthetic.ts';

const WORDS = (
  'oferta usługi catering sprzątanie biur pielęgnacja terenów zielonych szycie odzieży roboczej ' +
  'spółdzielnia zamówienia publiczne klauzule społeczne zakup prospołeczny zapytanie ofertowe termin realizacji ' +
  'wartość zamówienia wykonawca zamawiający gmina powiat województwo aktywizacja zawodowa integracja ' +
  'rękodzieło pranie prasowanie transport osób remonty mieszkań druk cyfrowy organizacja wydarzeń noclegi ' +
  'łąka źródło żuraw ścieżka gęś ćma'
).split(' ');

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's HTML, and what the content script should find in it. */
export function bigPageHtml(targetElements = 72_000, seed = 7): { html: string; nip: string; krs: string; regon: string } {
  const r = mulberry32(seed);
  const [a, b] = generateEntities(2, seed);
  const nip = (a.nip ?? b.nip)!;
  const krs = (a.krs ?? b.krs)!;
  const regon = a.regon!;
  const ids = (where: string) =>
    `<p class="ids">${where}: NIP ${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}, KRS ${krs}, ` +
    `REGON ${regon}, e-mail: biuro@przyklad-syntetyczny.pl, tel. +48 601 234 567</p>`;
  const parts: string[] = [
    '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Katalog ofert (SYNTHETIC)</title>',
    `<meta name="description" content="${esc(SYNTHETIC_LABEL)}"></head><body>`,
    `<header><h1>Spółdzielnia Socjalna Przykład — katalog ofert</h1>${ids('Nagłówek')}</header><main>`,
  ];
  // Each item is 6 elements: li, h3, p, span, a, em.
  const items = Math.floor(targetElements / 6);
  for (let i = 0; i < items; i++) {
    if (i % 200 === 0) parts.push(i ? '</ul><ul>' : '<ul>');
    if (i === Math.floor(items / 2)) parts.push(`<li>${ids('Środek')}</li>`);
    parts.push(
      `<li><h3>Pozycja ${i + 1}: ${sentence(r, 4)}</h3><p>${sentence(r, 12)} <span>${sentence(r, 6)}</span> ` +
        `<a href="#p${i}">${sentence(r, 3)}</a> <em>${sentence(r, 4)}</em></p></li>`,
    );
  }
  parts.push('</ul></main>', `<footer>${ids('Stopka')}<p>${esc(SYNTHETIC_LABEL)}</p></footer></body></html>`);
  return { html: parts.join(''), nip, krs, regon };
}
