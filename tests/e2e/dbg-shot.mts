import { launch, serveStatic, SPA_DIR } from '/work/main/tests/e2e/harness.ts';
import { officeCsv, manyCsv } from '/work/main/tests/fixtures/import/files.ts';
const server = await serveStatic({ dir: SPA_DIR });
const b = await launch();
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/#/import`);
  await page.waitForTimeout(1500);
  await page.getByTestId('import-file').setInputFiles(officeCsv());
  await page.getByTestId('import-counts').waitFor();
  await page.screenshot({ path: '/tmp/shot-preview-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.getByTestId('import-file').setInputFiles(manyCsv(15000));
  await page.getByTestId('import-counts').waitFor();
  await page.getByTestId('import-start').click();
  await page.getByRole('progressbar').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 0);
  await page.screenshot({ path: '/tmp/shot-progress.png' });
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-result').waitFor({ timeout: 30000 });
  await page.screenshot({ path: '/tmp/shot-cancelled.png' });
} finally {
  await b.close();
  await server.close();
}
