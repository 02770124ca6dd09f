import { launchExtension, serveStatic } from '/work/main/tests/e2e/harness.ts';
import { officeCsv } from '/work/main/tests/fixtures/import/files.ts';
const sites = await serveStatic({ byHost: true });
const ext = await launchExtension({ sitesPort: sites.port });
try {
  const page = await ext.open('app.html#/import');
  await new Promise((r) => setTimeout(r, 3000));
  const site = await ext.context.newPage();
  await site.goto('http://nowa-spoldzielnia.pl/');
  const tab = await ext.tabId(site);
  console.log('badge before', await ext.badge(tab));
  await page.bringToFront();
  page.on('console', (m) => console.log('page:', m.text()));
  ext.worker.on('console', (m) => console.log('sw:', m.text()));
  await page.getByTestId('import-file').setInputFiles(officeCsv());
  await page.getByTestId('import-counts').waitFor();
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-result').waitFor();
  await new Promise((r) => setTimeout(r, 1500));
  console.log('badge after', await ext.badge(tab));
  const tabs = await ext.worker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({})).map((t: any) => [t.id, t.url]));
  console.log(tabs);
  await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'directory-changed' }));
  await new Promise((r) => setTimeout(r, 1000));
  console.log('badge after manual', await ext.badge(tab));
} finally {
  await ext.close();
  await sites.close();
}
