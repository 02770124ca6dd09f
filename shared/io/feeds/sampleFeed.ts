// The project's own feed: the sample directory (shared/data/pes-directory-sample.csv), published
// in the repository at shared/data/feed/ and shipped in every build as the default directory.
// The app trusts exactly this public key for it; the private half is kept by the maintainers
// outside the repository (scripts/sampleFeed.ts rebuilds the feed with it).
export const SAMPLE_FEED = {
  publisher: 'Radar ES — katalog domyślny',
  /** Where subscribers send corrections of the sample. */
  contact: 'katalog@radar-es.example.org',
  licence: 'Zestawienie z publicznych stron internetowych; strona źródłowa każdego wpisu w jego źródłach',
  /** The sample's last change (shared/data/PROVENANCE.md); the feed's date. */
  date: '2026-12-03',
  publicKey: 'e6_Ns5aQFFKO0-wSRMth-UNIkKtjVtNRZlSwemKQNOA',
  fingerprint: 'EEC1 22E5 ED98 5CD3 0C47 5FB1 A663 08F9 0A13 0B9B',
} as const;

/** Folder of the published sample feed, relative to the repository root. */
export const SAMPLE_FEED_DIR = 'shared/data/feed';
/** Where the builds put the feed (next to the app), and so the bundled feed's path. */
export const BUNDLED_FEED_PATH = 'feed/index.json';
