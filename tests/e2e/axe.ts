// axe-core in a page under test: injected from node_modules (never fetched), run on the whole
// document, and the violations that matter returned with enough detail to fix them.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { ROOT } from './harness.ts';

const AXE_PATH = `${ROOT}/node_modules/axe-core/axe.min.js`;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical violations on the page as it is now (WCAG 2.1 A/AA rules and best practices). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.addScriptTag({ path: AXE_PATH }).catch(() => undefined);
    // Extension pages forbid inline scripts (MV3 CSP): evaluate the same file through the debugger.
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
