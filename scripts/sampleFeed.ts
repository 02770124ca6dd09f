// Rebuilds the sample feed in the repository (shared/data/feed/) from shared/data/pes-directory-sample.csv
// after the CSV changed — a maintainer's job, because it needs the private key of the sample feed,
// which is never committed: `npm run feed:sample -- --key path/to/sample-feed-key.json` (default:
// .keys/sample-feed-key.json, ignored by git). The unit test tests/unit/feeds/sampleFeed.test.ts
// fails while the committed feed and the CSV disagree, and says to run this.
import { fileURLToPath } from 'node:url';
import { main } from './feed.ts';
import { SAMPLE_FEED, SAMPLE_FEED_DIR } from '../shared/io/feeds/sampleFeed.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const i = process.argv.indexOf('--key');
const key = i > 0 ? process.argv[i + 1] : `${root}.keys/sample-feed-key.json`;
await main([
  'build',
  '--key', key,
  '--publisher', SAMPLE_FEED.publisher,
  '--contact', SAMPLE_FEED.contact,
  '--licence', SAMPLE_FEED.licence,
  '--date', SAMPLE_FEED.date,
  '--prune',
  '--out', `${root}${SAMPLE_FEED_DIR}`,
  `${root}shared/data/pes-directory-sample.csv`,
]);
