// The Content-Security-Policy (issue #19, finding 12): the standalone build carries a strict one
// and breaks nothing under it (no violation while a user goes through every page, imports a file
// and opens a contact card's QR); it is enforced (an injected inline script is refused); and the
// extension's pages run under the manifest's stricter policy without a violation either.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, launchExtension, serveStatic, SPA_DIR, until, type Browser, type ExtensionSession, type StaticServer } from './harness.ts';

const ROUTES = ['#/directory', '#/saved', '#/lists', '#/flags', '#/import', '#/settings', '#/add'];

/** Every CSP violation any page of the context reports, from before its first script runs. */
async function watchViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const pages: Page[] = [];
  context.on('page', (p) => pages.push(p));
  return async () => {
    const all: string[] = [];
    for (const p of pages) if (!p.isClosed()) all.push(...(await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    return all;
  };
}

describe('standalone app CSP', () => {
  let server: StaticServer;
  let browser: Browser;
  let violations: () => Promise<string[]>;

  beforeAll(async () => {
    server = await serveStatic({ dir: SPA_DIR });
    browser = await launch();
    violations = await watchViolations(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the built page carries the policy as its first tag', () => {
    const html = readFileSync(join(SPA_DIR, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    const policy = meta?.[1].replace(/&#39;/g, "'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('every page, an import and a QR code work without a violation', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/#/directory`);
    await page.getByTestId('results').waitFor({ timeout: 30_000 });
    for (const route of ROUTES) {
      await page.goto(`${server.url}/${route}`);
      await page.locator('h1').first().waitFor();
    }
    await page.goto(`${server.url}/#/import`);
    await page.getByTestId('import-file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('Nazwa;Miasto\nFundacja Testowa CSP;Lublin\n') });
    await page.getByTestId('import-start').waitFor({ timeout: 30_000 });
    await until(async () => !(await page.getByTestId('import-start').isDisabled()), 'the preview', 30_000);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/#/directory`);
    await page.getByTestId('results').getByRole('link').first().click();
    await page.getByTestId('contact-qr').locator('svg path').waitFor({ timeout: 20_000 });
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('is enforced: an injected inline script does not run', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/directory`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.head.append(s);
    });
    await until(async () => (await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)) > 0, 'the violation report');
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect((await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))[0]).toMatch(/^script-src/);
  });
});

describe('extension CSP', () => {
  let ext: ExtensionSession;

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the manifest sets a policy stricter than the default, and the app page runs under it', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    const violations = await watchViolations(ext.context);
    const page = await ext.open('app.html#/directory');
    await page.getByTestId('results').waitFor({ timeout: 30_000 });
    for (const route of ROUTES) {
      await page.goto(`chrome-extension://${ext.id}/app.html${route}`);
      await page.locator('h1').first().waitFor();
    }
    const popup = await ext.open('popup.html');
    await popup.locator('body').waitFor();
    expect(await violations()).toEqual([]);
  });
});
