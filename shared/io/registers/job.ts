// A queued check as a small state machine, pure: the background feeds it one register's outcome at
// a time, the retry policy decides about waiting or giving up, and once every register is done
// the diff decides between "to review" and "verified". shared/db/commands/verify.ts stores each
// state in one transaction, so a worker stopped between two requests loses nothing.
import type { Entity } from '../../model/types.ts';
import { registersFor } from './check.ts';
import { differences, diffEntity } from './diff.ts';
import { nextRetry, type RetryPolicy } from './retry.ts';
import type { CheckOutcome, RegisterId, RegisterRecord, StepState, VerifyJob } from './types.ts';

/** A fresh job for an entity: one pending step per register it can be checked against. */
export function newJob(entity: Pick<Entity, 'id' | 'name' | 'krs' | 'nip'>, now: string, order: number): VerifyJob {
  const registers = registersFor(entity);
  const job: VerifyJob = { entityId: entity.id, name: entity.name, status: 'queued', steps: {}, createdAt: now, updatedAt: now, order };
  for (const r of registers) job.steps[r] = { state: 'pending', attempts: 0 };
  if (registers.length === 0) {
    job.status = 'failed';
    job.reason = 'no_identifier';
  }
  return job;
}

/** Jobs the background still has to work on (the rest wait for the user, or are over). */
export function isActive(job: VerifyJob): boolean {
  return job.status === 'queued' || job.status === 'running' || job.status === 'waiting';
}

/** Whether the background may pick the job up at `nowMs`. */
export function isDue(job: VerifyJob, nowMs: number): boolean {
  if (job.status === 'queued') return true;
  return job.status === 'waiting' && (job.nextAt === undefined || Date.parse(job.nextAt) <= nowMs);
}

/** The registers to ask now: pending steps whose wait (if any) is over. */
export function dueRegisters(job: VerifyJob, nowMs: number): RegisterId[] {
  return (Object.keys(job.steps) as RegisterId[]).filter((r) => {
    const s = job.steps[r];
    return s?.state === 'pending' && (s.nextAt === undefined || Date.parse(s.nextAt) <= nowMs);
  });
}

export function records(job: VerifyJob): RegisterRecord[] {
  const out: RegisterRecord[] = [];
  for (const step of Object.values(job.steps)) if (step?.state === 'ok') out.push(step.record);
  return out;
}

function withDetail<T extends StepState>(step: T, detail: string | undefined): T {
  return detail === undefined ? step : { ...step, detail };
}

/** One register's outcome folded into its step. */
export function stepAfter(step: StepState | undefined, outcome: CheckOutcome, policy: RetryPolicy, now: Date, random: number): StepState {
  const attempts = (step?.state === 'pending' ? step.attempts : 0) + 1;
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  switch (outcome.kind) {
    case 'ok':
      return { state: 'ok', record: outcome.record };
    case 'not_found':
      return { state: 'failed', reason: 'not_found', attempts };
    case 'fail':
      return withDetail({ state: 'failed', reason: outcome.reason, attempts }, outcome.detail);
    case 'offline':
      // Not an attempt: the register was never reached. It waits for the network, however long.
      return { state: 'pending', attempts: attempts - 1, lastReason: 'offline', nextAt: at(policy.offlineDelayMs) };
    case 'retry': {
      const decision = nextRetry(policy, outcome.reason, attempts, outcome.retryAfterMs, random);
      if (!decision.retry) return withDetail({ state: 'failed', reason: outcome.reason, attempts }, outcome.detail);
      return withDetail({ state: 'pending', attempts, lastReason: outcome.reason, nextAt: at(decision.delayMs) }, outcome.detail);
    }
  }
}

/**
 * The job's status from its steps: still running while a step is due now; waiting (until the
 * earliest step is due) while some step waits; otherwise failed when no register answered, else
 * review or done by the diff against the stored entity.
 */
export function settle(job: VerifyJob, entity: Entity, now: Date): VerifyJob {
  const next: VerifyJob = { ...job, updatedAt: now.toISOString() };
  delete next.nextAt;
  delete next.reason;
  delete next.detail;
  const steps = Object.values(job.steps).filter((s): s is StepState => s !== undefined);
  const pending = steps.filter((s): s is Extract<StepState, { state: 'pending' }> => s.state === 'pending');
  if (dueRegisters(job, now.getTime()).length) {
    next.status = 'running';
    return next;
  }
  if (pending.length) {
    const first = pending.reduce((a, b) => (a.nextAt! <= b.nextAt! ? a : b));
    next.status = 'waiting';
    next.nextAt = first.nextAt;
    if (first.lastReason) next.reason = first.lastReason;
    if (first.detail) next.detail = first.detail;
    return next;
  }
  const answered = records(job);
  if (answered.length === 0) {
    const failed = steps.find((s) => s.state === 'failed');
    next.status = 'failed';
    if (failed?.state === 'failed') {
      next.reason = failed.reason;
      if (failed.detail) next.detail = failed.detail;
    }
    return next;
  }
  next.status = differences(diffEntity(entity, answered)).length ? 'review' : 'done';
  return next;
}
