import { describe, expect, it } from 'vitest';
import { composeMail, mailAsText, mailtoUrl, MAIL_TEMPLATES, type MailSender } from '../../../shared/model/mailTemplates.ts';

const me: MailSender = {
  userName: 'Anna Kowalska',
  userCompany: 'Hotel Wisła Sp. z o.o.',
  userEmail: 'anna@hotel-wisla.pl',
  userPhone: '+48 600 100 200',
  signature: '',
};
const entity = {
  name: 'Spółdzielnia Socjalna „ALTERNATYWY”',
  offer: 'dom dziennego pobytu dla seniorów (ul. Fabryczna 23B i ul. Gen. W. Sikorskiego 17/2, Zielona Góra)',
};

/** Reads a mailto: URL back with the platform's own URL parser, as a mail client would. */
function parseMailto(url: string) {
  const u = new URL(url);
  expect(u.protocol).toBe('mailto:');
  const q = new URLSearchParams(u.search);
  return { to: decodeURIComponent(u.pathname).split(',').filter(Boolean), subject: q.get('subject'), body: q.get('body') };
}

describe('composeMail', () => {
  it('fills the Polish inquiry with the entity and the user, greeting first and signature last', () => {
    const m = composeMail('inquiry', 'pl', entity, me);
    expect(m.subject).toBe('Zapytanie o współpracę – Hotel Wisła Sp. z o.o.');
    const lines = m.body.split('\n');
    expect(lines[0]).toBe('Dzień dobry,');
    // After the greeting's comma a Polish letter goes on in lower case.
    expect(lines[2]).toMatch(/^nazywam się Anna Kowalska i reprezentuję firmę Hotel Wisła Sp\. z o\.o\. Szukamy dostawców .* \(Spółdzielnia Socjalna „ALTERNATYWY”\): dom dziennego/);
    expect(m.body).toContain('dom dziennego pobytu dla seniorów');
    expect(m.body).toContain('anna@hotel-wisla.pl');
    expect(lines.slice(-5)).toEqual(['Z poważaniem,', 'Anna Kowalska', 'Hotel Wisła Sp. z o.o.', 'anna@hotel-wisla.pl', '+48 600 100 200']);
  });

  it('writes the English request for quote with a placeholder for what is needed', () => {
    const m = composeMail('rfq', 'en', entity, me);
    expect(m.subject).toBe('Request for quotation – Hotel Wisła Sp. z o.o.');
    expect(m.body.startsWith('Hello,\n\nMy name is Anna Kowalska')).toBe(true);
    expect(m.body).toContain('[what we need: scope, quantity, date and place of delivery]');
    expect(m.body).toMatch(/Please reply to anna@hotel-wisla\.pl or call \+48 600 100 200\./);
    expect(m.body).toContain('I represent Hotel Wisła Sp. z o.o. We would like to ask Spółdzielnia Socjalna „ALTERNATYWY” for a quotation');
    expect(m.body).not.toMatch(/Dzień|Prosimy|poważaniem|Państw/); // no Polish template text in the English one
  });

  it('uses the user signature instead of the composed one, and leaves out sentences for blank fields', () => {
    const m = composeMail('rfq', 'pl', { name: 'ZAZ w Łęcznej' }, { ...me, userName: '', userCompany: '', userEmail: '', userPhone: '', signature: 'Dział Zakupów\r\nACME' });
    expect(m.subject).toBe('Zapytanie ofertowe');
    expect(m.body).not.toMatch(/nazywam|undefined|null|\s\./);
    expect(m.body).toMatch(/^Dzień dobry,\n\nzwracamy się do Państwa organizacji \(ZAZ w Łęcznej\) z prośbą/);
    expect(m.body.endsWith('Z poważaniem,\nDział Zakupów\nACME')).toBe(true);
  });

  it('never lets line breaks from data into the subject, and shortens a long offer', () => {
    const m = composeMail('inquiry', 'pl', { name: 'Evil\r\nBcc: all@example.com', offer: 'słowo '.repeat(100) }, { ...me, userCompany: '' });
    expect(m.subject).toBe('Zapytanie o współpracę – Evil Bcc: all@example.com');
    const quoted = /\(Evil Bcc: all@example\.com\): (.*)\./.exec(m.body)![1];
    expect(quoted.length).toBeLessThanOrEqual(161);
    expect(quoted.endsWith('słowo…')).toBe(true);
  });

  it('offers both templates in both languages', () => {
    for (const t of MAIL_TEMPLATES) for (const lang of ['pl', 'en'] as const) expect(composeMail(t, lang, entity, me).body.length).toBeGreaterThan(100);
  });
});

describe('mailtoUrl', () => {
  it('round-trips subject and body through a URL parser, with CRLF line breaks and no "+" for spaces', () => {
    const draft = composeMail('inquiry', 'pl', entity, me);
    const url = mailtoUrl(['alternatywy.dlaseniora@gmail.com'], draft);
    expect(url).not.toContain(' ');
    expect(url).not.toMatch(/\+/); // a "+" would be shown literally by mail clients that follow RFC 6068
    const back = parseMailto(url);
    expect(back.to).toEqual(['alternatywy.dlaseniora@gmail.com']);
    expect(back.subject).toBe(draft.subject);
    expect(back.body).toBe(draft.body.replace(/\n/g, '\r\n'));
  });

  it('encodes characters that would end a query value, and keeps several recipients', () => {
    const url = mailtoUrl(['a@b.pl', 'c+tag@d.pl'], { subject: 'R&D? 100% #1 = tak', body: 'a&b=c\nd' });
    const back = parseMailto(url);
    expect(back.to).toEqual(['a@b.pl', 'c+tag@d.pl']);
    expect(back.subject).toBe('R&D? 100% #1 = tak');
    expect(back.body).toBe('a&b=c\r\nd');
  });

  it('drops addresses that could add headers or recipients', () => {
    const url = mailtoUrl(['x@y.pl?bcc=spy@evil.com', 'a@b.pl,spy@evil.com', 'ok@firma.pl'], { subject: 's', body: 'b' });
    expect(parseMailto(url).to).toEqual(['ok@firma.pl']);
    expect(url).not.toContain('evil');
  });

  it('gives the plain text to paste into a web mail', () => {
    expect(mailAsText({ subject: 'S', body: 'B' }, 'pl')).toBe('Temat: S\n\nB');
    expect(mailAsText({ subject: 'S', body: 'B' }, 'en')).toBe('Subject: S\n\nB');
  });
});
