/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { crx } from '@crxjs/vite-plugin';
import { VitePWA } from 'vite-plugin-pwa';
import manifest, { firefoxManifest } from './extension/manifest.config.ts';
import { buildDefaultPack } from './scripts/defaultPack.ts';
import { DEFAULT_PACK_FILE } from './shared/io/fetchPack.ts';

/** Emits the default directory pack (made from shared/data/*.csv) into the build's root. */
function defaultDirectory(): Plugin {
  let pack: string | undefined;
  const get = async () => (pack ??= await buildDefaultPack());
  return {
    name: 'radar-es-default-directory',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: DEFAULT_PACK_FILE, source: await get() });
    },
    configureServer(server) {
      server.middlewares.use(`/${DEFAULT_PACK_FILE}`, (_req, res) => {
        void get().then((body) => {
          res.setHeader('content-type', 'application/json');
          res.end(body);
        });
      });
    },
  };
}

/**
 * crxjs lists the injected page scanner under web_accessible_resources, which would let any site
 * probe for the file and learn that Radar ES is installed. The scanner is injected with
 * chrome.scripting (which needs no such entry), so the entry is removed from the built manifest.
 */
function noWebAccessibleResources(outDir: string): Plugin {
  return {
    name: 'radar-es-no-web-accessible-resources',
    apply: 'build',
    enforce: 'post',
    writeBundle() {
      const file = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      delete manifest.web_accessible_resources;
      writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}

// Where the builds go: `dist/` unless RADAR_DIST says otherwise (parallel builds, e.g. benchmarks
// next to a developer's build, each get their own folder; the e2e harness reads the same variable).
const DIST = resolve(process.env.RADAR_DIST ?? 'dist');

// Two builds from one source tree (`--mode extension` and `--mode spa`): crx() takes over the
// whole build, so the standalone SPA is built without it — and without any extension API.
export default defineConfig(({ mode }) => {
  if (mode === 'test') {
    // vitest: fast unit tests (Node + fake-indexeddb), then end-to-end tests that drive the built
    // extension and the standalone SPA in Debian's Chromium. `npm test` runs both.
    return {
      plugins: [svelte()],
      test: {
        projects: [
          {
            plugins: [svelte()],
            // Property tests run thousands of cases: on a loaded 2-core machine they need more than vitest's 5 s.
            test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/unit/setup.ts'], testTimeout: 30_000 },
          },
          {
            test: {
              name: 'e2e',
              include: ['tests/e2e/**/*.test.ts'],
              environment: 'node',
              testTimeout: 60_000,
              hookTimeout: 90_000,
              // One Chromium at a time: these machines have 2 cores.
              fileParallelism: false,
            },
          },
        ],
      },
    };
  }
  // The same extension for Chromium (`--mode extension`, a service worker) and for Firefox
  // (`--mode extension-firefox`, an event page): only the manifest differs.
  if (mode === 'extension' || mode === 'extension-firefox') {
    const firefox = mode === 'extension-firefox';
    const outDir = resolve(DIST, firefox ? 'extension-firefox' : 'extension');
    return {
      root: 'extension',
      publicDir: 'public',
      plugins: [
        svelte(),
        firefox ? crx({ manifest: firefoxManifest, browser: 'firefox' }) : crx({ manifest }),
        defaultDirectory(),
        noWebAccessibleResources(outDir),
      ],
      build: {
        outDir,
        emptyOutDir: true,
        // The app page is not in the manifest, so it is an explicit input (crxjs finds the popup).
        rollupOptions: {
          input: { app: 'app.html' },
          // Libraries in chunks of their own, so a page loads only those it really imports (the
          // popup must not pay for the phone-number metadata the importer and register checks need).
          output: {
            codeSplitting: {
              groups: [
                { name: 'dexie', test: /node_modules[\\/]dexie/ },
                { name: 'polyfill', test: /node_modules[\\/]webextension-polyfill/ },
                { name: 'phone', test: /node_modules[\\/]libphonenumber-js/ },
                { name: 'psl', test: /node_modules[\\/]tldts/ },
                { name: 'svelte', test: /node_modules[\\/]svelte/ },
              ],
            },
          },
        },
        chunkSizeWarningLimit: 1500,
      },
      server: { port: 5174, strictPort: true },
    };
  }
  return {
    root: 'spa',
    base: './',
    publicDir: 'public',
    plugins: [
      svelte(),
      defaultDirectory(),
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: false,
        includeAssets: ['icon-32.png', DEFAULT_PACK_FILE],
        manifest: {
          name: 'Radar ES',
          short_name: 'Radar ES',
          description: 'Dostawcy z ekonomii społecznej: katalog, zapisani, listy kontaktów.',
          lang: 'pl',
          start_url: './',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#005c63',
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,png,json,webmanifest}'],
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        },
      }),
    ],
    build: { outDir: resolve(DIST, 'spa'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
    server: { port: 5173 },
    preview: { port: 4173 },
  };
});
