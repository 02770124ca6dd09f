// E-mail templates for contacting an entity (an inquiry, a request for quote), in Polish or English,
// filled with the entity's and the user's data, and the mailto: URL that hands them to the mail
// client. Pure: no DOM, no settings store — the caller passes the user's data in.
import { isPlainEmail } from './links.ts';
import type { Lang } from './types.ts';
import type { Entity } from './types.ts';

export type MailTemplateId = 'inquiry' | 'rfq';
/** A mail is written in one of the product's languages. */
export type MailLang = Lang;

export const MAIL_TEMPLATES: readonly MailTemplateId[] = ['inquiry', 'rfq'];

/** The user's own data, as kept in the settings (same field names as shared/db Settings). */
export interface MailSender {
  userName: string;
  userCompany: string;
  userEmail: string;
  userPhone: string;
  signature: string;
}

export interface MailDraft {
  subject: string;
  body: string;
}

type MailEntity = Pick<Entity, 'name' | 'offer'>;

/** Longest offer quoted in a message: the full text of a long offer belongs on the card, not in a mail. */
const MAX_OFFER = 160;

/** One line: inner whitespace (line breaks from a hostile or sloppy source) collapsed to spaces. */
function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function shortOffer(offer: string | undefined): string {
  const s = oneLine(offer);
  if (s.length <= MAX_OFFER) return s;
  const cut = s.slice(0, MAX_OFFER);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_OFFER / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '') + '…';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The user's signature, else their name, company, e-mail and phone, one per line. */
function signatureOf(sender: MailSender): string[] {
  const own = sender.signature.replace(/\r\n?/g, '\n').trim();
  if (own) return own.split('\n');
  return [sender.userName, sender.userCompany, sender.userEmail, sender.userPhone].map(oneLine).filter(Boolean);
}

const TEXTS = {
  pl: {
    greeting: 'Dzień dobry,',
    closing: 'Z poważaniem',
    inquirySubject: (entity: string, company: string) => (company ? `Zapytanie o współpracę – ${company}` : `Zapytanie o współpracę – ${entity}`),
    intro: (name: string, company: string) =>
      name && company
        ? `Nazywam się ${name} i reprezentuję firmę ${company}.`
        : name
          ? `Nazywam się ${name}.`
          : company
            ? `Piszę w imieniu firmy ${company}.`
            : '',
    // Names stay in the nominative inside brackets: a name cannot be declined safely.
    inquiryInterest: (entity: string, offer: string) =>
      `Szukamy dostawców wśród podmiotów ekonomii społecznej i zainteresowała nas oferta Państwa organizacji (${entity})` + (offer ? `: ${offer}.` : '.'),
    inquiryAsk: 'Czy moglibyśmy porozmawiać o możliwej współpracy? Prosimy o informację o dostępności, warunkach i osobie do kontaktu.',
    rfqSubject: (company: string) => (company ? `Zapytanie ofertowe – ${company}` : 'Zapytanie ofertowe'),
    rfqAsk: (entity: string) => `Zwracamy się do Państwa organizacji (${entity}) z prośbą o przedstawienie oferty na:`,
    rfqPlaceholder: '[opis zamówienia: zakres, ilość, termin i miejsce realizacji]',
    rfqOfferRef: (offer: string) => `(Państwa oferta, jaką znamy: ${offer})`,
    rfqDetails:
      'Prosimy o podanie ceny netto i brutto, terminu realizacji, warunków płatności i terminu ważności oferty, a także informacji o statusie przedsiębiorstwa społecznego lub certyfikacie „Zakup Prospołeczny”, jeśli Państwo je posiadają.',
    replyTo: (email: string, phone: string) =>
      email && phone ? `Odpowiedź prosimy przesłać na adres ${email} lub zadzwonić pod numer ${phone}.` : email ? `Odpowiedź prosimy przesłać na adres ${email}.` : phone ? `W razie pytań prosimy o telefon: ${phone}.` : '',
  },
  en: {
    greeting: 'Hello,',
    closing: 'Kind regards',
    inquirySubject: (entity: string, company: string) => (company ? `Business inquiry – ${company}` : `Business inquiry – ${entity}`),
    intro: (name: string, company: string) =>
      name && company ? `My name is ${name} and I represent ${company}.` : name ? `My name is ${name}.` : company ? `I am writing on behalf of ${company}.` : '',
    inquiryInterest: (entity: string, offer: string) =>
      `We are looking for suppliers among social economy entities and are interested in the offer of ${entity}` + (offer ? `: ${offer}.` : '.'),
    inquiryAsk: 'Could we talk about working together? Please let us know about your availability, terms and a contact person.',
    rfqSubject: (company: string) => (company ? `Request for quotation – ${company}` : 'Request for quotation'),
    rfqAsk: (entity: string) => `We would like to ask ${entity} for a quotation for:`,
    rfqPlaceholder: '[what we need: scope, quantity, date and place of delivery]',
    rfqOfferRef: (offer: string) => `(Your offer as we know it: ${offer})`,
    rfqDetails:
      'Please state the net and gross price, delivery time, payment terms and how long the quotation is valid, and whether you hold the social enterprise status or the “Zakup Prospołeczny” certificate.',
    replyTo: (email: string, phone: string) =>
      email && phone ? `Please reply to ${email} or call ${phone}.` : email ? `Please reply to ${email}.` : phone ? `For any questions please call ${phone}.` : '',
  },
} as const;

