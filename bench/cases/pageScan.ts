// Case "page scan on ~3 MB of text": the built content script (content/pageScanner.js, byte for
// byte) run on a large page, timed on the page's main thread, next to reading
// document.body.textContent alone (the floor: the scanner must read the text once).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, StaticServer } from '../../tests/e2e/harness.ts';
import { bigPageHtml } from '../bigPage.ts';
import type { CaseResult } from '../report.ts';
import { ratio, summarize } from '../stats.ts';

// Runs in the page. The content script calls chrome.runtime.sendMessage once with its findings; a
// stub keeps the message. Compiling the script is part of its cost, so it is inside the timing.
// (A string, not a function: tsx would wrap nested functions in a helper the page does not have.)
export const TIME_SCRIPT = `(src) => {
  // The script finds the extension API on the page's globals (shared/messages/client.ts): a stub
  // stands in for it while the script runs, and the page's own global is put back after.
  let sent;
  const own = Object.getOwnPropertyDescriptor(globalThis, 'chrome');
  Object.defineProperty(globalThis, 'chrome', { configurable: true, writable: true, value: { runtime: { id: 'bench', sendMessage: (m) => { sent = m; return Promise.resolve({ ok: true }); } } } });
  const t = performance.now();
  try {
    new Function(src)();
  } finally {
    var ms = performance.now() - t;
    if (own) Object.defineProperty(globalThis, 'chrome', own); else delete globalThis.chrome;
  }
  return { ms, hints: sent.hints };
}`;

export async function pageScanCase(opts: {
  browser: Browser;
  server: StaticServer;
  pagesDir: string;
  extensionDir: string;
  repeats: number;
}): Promise<CaseResult> {
  const t0 = performance.now();
  const { html, nip, krs, regon } = bigPageHtml();
  mkdirSync(opts.pagesDir, { recursive: true });
  writeFileSync(join(opts.pagesDir, 'big.html'), html);
  const script = readFileSync(join(opts.extensionDir, 'content/pageScanner.js'), 'utf8');

  const page = await opts.browser.context.newPage();
  await page.goto(`${opts.server.url}/pages/big.html`, { waitUntil: 'load' });
  const shape = await page.evaluate(() => ({ elements: document.getElementsByTagName('*').length, chars: document.body.textContent!.length }));

  const scan: number[] = [];
  const read: number[] = [];
  let found: { nips: string[]; krs: string[]; regons: string[] } | undefined;
  for (let i = 0; i < opts.repeats; i++) {
    // Alternate the order so that neither side always runs right after a GC or a warm cache.
    const order = i % 2 ? ['scan', 'read'] : ['read', 'scan'];
    for (const which of order) {
      if (which === 'read') {
        read.push(await page.evaluate(() => {
          const t = performance.now();
          const text = document.body.textContent;
          const ms = performance.now() - t;
          if (!text) throw new Error('empty page');
          return ms;
        }));
      } else {
        const r = (await page.evaluate(`(${TIME_SCRIPT})(${JSON.stringify(script)})`)) as { ms: number; hints: { nips: string[]; krs: string[]; regons: string[] } };
        scan.push(r.ms);
        found = r.hints;
      }
    }
  }
  await page.close();

  const ok = !!found && found.nips.includes(nip) && found.krs.includes(krs) && found.regons.includes(regon);
  if (!ok) throw new Error(`the content script did not find the page's identifiers: ${JSON.stringify(found)}`);
  const s = summarize(scan);
  const b = summarize(read);
  const rr = ratio(s.p50, b.p50);
  return {
    id: 'page-scan',
    title: 'Page scan on ~3 MB of text',
    method:
      `The built content script (\`content/pageScanner.js\`, as injected) compiled and run on a synthetic page of ` +
      `${shape.elements.toLocaleString('en-US')} elements and ${(shape.chars / 1e6).toFixed(2)} M characters of text, timed with performance.now() ` +
      'on the page\'s main thread (its one message is caught by a stub); baseline: reading `document.body.textContent` alone on the same page, alternating.',
    rows: [
      {
        metric: 'content script, main-thread time',
        unit: 'ms',
        measured: s,
        baseline: { label: 'document.body.textContent', value: b },
        ratio: rr,
        goal: '≤ 1.5× the read',
        met: rr <= 1.5,
      },
    ],
    notes: [`It found NIP ${nip}, KRS ${krs} and REGON ${regon} (header and footer of the page).`],
    seconds: (performance.now() - t0) / 1000,
  };
}
