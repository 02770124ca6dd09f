// Registers the service worker generated at build time (vite-plugin-pwa / Workbox), which precaches
// the app shell and the default directory, so the standalone SPA starts without a network.
export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
