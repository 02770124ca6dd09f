// The standalone SPA: its own origin and its own store; works offline once visited.
import { mount } from 'svelte';
import '../shared/ui/theme.css';
import App from './App.svelte';
import type { Platform } from './platform.ts';
import { DEFAULT_PACK_FILE } from '../shared/io/fetchPack.ts';
import { registerOffline } from './offline.ts';

const platform: Platform = {
  kind: 'standalone',
  defaultPackUrl: new URL(DEFAULT_PACK_FILE, document.baseURI).href,
};

mount(App, { target: document.getElementById('app')!, props: { platform } });
registerOffline();
