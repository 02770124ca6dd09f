// Case "sizes": bytes a user's browser loads for each part of the built extension, minified as
// built and gzip-compressed (zlib, level 9). A page counts its HTML, its stylesheets and every
// script it loads at start (static imports, followed transitively); code behind a dynamic
// import() is counted apart as "lazy".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CaseResult, Row } from '../report.ts';

interface Size { raw: number; gzip: number; files: string[] }

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;
const HTML_REF = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g;

function gz(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/** Files a page or script loads at start, and the ones it may load later. */
function closure(root: string, entries: string[]): { initial: string[]; lazy: string[] } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (initial.has(file) || into.has(file) || !existsSync(file)) return;
    into.add(file);
    if (!file.endsWith('.js')) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) visit(resolveRef(root, file, m[1]), into);
    for (const m of text.matchAll(DYNAMIC_IMPORT)) visit(resolveRef(root, file, m[1]), lazy);
  };
  for (const e of entries) visit(e, initial);
  for (const f of initial) lazy.delete(f);
  return { initial: [...initial], lazy: [...lazy] };
}

function resolveRef(root: string, from: string, ref: string): string {
  return ref.startsWith('/') ? join(root, ref) : normalize(join(dirname(from), ref));
}

function measure(files: string[]): Size {
  const bufs = files.map((f) => readFileSync(f));
  return { raw: bufs.reduce((s, b) => s + b.length, 0), gzip: gz(Buffer.concat(bufs)), files };
}

function page(root: string, html: string): { initial: Size; lazy: Size } {
  const file = join(root, html);
  const text = readFileSync(file, 'utf8');
  const refs = [...text.matchAll(HTML_REF)].map((m) => resolveRef(root, file, m[1]));
  const { initial, lazy } = closure(root, [file, ...refs]);
  return { initial: measure(initial), lazy: measure(lazy) };
}

const KB = 1024;

export function sizesCase(extensionDir: string): CaseResult {
  const t0 = performance.now();
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const rows: Row[] = [];
  const add = (metric: string, s: Size, goalKB?: number, gzipGoalKB?: number) => {
    rows.push({ metric: `${metric}, minified`, unit: 'KB', measured: s.raw / KB, ...(goalKB !== undefined && { goal: `≤ ${goalKB} KB`, met: s.raw / KB <= goalKB }) });
    rows.push({ metric: `${metric}, gzip`, unit: 'KB', measured: s.gzip / KB, ...(gzipGoalKB !== undefined && { goal: `≤ ${gzipGoalKB} KB`, met: s.gzip / KB <= gzipGoalKB }) });
  };
  // The content script is injected by the worker from this file (extension/background/scanTab.ts).
  add('content script (content/pageScanner.js)', measure([join(extensionDir, 'content/pageScanner.js')]), 10);
  const popup = page(extensionDir, manifest.action.default_popup);
  add('popup (popup.html + CSS + JS loaded at open)', popup.initial, undefined, 60);
  if (popup.lazy.files.length) add('popup, lazy chunks', popup.lazy);
  const app = page(extensionDir, 'app.html');
  add('app page (app.html + CSS + JS loaded at start)', app.initial, undefined, 150);
  if (app.lazy.files.length) add('app page, lazy chunks', app.lazy);
  const loader = join(extensionDir, manifest.background.service_worker);
  const worker = closure(extensionDir, [loader]);
  add('background service worker', measure(worker.initial), 60);
  return {
    id: 'sizes',
    title: 'Sizes of the built extension',
    method:
      'Bytes of the production build (`vite build --mode extension`), minified as built and gzip-compressed (level 9). ' +
      'A page counts its HTML, stylesheets and every script loaded at start (static imports followed transitively); code behind `import()` is listed as lazy.',
    rows,
    seconds: (performance.now() - t0) / 1000,
  };
}
