// The content script: reads the page text once, finds identifiers and telling phrases, and sends
// them to the background. It never touches IndexedDB (the page's origin) and never listens to the
// page (no window.postMessage handler), so a page cannot talk to the extension through it.
// Budget: it runs on pages the user opens, so it stays tiny (no Svelte, no Dexie).
import { scanText } from '../../shared/model/scan.ts';
import { addPlace, emptyFacts, MAX_PLACE_CHARS, MAX_SCRIPT_CHARS, MAX_SCRIPTS, readJsonLd, readLink, readNamePhrases } from '../../shared/model/pageFacts.ts';
import { send } from '../../shared/messages/client.ts';
import type { RawPageFacts } from '../../shared/model/types.ts';
import { pageText, textOf } from './pageText.ts';

function meta(selector: string): string | undefined {
  const v = document.querySelector<HTMLMetaElement>(selector)?.content?.trim();
  return v ? v.slice(0, 500) : undefined;
}

/** Links a page may have by the hundred (a directory of e-mails): the first ones are the page's own. */
const MAX_LINKS = 100;
const CONTACT_LINK = /^\s*(?:mailto|tel):/i;

/**
 * Collects, while the page text is read, what the page states about its organisation: mailto:/tel:
 * links, <address> and footers among the elements the capped walk passes (the kept ends of a long
 * page, where contact data sits: a second pass over a 72,000-element page's DOM cost more than
 * reading its text), and JSON-LD scripts, from one selector (only `type="application/ld+json"`:
 * never a script's code; ~1 ms on that page).
 */
function factsReader(): { onElement: (el: Element) => void; read: (text: string) => RawPageFacts } {
  const facts = emptyFacts();
  const links: string[] = [];
  const onElement = (el: Element) => {
    const name = el.localName;
    if (name === 'a') {
      const href = el.getAttribute('href');
      if (href && links.length < MAX_LINKS && CONTACT_LINK.test(href)) links.push(href);
    } else if (name === 'address' || name === 'footer') addPlace(facts, textOf(el, MAX_PLACE_CHARS));
  };
  const read = (text: string) => {
    const jsonLd: string[] = [];
    for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
      // The text node's data, its length checked before anything copies or parses it.
      const data = el.childNodes.length === 1 ? (el.firstChild as CharacterData).data : '';
      if (jsonLd.length < MAX_SCRIPTS && data.length <= MAX_SCRIPT_CHARS) jsonLd.push(data);
    }
    // Structured data first: what it states is listed before what links and text add.
    readJsonLd(jsonLd, facts);
    for (const href of links) readLink(href, facts);
    readNamePhrases(text, facts);
    return facts;
  };
  return { onElement, read };
}

function scan(): void {
  // Text nodes' text (as textContent, not innerText: no layout), only the first and last ~100 KB.
  const facts = factsReader();
  const text = document.body ? pageText(document.body, undefined, undefined, facts.onElement) : '';
  const hints = scanText(text);
  hints.facts = facts.read(text);
  hints.title = (meta('meta[property="og:title"]') ?? document.title.trim().slice(0, 500)) || undefined;
  hints.siteName = meta('meta[property="og:site_name"]');
  send({ type: 'page-hints', hints }).catch(() => {
    // The worker may be restarting; the next scan (or the popup) will try again.
  });
}

if (document.readyState === 'complete') scan();
else window.addEventListener('load', () => scan(), { once: true });
