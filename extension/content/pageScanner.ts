// The content script: reads the page text once, finds identifiers and telling phrases, and sends
// them to the background. It never touches IndexedDB (the page's origin) and never listens to the
// page (no window.postMessage handler), so a page cannot talk to the extension through it.
// Budget: it runs on pages the user opens, so it stays tiny (no Svelte, no Dexie).
import { scanText } from '../../shared/model/scan.ts';
import { send } from '../../shared/messages/client.ts';
import { pageText } from './pageText.ts';

function meta(selector: string): string | undefined {
  const v = document.querySelector<HTMLMetaElement>(selector)?.content?.trim();
  return v ? v.slice(0, 500) : undefined;
}

function scan(): void {
  // Text nodes' text (as textContent, not innerText: no layout), only the first and last ~100 KB.
  const hints = scanText(document.body ? pageText(document.body) : '');
  hints.title = (meta('meta[property="og:title"]') ?? document.title.trim().slice(0, 500)) || undefined;
  hints.siteName = meta('meta[property="og:site_name"]');
  send({ type: 'page-hints', hints }).catch(() => {
    // The worker may be restarting; the next scan (or the popup) will try again.
  });
}

if (document.readyState === 'complete') scan();
else window.addEventListener('load', () => scan(), { once: true });
