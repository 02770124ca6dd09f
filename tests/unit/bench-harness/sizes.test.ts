import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sizesCase } from '../../../bench/cases/sizes.ts';

// A small built extension: a popup with a stylesheet, a script importing another statically and a
// third lazily, a content script and a worker loader.
const dir = mkdtempSync(join(tmpdir(), 'radar-es-sizes-'));
const files: Record<string, string> = {
  'manifest.json': JSON.stringify({ action: { default_popup: 'popup.html' }, background: { service_worker: 'loader.js' } }),
  'popup.html': '<html><head><script type="module" crossorigin src="/assets/popup.js"></script><link rel="stylesheet" crossorigin href="/assets/popup.css"></head></html>',
  'app.html': '<html><head><script type="module" src="/assets/app.js"></script></head></html>',
  'loader.js': "import './assets/worker.js';",
  'content/pageScanner.js': '(function(){' + 'x'.repeat(500) + '})();',
  'assets/popup.js': 'import{a}from"./shared.js";const l=()=>import("./lazy.js");',
  'assets/popup.css': 'body{color:red}',
  'assets/shared.js': 'export const a=' + '1'.repeat(3000) + ';',
  'assets/lazy.js': 'export default 2;',
  'assets/app.js': 'import"./shared.js";',
  'assets/worker.js': 'self.x=1;',
};
mkdirSync(join(dir, 'assets'));
mkdirSync(join(dir, 'content'));
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...names: string[]) => names.reduce((s, n) => s + statSync(join(dir, n)).size, 0) / 1024;

describe('sizes case', () => {
  const rows = new Map(sizesCase(dir).rows.map((r) => [r.metric, r.measured as number]));

  it('counts a page with what it loads at start, following static imports', () => {
    expect(rows.get('popup (popup.html + CSS + JS loaded at open), minified')).toBeCloseTo(bytes('popup.html', 'assets/popup.js', 'assets/popup.css', 'assets/shared.js'), 6);
    expect(rows.get('app page (app.html + CSS + JS loaded at start), minified')).toBeCloseTo(bytes('app.html', 'assets/app.js', 'assets/shared.js'), 6);
    expect(rows.get('background service worker, minified')).toBeCloseTo(bytes('loader.js', 'assets/worker.js'), 6);
  });

  it('lists code behind import() apart', () => {
    expect(rows.get('popup, lazy chunks, minified')).toBeCloseTo(bytes('assets/lazy.js'), 6);
    expect(rows.has('app page, lazy chunks, minified')).toBe(false);
  });

  it('compresses: the repetitive content script gzips to far less than it weighs', () => {
    const raw = rows.get('content script (content/pageScanner.js), minified')!;
    const gz = rows.get('content script (content/pageScanner.js), gzip')!;
    expect(raw).toBeCloseTo(bytes('content/pageScanner.js'), 6);
    expect(gz).toBeGreaterThan(0);
    expect(gz).toBeLessThan(raw / 5);
  });
});
