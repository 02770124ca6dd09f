// The queue in the database: jobs survive a stopped worker, retries wait, the user decides.
import { describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { putEntities } from '../../../shared/db/commands/directory.ts';
import {
  acceptVerification,
  claimDueJob,
  clearFinishedVerifyJobs,
  enqueueVerification,
  getVerifyRate,
  nextQueueWake,
  recordOutcome,
  requeueAfterPermission,
  requeueInterrupted,
  setVerifyRate,
} from '../../../shared/db/commands/verify.ts';
import { checkKrs } from '../../../shared/io/registers/check.ts';
import { dueRegisters } from '../../../shared/io/registers/job.ts';
import { DEFAULT_RETRY_POLICY } from '../../../shared/io/registers/retry.ts';
import { buildEntity } from '../../../shared/model/entity.ts';
import type { Entity } from '../../../shared/model/types.ts';
import type { CheckOutcome } from '../../../shared/io/registers/types.ts';
import { draftOf, SAMPLE } from '../model/sample.ts';
import { fakeRegisters, json } from './fakeRegisters.ts';

const T0 = new Date('2026-11-22T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function sample(krs: string): Entity {
  const built = buildEntity(draftOf(SAMPLE.find((r) => r.krs === krs)!), { url: 'file:sample.csv', seenAt: '2026-01-10' }, '2026-01-10T00:00:00.000Z');
  if (!built.ok) throw new Error(built.reason);
  return built.entity;
}

async function freshDb(): Promise<RadarDB> {
  const db = new RadarDB(`verify-${Math.random()}`);
  await putEntities(db, [sample('0000700353'), sample('0000057364'), { ...sample('0000057364'), id: 'name:x', krs: undefined, name: 'Bez numerów' }]);
  return db;
}

async function krsOutcome(): Promise<CheckOutcome> {
  return checkKrs('0000700353', fakeRegisters({ '0000700353?rejestr=P': json('krs/0000700353-P.json') }).deps);
}

describe('verify queue', () => {
  it('queues each entity once, in order; an entity without KRS or NIP fails at once with the reason', async () => {
    const db = await freshDb();
    expect(await enqueueVerification(db, ['krs:0000700353', 'krs:0000057364', 'name:x', 'nope'])).toEqual({ queued: 3, already: 0 });
    expect(await enqueueVerification(db, ['krs:0000700353'])).toEqual({ queued: 0, already: 1 });
    const jobs = await db.verifyQueue.orderBy('order').toArray();
    expect(jobs.map((j) => [j.entityId, j.status])).toEqual([
      ['krs:0000700353', 'queued'],
      ['krs:0000057364', 'queued'],
      ['name:x', 'failed'],
    ]);
    expect(jobs[0].steps).toEqual({ krs: { state: 'pending', attempts: 0 }, wl: { state: 'pending', attempts: 0 } });
    expect(jobs[2].reason).toBe('no_identifier');
  });

  it('a job interrupted mid-way (worker stopped) keeps what was fetched and goes back to the queue', async () => {
    const db = await freshDb();
    await enqueueVerification(db, ['krs:0000700353']);
    const job = (await claimDueJob(db, T0))!;
    expect(dueRegisters(job, T0.getTime())).toEqual(['krs', 'wl']);
    const afterKrs = await recordOutcome(db, job.entityId, 'krs', await krsOutcome(), { now: T0 });
    expect(afterKrs?.status).toBe('running'); // the white list is still due
    // The worker dies here. The next one starts by putting running jobs back.
    expect(await requeueInterrupted(db)).toBe(1);
    const again = (await claimDueJob(db, later(1000)))!;
    expect(again.steps.krs?.state).toBe('ok');
    expect(dueRegisters(again, later(1000).getTime())).toEqual(['wl']);
  });

  it('429 waits with backoff, then gives up with the reason after maxAttempts; the KRS answer is kept', async () => {
    const db = await freshDb();
    await enqueueVerification(db, ['krs:0000700353']);
    await claimDueJob(db, T0);
    await recordOutcome(db, 'krs:0000700353', 'krs', await krsOutcome(), { now: T0 });
    let now = T0;
    for (let attempt = 1; attempt <= DEFAULT_RETRY_POLICY.maxAttempts; attempt++) {
      const job = await recordOutcome(db, 'krs:0000700353', 'wl', { kind: 'retry', reason: 'rate_limited' }, { now, random: 0.5 });
      if (attempt < DEFAULT_RETRY_POLICY.maxAttempts) {
        expect(job).toMatchObject({ status: 'waiting', reason: 'rate_limited' });
        const wait = Date.parse(job!.nextAt!) - now.getTime();
        expect(wait).toBe(DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
        expect(await claimDueJob(db, new Date(now.getTime() + wait - 1))).toBeUndefined(); // not before its time
        now = new Date(now.getTime() + wait);
        expect((await claimDueJob(db, now))?.entityId).toBe('krs:0000700353');
      } else {
        // Given up on the white list; KRS answered, so the user reviews what KRS said.
        expect(job?.status).toBe('review');
        expect(job?.steps.wl).toMatchObject({ state: 'failed', reason: 'rate_limited', attempts: DEFAULT_RETRY_POLICY.maxAttempts });
      }
    }
  });

  it('no network: waits without counting attempts, however long', async () => {
    const db = await freshDb();
    await enqueueVerification(db, ['krs:0000057364']);
    for (let i = 0; i < 8; i++) {
      const job = (await claimDueJob(db, later(i * DEFAULT_RETRY_POLICY.offlineDelayMs)))!;
      expect(job).toBeDefined();
      const after = await recordOutcome(db, job.entityId, 'krs', { kind: 'offline' }, { now: later(i * DEFAULT_RETRY_POLICY.offlineDelayMs) });
      expect(after).toMatchObject({ status: 'waiting', reason: 'offline', steps: { krs: { state: 'pending', attempts: 0 } } });
    }
    expect(await nextQueueWake(db)).toBe(later(8 * DEFAULT_RETRY_POLICY.offlineDelayMs).getTime());
  });

  it('every register failing fails the job with the first reason; 404 is not found', async () => {
    const db = await freshDb();
    await enqueueVerification(db, ['krs:0000700353']);
    await claimDueJob(db, T0);
    await recordOutcome(db, 'krs:0000700353', 'krs', { kind: 'not_found' }, { now: T0 });
    const job = await recordOutcome(db, 'krs:0000700353', 'wl', { kind: 'fail', reason: 'malformed', detail: 'no result.subject' }, { now: T0 });
    expect(job).toMatchObject({ status: 'failed', reason: 'not_found' });
    expect(await clearFinishedVerifyJobs(db)).toBe(1);
    expect(await nextQueueWake(db)).toBeUndefined();
  });

  it('accepting some values writes them with the register as source and verifiedAt, in one go', async () => {
    const db = await freshDb();
    await enqueueVerification(db, ['krs:0000700353']);
    await claimDueJob(db, T0);
    await recordOutcome(db, 'krs:0000700353', 'krs', await krsOutcome(), { now: T0 });
    const reviewed = await recordOutcome(db, 'krs:0000700353', 'wl', { kind: 'not_found' }, { now: T0 });
    expect(reviewed?.status).toBe('review');
    const revision = (await db.settings.get('directoryRevision'))?.value as number;
    expect(await acceptVerification(db, 'krs:0000700353', { 'address.voivodeship': 'krs', websites: 'krs' }, '2026-11-22T10:05:00.000Z')).toBe(true);
    const e = (await db.entities.get('krs:0000700353'))!;
    expect(e.address.voivodeship).toBe('lubuskie');
    expect(e.domains).toContain('alternatywy-zg.pl');
    expect(await db.entities.where('domains').equals('alternatywy-zg.pl').count()).toBe(1); // the index sees it
    expect(e.fieldSources?.['address.voivodeship']).toMatch(/^https:\/\/api-krs\.ms\.gov\.pl\//);
    expect(e.verifiedAt).toBe('2026-11-22T10:05:00.000Z');
    expect(e.name).toBe(sample('0000700353').name);
    expect((await db.verifyQueue.get('krs:0000700353'))?.status).toBe('done');
    expect((await db.settings.get('directoryRevision'))?.value).toBe(revision + 1);
    // A finished job cannot be accepted twice into a fresh job's place.
    await enqueueVerification(db, ['krs:0000700353']);
    expect(await acceptVerification(db, 'krs:0000700353', {})).toBe(false);
  });

  it('when the registers agree with the stored values, the entity is verified without asking', async () => {
    const db = await freshDb();
    const outcome = await krsOutcome();
    if (outcome.kind !== 'ok') throw new Error('fixture');
    // Store exactly what KRS says, then check it.
    const e = (await db.entities.get('krs:0000700353'))!;
    const v = outcome.record.values;
    await putEntities(db, [{ ...e, name: v.name!, address: { ...v.address }, websites: v.websites, domains: v.domains, pkd: v.pkd, opp: v.opp, registerStatus: v.registerStatus }]);
    await enqueueVerification(db, ['krs:0000700353']);
    await claimDueJob(db, T0);
    expect((await recordOutcome(db, 'krs:0000700353', 'krs', outcome, { now: T0 }))?.status).toBe('running');
    const job = await recordOutcome(db, 'krs:0000700353', 'wl', { kind: 'not_found' }, { now: T0 });
    expect(job?.status).toBe('done');
    const after = (await db.entities.get('krs:0000700353'))!;
    expect(after.verifiedAt).toBe(T0.toISOString());
    expect(after.sources.some((s) => s.url === outcome.record.url)).toBe(true);
  });

  it('checks refused for want of the host permission are queued again once it is granted; others stay', async () => {
    const db = await freshDb();
    await enqueueVerification(db, ['krs:0000700353', 'krs:0000057364']);
    for (const id of ['krs:0000700353', 'krs:0000057364']) {
      const job = (await claimDueJob(db, T0))!;
      const outcome: CheckOutcome = id === 'krs:0000700353' ? { kind: 'fail', reason: 'permission' } : { kind: 'not_found' };
      for (const r of Object.keys(job.steps) as ('krs' | 'wl')[]) await recordOutcome(db, job.entityId, r, outcome, { now: T0 });
    }
    expect((await db.verifyQueue.get('krs:0000700353'))?.reason).toBe('permission');
    expect(await requeueAfterPermission(db)).toBe(1);
    expect((await db.verifyQueue.get('krs:0000700353'))?.status).toBe('queued');
    expect((await db.verifyQueue.get('krs:0000057364'))).toMatchObject({ status: 'failed', reason: 'not_found' });
  });

  it('the polite rate is stored clamped', async () => {
    const db = await freshDb();
    expect(await getVerifyRate(db)).toBe(2);
    expect(await setVerifyRate(db, 50)).toBe(5);
    expect(await getVerifyRate(db)).toBe(5);
  });
});
