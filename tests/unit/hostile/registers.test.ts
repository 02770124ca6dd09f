// Register answers and KRS files are hostile input too (issue #19, findings 4 and 11): deep nesting
// is refused instead of overflowing the stack, a check never throws out of the queue (the job is
// settled, the 5-attempt cap holds), and an answer is read only when it is JSON from the register
// asked and no bigger than MAX_REGISTER_BODY.
import { describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { putEntities } from '../../../shared/db/commands/directory.ts';
import { claimDueJob, enqueueVerification, recordOutcome } from '../../../shared/db/commands/verify.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';
import { MAX_EXTRACT_DEPTH, parseKrsExtracts } from '../../../shared/io/import/krs.ts';
import { checkRegister, MAX_REGISTER_BODY, type CheckDeps } from '../../../shared/io/registers/check.ts';
import { buildEntity } from '../../../shared/model/entity.ts';
import { draftOf, SAMPLE } from '../model/sample.ts';
import { fakeRegisters, fixture } from './../verify/fakeRegisters.ts';

const deep = (n: number) => `{"odpis":{"dane":{"dzial1":${'['.repeat(n)}1${']'.repeat(n)}}}}`;

function errorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('KRS extracts nested deep', () => {
  it('100,000 levels are refused with a reason, not a stack overflow', () => {
    const e = errorOf(() => parseKrsExtracts(deep(100_000)));
    expect(e.code).toBe('krs_invalid');
    expect(e.detail).toMatchObject({ reason: 'too_deep', item: 1 });
  });

  it('nesting up to the bound still reads', () => {
    // An extract without a name or number reads into an empty draft: refused later, by the import.
    expect(parseKrsExtracts(deep(MAX_EXTRACT_DEPTH - 4))).toEqual([{ registerStatus: 'active' }]);
  });
});

function entity() {
  const built = buildEntity(draftOf(SAMPLE.find((r) => r.krs === '0000700353')!), { url: 'file:s.csv', seenAt: '2026-01-10' }, '2026-01-10T00:00:00.000Z');
  if (!built.ok) throw new Error(built.reason);
  return built.entity;
}

function answering(body: string | (() => Response), type = 'application/json'): CheckDeps {
  const { deps } = fakeRegisters({});
  return { ...deps, fetch: async () => (typeof body === 'function' ? body() : new Response(body, { status: 200, headers: { 'content-type': type } })) };
}

describe('register checks never throw, and each failure is a counted attempt', () => {
  it('a deeply nested KRS answer fails the step as unreadable; the job is settled, not left running', async () => {
    const db = new RadarDB(`hostile-verify-${Math.random()}`);
    const e = { ...entity(), nip: undefined }; // KRS only: one step, so the job settles on it
    await putEntities(db, [e]);
    await enqueueVerification(db, [e.id]);
    const job = await claimDueJob(db);
    expect(job?.status).toBe('running');
    const outcome = await checkRegister('krs', e, answering(deep(200_000)));
    expect(outcome).toMatchObject({ kind: 'fail', reason: 'malformed' });
    const settled = await recordOutcome(db, e.id, 'krs', outcome);
    expect(settled?.status).not.toBe('running');
    expect(settled?.steps.krs).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await claimDueJob(db)).toBeUndefined(); // nothing asks again on the next worker start
  });

  it('an error thrown anywhere in the check (here by fetch itself, synchronously) is an outcome', async () => {
    const deps = answering(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const { deps: base } = fakeRegisters({}, { online: true });
    const outcome = await checkRegister('wl', { nip: '9291928963' }, { ...base, fetch: deps.fetch });
    // fetch throwing while online is "unreachable", retried by the policy with its cap.
    expect(outcome).toMatchObject({ kind: 'retry', reason: 'unreachable' });
  });
});

describe('register answers: size, content type, final URL', () => {
  it('a 100 MB body is refused without being read whole', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        if (pulled >= 100 * 1024 * 1024) controller.close();
      },
    });
    const outcome = await checkRegister('krs', { krs: '0000700353' }, answering(() => new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } })));
    expect(outcome).toMatchObject({ kind: 'fail', reason: 'malformed' });
    expect((outcome as { detail: string }).detail).toMatch(/too large/);
    expect(pulled).toBeLessThanOrEqual(MAX_REGISTER_BODY + 2 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const outcome = await checkRegister(
      'krs',
      { krs: '0000700353' },
      answering(() => new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) } })),
    );
    expect((outcome as { detail: string }).detail).toMatch(/too large/);
  });

  it('JSON served as text/plain (or without a type) is not read as data', async () => {
    const body = fixture('krs/0000700353-P.json');
    expect(await checkRegister('krs', { krs: '0000700353' }, answering(body, 'text/plain'))).toMatchObject({ kind: 'fail', reason: 'malformed' });
    expect(await checkRegister('krs', { krs: '0000700353' }, answering(body, ''))).toMatchObject({ kind: 'fail', reason: 'malformed' });
    expect(await checkRegister('krs', { krs: '0000700353' }, answering(body, 'application/json; charset=utf-8'))).toMatchObject({ kind: 'ok' });
  });

  it('an answer redirected to another origin is refused', async () => {
    const body = fixture('krs/0000700353-P.json');
    const redirected = () => {
      const res = new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      Object.defineProperty(res, 'url', { value: 'https://evil.example/api/krs/OdpisAktualny/0000700353' });
      return res;
    };
    const outcome = await checkRegister('krs', { krs: '0000700353' }, answering(redirected));
    expect(outcome).toMatchObject({ kind: 'fail', reason: 'malformed', detail: 'redirected to https://evil.example' });
  });
});
