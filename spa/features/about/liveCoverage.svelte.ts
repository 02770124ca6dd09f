// The "About the data" figures, live: the kept figures are shown at once; when the directory's
// revision moves past them (an import, an edit, a register check, in this tab or another; a chunked
// import once its last chunk is in), one new pass is made and kept. Passes never overlap: a change
// during a pass is picked up after it.
import type { RadarDB } from '../../../shared/db/database.ts';
import { computeCoverage, type Coverage } from '../../../shared/db/coverage.ts';
import { keepCoverage, readKeptCoverage } from '../../../shared/db/commands/coverage.ts';
import { followDirectory, readDirectoryRevision } from '../../../shared/db/directoryLog.ts';

export class LiveCoverage {
  coverage = $state.raw<Coverage | undefined>();
  /** Entities read so far by the running pass; undefined when none runs. */
  progress = $state<number | undefined>();
  error = $state('');
  private wanted = -1;
  private running = false;

  constructor(private readonly db: RadarDB) {}

  /** Starts following the directory; returns the function that stops it (for $effect). */
  follow(): () => void {
    let stopped = false;
    void readKeptCoverage(this.db).then((kept) => {
      if (!stopped && kept && !this.coverage) this.coverage = kept;
    });
    void readDirectoryRevision(this.db).then((revision) => {
      if (stopped) return;
      this.wanted = Math.max(this.wanted, revision);
      void this.run(() => stopped);
    });
    const unfollow = followDirectory(this.db, ({ to }) => {
      this.wanted = Math.max(this.wanted, to);
      void this.run(() => stopped);
    });
    return () => {
      stopped = true;
      unfollow();
    };
  }

  private async run(stopped: () => boolean): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!stopped()) {
        const kept = this.coverage?.revision === this.wanted ? this.coverage : await readKeptCoverage(this.db);
        if (kept && kept.revision === this.wanted) {
          this.coverage = kept;
          break;
        }
        this.progress = 0;
        const fresh = await computeCoverage(this.db, new Date(), (n) => (this.progress = n));
        await keepCoverage(this.db, fresh);
        this.coverage = fresh;
        if (fresh.revision >= this.wanted) break;
      }
    } catch (err) {
      this.error = String(err);
    } finally {
      this.progress = undefined;
      this.running = false;
    }
  }
}
