// The register-check queue, worked through in the service worker. MV3 stops an idle worker at
// any moment, so the queue lives in the database (shared/db/commands/verify.ts), never in memory:
// each register's answer is stored as it arrives, a job cut off mid-way is put back on start, and
// an alarm wakes the worker for the next retry or to resume after it was stopped.
import browser from 'webextension-polyfill';
import { getDb } from '../../shared/db/database.ts';
import { claimDueJob, getVerifyRate, nextQueueWake, recordOutcome, requeueAfterPermission, requeueInterrupted } from '../../shared/db/commands/verify.ts';
import { checkRegister, type CheckDeps } from '../../shared/io/registers/check.ts';
import { KRS_ORIGIN, WL_ORIGIN } from '../../shared/io/registers/endpoints.ts';
import { dueRegisters } from '../../shared/io/registers/job.ts';
import { intervalMs } from '../../shared/io/registers/retry.ts';
import type { CheckOutcome, RegisterId } from '../../shared/io/registers/types.ts';
import { handle } from './dispatch.ts';
import { afterWakeUp } from './wakeUp.ts';

const ALARM = 'radar-es-verify-queue';
/** Waits shorter than this are slept through; longer ones end the run and leave an alarm. */
const SLEEP_LIMIT_MS = 20_000;
/** While working, an alarm stays this far ahead: if the worker is stopped, it starts it again. */
const RESUME_AFTER_MS = 30_000;

const db = getDb();
const ORIGIN: Record<RegisterId, string> = { krs: KRS_ORIGIN, wl: WL_ORIGIN };
const lastRequestAt = new Map<RegisterId, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The polite rate: at most `rate` requests per second to each register (read each time: the user may change it). */
async function turn(register: RegisterId): Promise<void> {
  const gap = intervalMs(await getVerifyRate(db));
  const wait = (lastRequestAt.get(register) ?? 0) + gap - Date.now();
  if (wait > 0) await sleep(wait);
  lastRequestAt.set(register, Date.now());
}

const deps: CheckDeps = {
  fetch: (url, init) => fetch(url, init),
  turn,
  online: () => navigator.onLine,
  now: () => new Date(),
};

async function granted(register: RegisterId): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${ORIGIN[register]}/*`] });
}

async function checkOne(entityId: string, register: RegisterId): Promise<CheckOutcome> {
  const entity = await db.entities.get(entityId);
  if (!entity) return { kind: 'fail', reason: 'no_identifier' }; // recordOutcome drops the job of a deleted entity
  // Without the host permission the request would fail like a network error: say what is missing.
  if (!(await granted(register))) return { kind: 'fail', reason: 'permission' };
  return checkRegister(register, entity, deps);
}

async function run(): Promise<void> {
  for (;;) {
    const job = await claimDueJob(db);
    if (!job) {
      const wake = await nextQueueWake(db);
      if (wake === undefined) {
        await browser.alarms.clear(ALARM);
        return;
      }
      const wait = wake - Date.now();
      if (wait > SLEEP_LIMIT_MS) {
        await browser.alarms.create(ALARM, { when: wake });
        return;
      }
      await sleep(Math.max(0, wait));
      continue;
    }
    await browser.alarms.create(ALARM, { when: Date.now() + RESUME_AFTER_MS });
    for (const register of dueRegisters(job, Date.now())) {
      // A check that throws (a database error, a bug) is a failed attempt, never a job left running.
      const outcome = await checkOne(job.entityId, register).catch(
        (err: unknown): CheckOutcome => ({ kind: 'fail', reason: 'malformed', detail: err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200) }),
      );
      await recordOutcome(db, job.entityId, register, outcome);
    }
  }
}

// Jobs a stopped worker left running go back to the queue before this worker claims any (once per
// wake-up, when the queue is first worked on).
let ready: Promise<unknown> | undefined;
let running: Promise<void> | undefined;

/** Works through the queue until nothing is due; concurrent calls share one run. */
export function processVerifyQueue(): Promise<void> {
  ready ??= requeueInterrupted(db).catch((err) => console.error('Radar ES: verify queue could not be resumed', err));
  running ??= ready
    .then(run)
    .catch((err) => console.error('Radar ES: verify queue stopped', err))
    .finally(() => {
      running = undefined;
    });
  return running;
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void processVerifyQueue();
});

// Access granted (maybe after the popup that asked was closed by the prompt): retry what it blocked.
browser.permissions.onAdded.addListener((added) => {
  if (!added.origins?.some((o) => o.startsWith(KRS_ORIGIN) || o.startsWith(WL_ORIGIN))) return;
  void requeueAfterPermission(db).then(() => processVerifyQueue());
});

// An extension page queued checks, or opened and sees jobs waiting.
handle('verify-wake', async () => {
  void processVerifyQueue();
  return { ok: true };
});

// Whatever woke the worker (a tab event, the browser starting, an alarm), pending work resumes:
// after the wake-up's first badge decision (wakeUp.ts), which a navigation is waiting for.
afterWakeUp(() => void processVerifyQueue());
