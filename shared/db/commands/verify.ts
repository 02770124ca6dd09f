// Register checks (issue 8): the queue the background works through, and the user's decision about
// what a register said. One transaction per command, like every write in shared/db.
import type { RadarDB } from '../database.ts';
import { nowIso } from '../ids.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';
import { applyRegisterValues } from '../../io/registers/apply.ts';
import type { DiffField } from '../../io/registers/diff.ts';
import { isActive, isDue, newJob, records, settle, stepAfter } from '../../io/registers/job.ts';
import { clampRate, DEFAULT_RATE, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../io/registers/retry.ts';
import type { CheckOutcome, RegisterId, VerifyJob } from '../../io/registers/types.ts';

/**
 * Queues a check of each entity (one job per entity). An entity already in the queue keeps its
 * place; one checked before is checked afresh. Unknown ids are skipped.
 */
export async function enqueueVerification(db: RadarDB, entityIds: string[], now: string = nowIso()): Promise<{ queued: number; already: number }> {
  return db.transaction('rw', db.entities, db.verifyQueue, async () => {
    const ids = [...new Set(entityIds)];
    const [entities, jobs, last] = await Promise.all([db.entities.bulkGet(ids), db.verifyQueue.bulkGet(ids), db.verifyQueue.orderBy('order').last()]);
    let order = (last?.order ?? 0) + 1;
    const fresh: VerifyJob[] = [];
    let already = 0;
    entities.forEach((entity, i) => {
      if (!entity) return;
      const job = jobs[i];
      if (job && isActive(job)) already++;
      else fresh.push(newJob(entity, now, order++));
    });
    await db.verifyQueue.bulkPut(fresh);
    return { queued: fresh.length, already };
  });
}

/** Takes the first due job (in queue order) and marks it running; undefined when none is due. */
export async function claimDueJob(db: RadarDB, now: Date = new Date()): Promise<VerifyJob | undefined> {
  return db.transaction('rw', db.verifyQueue, async () => {
    const candidates = await db.verifyQueue.where('status').anyOf('queued', 'waiting').toArray();
    const due = candidates.filter((j) => isDue(j, now.getTime())).sort((a, b) => a.order - b.order)[0];
    if (!due) return undefined;
    const running: VerifyJob = { ...due, status: 'running', updatedAt: now.toISOString() };
    await db.verifyQueue.put(running);
    return running;
  });
}

/** When the background should look at the queue again: the earliest wait, or now; undefined when idle. */
export async function nextQueueWake(db: RadarDB): Promise<number | undefined> {
  const jobs = await db.verifyQueue.where('status').anyOf('queued', 'running', 'waiting').toArray();
  if (jobs.length === 0) return undefined;
  return Math.min(...jobs.map((j) => (j.status === 'waiting' && j.nextAt ? Date.parse(j.nextAt) : 0)));
}

/**
 * A job the background was working on when it was stopped (MV3 ends idle workers, the browser
 * closes) goes back to the queue. Only the background runs jobs, so a running job seen by a
 * starting background is one its previous life left behind.
 */
export async function requeueInterrupted(db: RadarDB, now: string = nowIso()): Promise<number> {
  return db.transaction('rw', db.verifyQueue, async () => {
    const running = await db.verifyQueue.where('status').equals('running').toArray();
    await db.verifyQueue.bulkPut(running.map((j) => ({ ...j, status: 'queued' as const, updatedAt: now })));
    return running.length;
  });
}


/**
 * Stores one register's outcome for a running job and settles the job. When every register has
 * answered and nothing differs, the entity is marked verified in the same transaction.
 * Returns the job as stored (undefined when it was removed or reset meanwhile).
 */
export async function recordOutcome(
  db: RadarDB,
  entityId: string,
  register: RegisterId,
  outcome: CheckOutcome,
  opts: { now?: Date; policy?: RetryPolicy; random?: number } = {},
): Promise<VerifyJob | undefined> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', db.entities, db.verifyQueue, db.settings, async () => {
    const job = await db.verifyQueue.get(entityId);
    if (!job || job.status !== 'running') return undefined;
    const entity = await db.entities.get(entityId);
    if (!entity) {
      await db.verifyQueue.delete(entityId);
      return undefined;
    }
    const step = stepAfter(job.steps[register], outcome, opts.policy ?? DEFAULT_RETRY_POLICY, now, opts.random ?? Math.random());
    const settled = settle({ ...job, steps: { ...job.steps, [register]: step } }, entity, now);
    await db.verifyQueue.put(settled);
    if (settled.status === 'done') {
      // Nothing to accept: the entity is verified as it stands, with the registers as sources.
      await db.entities.put(withKeys(applyRegisterValues(entity, records(settled), {}, now.toISOString())));
    }
    return settled;
  });
}

/**
 * The user's decision on a reviewed job: `accepted` maps each field taken to the register it came
 * from (the diff row's register). Accepting nothing keeps the stored values but still records
 * that they were checked. The entity gets the values, the registers as sources, and verifiedAt.
 */
export async function acceptVerification(
  db: RadarDB,
  entityId: string,
  accepted: Partial<Record<DiffField, RegisterId>>,
  now: string = nowIso(),
): Promise<boolean> {
  return db.transaction('rw', db.entities, db.verifyQueue, db.settings, async () => {
    const [job, entity] = await Promise.all([db.verifyQueue.get(entityId), db.entities.get(entityId)]);
    if (!job || !entity || (job.status !== 'review' && job.status !== 'done')) return false;
    const answered = records(job);
    if (answered.length === 0) return false;
    await db.entities.put(withKeys(applyRegisterValues(entity, answered, accepted, now)));
    await db.verifyQueue.put({ ...job, status: 'done', updatedAt: now });
    if (Object.keys(accepted).length) await bumpDirectoryRevision(db, [entityId]);
    return true;
  });
}

/**
 * Checks that failed for want of the host permission, queued again (the user has just granted it,
 * possibly after the popup that asked was closed by the prompt). Returns how many.
 */
export async function requeueAfterPermission(db: RadarDB, now: string = nowIso()): Promise<number> {
  const failed = await db.verifyQueue.where('status').equals('failed').filter((j) => j.reason === 'permission').primaryKeys();
  return (await enqueueVerification(db, failed, now)).queued;
}

/** Takes a job out of the queue (the user cancels it, or dismisses a finished one). */
export async function removeVerifyJob(db: RadarDB, entityId: string): Promise<void> {
  await db.transaction('rw', db.verifyQueue, () => db.verifyQueue.delete(entityId));
}

/** Clears the finished jobs (verified or given up); those waiting for review stay. */
export async function clearFinishedVerifyJobs(db: RadarDB): Promise<number> {
  return db.transaction('rw', db.verifyQueue, () => db.verifyQueue.where('status').anyOf('done', 'failed').delete());
}

const RATE_KEY = 'verifyRatePerSecond';

/** Requests per second to each register (the polite rate), as the user set it. */
export async function getVerifyRate(db: RadarDB): Promise<number> {
  const row = await db.settings.get(RATE_KEY);
  return typeof row?.value === 'number' ? clampRate(row.value) : DEFAULT_RATE;
}

export async function setVerifyRate(db: RadarDB, rate: number): Promise<number> {
  const value = clampRate(rate);
  await db.transaction('rw', db.settings, () => db.settings.put({ key: RATE_KEY, value }));
  return value;
}
