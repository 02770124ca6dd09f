// The kept "About the data" figures: one record in `blobs`, tagged with the directory revision it
// was computed from (a cache, never a directory write, so no revision bump).
import type { RadarDB } from '../database.ts';
import type { Coverage } from '../coverage.ts';

export const COVERAGE_KEY = 'coverage';

export async function keepCoverage(db: RadarDB, coverage: Coverage): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    // A slower pass of an older revision never replaces a newer one.
    const current = await db.blobs.get(COVERAGE_KEY);
    if (current && current.revision > coverage.revision) return;
    await db.blobs.put({ key: COVERAGE_KEY, revision: coverage.revision, value: coverage });
  });
}

export async function readKeptCoverage(db: RadarDB): Promise<Coverage | undefined> {
  const row = await db.blobs.get(COVERAGE_KEY);
  return row ? (row.value as Coverage) : undefined;
}
