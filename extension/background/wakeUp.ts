// What a wake-up of the service worker does first: decide the badge. MV3 starts the worker for each
// navigation after it was stopped (30 s idle), and the navigation is waiting for its badge; the
// worker's own housekeeping (resuming the register-check queue, following the directory's change
// log — both open Dexie and run transactions on this one thread) waits until the first decision of
// the wake-up is made, or a moment when no decision is asked for (a wake-up by an alarm, a message).
//
// Measured on a cold worker before this: ~93 ms from the navigation event to the badge, with Dexie's
// open and the queue's read-write transaction started at wake-up in the same thread as the decision.

/** Housekeeping starts at the latest this long after wake-up when no decision is asked for. */
const IDLE_START_MS = 300;

const waiting: (() => void)[] = [];
let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function start(): void {
  if (started) return;
  started = true;
  clearTimeout(timer);
  for (const task of waiting.splice(0)) {
    try {
      task();
    } catch (err) {
      console.error('Radar ES: background task failed to start', err);
    }
  }
}

/**
 * Runs `task` once the wake-up's first badge decision is made (or IDLE_START_MS after wake-up).
 * Event listeners are still registered at the top level, as MV3 requires: only the work they do
 * not need at once is put off.
 */
export function afterWakeUp(task: () => void): void {
  if (started) {
    task();
    return;
  }
  waiting.push(task);
  timer ??= setTimeout(start, IDLE_START_MS);
}

/** Called when a badge decision was made: the housekeeping may start (next task, after the badge call). */
export function decisionMade(): void {
  if (!started) setTimeout(start, 0);
}

/**
 * Names of the performance measures the worker keeps of each decision: the decision itself (URL and
 * hints → entity, the store's reads included) and the badge call that shows it. Diagnostics (the
 * benchmark, DevTools' performance panel) read them from the worker's timeline.
 */
export const DECISION_MEASURE = 'radar-es:decision';
export const BADGE_MEASURE = 'radar-es:badge-call';
/** Mark set when the worker's script has run: its time is since the worker started. */
export const READY_MARK = 'radar-es:ready';
/** Measures kept of each kind: the timeline of a long-lived worker must not grow without end. */
const KEPT_MEASURES = 200;

/** Records a measure from `startedAt` (performance.now()) to now; `detail` says what it was about. */
export function measureSince(name: string, startedAt: number, detail?: string): void {
  if (typeof performance.measure !== 'function') return;
  if (performance.getEntriesByName(name).length >= KEPT_MEASURES) performance.clearMeasures(name);
  performance.measure(name, { start: startedAt, end: performance.now(), detail });
}
