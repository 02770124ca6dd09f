// The app's pages other than the directory (its landing page), each loaded when first opened so the
// app starts with the directory's code only. Vite turns every import() into a chunk of its own.
import type { Component } from 'svelte';
import type { Route } from './router.svelte.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the pages take different props (an id, a topic)
export type PageLoader = () => Promise<{ default: Component<any> }>;

export const PAGES: Record<Exclude<Route['name'], 'directory'>, PageLoader> = {
  entity: () => import('./features/entity/EntityPage.svelte'),
  add: () => import('./features/entity/AddEntityPage.svelte'),
  saved: () => import('./features/saved/SavedPage.svelte'),
  lists: () => import('./features/lists/ListsPage.svelte'),
  list: () => import('./features/lists/ListPage.svelte'),
  flags: () => import('./features/flags/FlagsPage.svelte'),
  import: () => import('./features/import/ImportPage.svelte'),
  feeds: () => import('./features/feeds/FeedsPage.svelte'),
  settings: () => import('./features/settings/SettingsPage.svelte'),
  welcome: () => import('./features/welcome/WelcomePage.svelte'),
  about: () => import('./features/about/AboutPage.svelte'),
  help: () => import('./features/help/HelpPage.svelte'),
};