/** Fills a template. Blank user fields leave their sentence out rather than a gap. */
export function composeMail(template: MailTemplateId, lang: MailLang, entity: MailEntity, sender: MailSender): MailDraft {
  const x = TEXTS[lang];
  const name = oneLine(entity.name);
  const offer = shortOffer(entity.offer);
  const user = { name: oneLine(sender.userName), company: oneLine(sender.userCompany), email: oneLine(sender.userEmail), phone: oneLine(sender.userPhone) };
  const intro = x.intro(user.name, user.company).replace(/\.\.$/, '.');
  const paragraphs: string[][] = [];
  let subject: string;
  if (template === 'inquiry') {
    subject = x.inquirySubject(name, user.company);
    paragraphs.push([intro, x.inquiryInterest(name, offer)].filter(Boolean));
    paragraphs.push([x.inquiryAsk]);
  } else {
    subject = x.rfqSubject(user.company);
    paragraphs.push([intro, x.rfqAsk(name)].filter(Boolean));
    paragraphs.push([x.rfqPlaceholder, ...(offer ? [x.rfqOfferRef(offer)] : [])]);
    paragraphs.push([x.rfqDetails]);
  }
  // A Polish letter goes on in lower case after the greeting's comma ("Dzień dobry, / nazywam się…").
  if (lang === 'pl') paragraphs[0][0] = lowerFirst(paragraphs[0][0]);
  const reply = x.replyTo(user.email, user.phone);
  if (reply) paragraphs.push([reply]);
  const signature = signatureOf(sender);
  const body = [x.greeting, '', ...paragraphs.flatMap((p) => [p.join(' '), '']), x.closing + (signature.length ? ',' : ''), ...signature].join('\n');
  return { subject: oneLine(subject), body };
}

/** Characters that would end or extend an address inside a mailto: URL (RFC 6068 §2). */
const UNSAFE_ADDRESS = /[\s,;?#&<>"'%\\/]/;

/**
 * A mailto: URL (RFC 6068): addresses in the path, subject and body as percent-encoded query values,
 * line breaks as CRLF. encodeURIComponent writes a space as %20 (never "+", which mail clients
 * would show literally). Addresses that could smuggle extra headers are dropped.
 */
export function mailtoUrl(to: readonly string[], draft: MailDraft): string {
  const addresses = to.filter((a) => isPlainEmail(a) && !UNSAFE_ADDRESS.test(a)).map((a) => encodeURIComponent(a).replace(/%40/g, '@'));
  const subject = encodeURIComponent(oneLine(draft.subject));
  const body = encodeURIComponent(draft.body.replace(/\r\n?|\n/g, '\r\n'));
  return `mailto:${addresses.join(',')}?subject=${subject}&body=${body}`;
}

/** The message as plain text to paste into a web mail: subject line, blank line, body. */
export function mailAsText(draft: MailDraft, lang: MailLang): string {
  return `${lang === 'pl' ? 'Temat' : 'Subject'}: ${draft.subject}\n\n${draft.body}`;
}
