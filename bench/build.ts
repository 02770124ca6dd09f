// Builds the extension, the standalone SPA and the benchmark page into the benchmark's own folder
// (RADAR_DIST = bench/.data/dist), never into dist/, then puts the benchmark page next to each
// product build (`bench/` inside each) so it shares their origin and store. The product files are
// left exactly as built.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

function vite(args: string[], dist: string): void {
  execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    env: { ...process.env, RADAR_DIST: dist },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function buildAll(dist: string): void {
  vite(['--mode', 'extension'], dist);
  vite(['--mode', 'extension-firefox'], dist);
  vite(['--mode', 'spa'], dist);
  vite(['-c', 'bench/vite.bench.config.ts'], dist);
  for (const product of ['extension', 'extension-firefox', 'spa']) {
    const target = join(dist, product, 'bench');
    rmSync(target, { recursive: true, force: true });
    cpSync(join(dist, 'bench-page'), target, { recursive: true });
  }
}
