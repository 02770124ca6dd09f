// The standalone SPA: its own origin and its own store; works offline once visited.
import { mount } from 'svelte';
import '../shared/ui/theme.css';
import App from './App.svelte';
import type { Platform } from './platform.ts';
import { DEFAULT_PACK_FILE } from '../shared/io/fetchPack.ts';
import { BUNDLED_FEED_PATH } from '../shared/io/feeds/sampleFeed.ts';
import { registerOffline } from './offline.ts';

const platform: Platform = {
  kind: 'standalone',
  defaultPackUrl: new URL(DEFAULT_PACK_FILE, document.baseURI).href,
  defaultFeedUrl: new URL(BUNDLED_FEED_PATH, document.baseURI).href,
};

mount(App, { target: document.getElementById('app')!, props: { platform } });
registerOffline();
