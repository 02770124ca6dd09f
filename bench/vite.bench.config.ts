// Builds the benchmark's own page (bench/page/) with the product's modules, so the cases in the
// browser call the real code (shared/db commands, shared/io/import, shared/search) as built by the
// same vite. It is copied next to the built extension and SPA in the benchmark's own dist folder
// (never into dist/), so it shares their origin and database without any hook in product code.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const DIST = resolve(process.env.RADAR_DIST ?? 'bench/.data/dist');

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(DIST, 'bench-page'),
    emptyOutDir: true,
    // Extension pages forbid inline scripts; the polyfill is not needed in Chromium anyway.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'page/index.html'),
        blank: resolve(import.meta.dirname, 'page/blank.html'),
      },
    },
  },
  worker: { format: 'es' },
});
