// The politeness policy: exponential backoff, Retry-After, a cap, and giving up with a reason.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyAnswer, clampRate, DEFAULT_RETRY_POLICY, intervalMs, nextRetry, parseRetryAfter } from '../../../shared/io/registers/retry.ts';

const policy = DEFAULT_RETRY_POLICY;

describe('retry policy', () => {
  it('doubles the delay after each failure, within ±20 % jitter, and gives up after maxAttempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, random) => {
        const d = nextRetry(policy, 'server_error', attempts, undefined, random);
        if (attempts >= policy.maxAttempts) return !d.retry;
        const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
        return d.retry && d.delayMs >= Math.floor(nominal * 0.8) && d.delayMs <= Math.ceil(nominal * 1.2);
      }),
    );
  });

  it('the maintenance page backs off from a minute, not seconds', () => {
    const d = nextRetry(policy, 'maintenance', 1, undefined, 0.5);
    expect(d).toEqual({ retry: true, delayMs: policy.maintenanceDelayMs });
  });

  it('Retry-After (seconds or a date) decides the wait, capped', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(nextRetry(policy, 'rate_limited', 1, 30_000, 0.9)).toEqual({ retry: true, delayMs: 30_000 });
    expect(nextRetry(policy, 'rate_limited', 1, 86_400_000, 0)).toEqual({ retry: true, delayMs: policy.maxDelayMs });
    expect(nextRetry(policy, 'rate_limited', policy.maxAttempts, 1000, 0)).toEqual({ retry: false });
  });

  it('the rate is clamped to a polite range', () => {
    expect(clampRate(100)).toBe(5);
    expect(clampRate(0)).toBe(0.2);
    expect(clampRate(Number.NaN)).toBe(2);
    expect(intervalMs(2)).toBe(500);
    expect(intervalMs(0.5)).toBe(2000);
  });
});

describe('classifying an answer', () => {
  const now = 0;
  it('JSON with 200 is data; 404 is not found; 400 is a refusal that keeps its JSON', () => {
    expect(classifyAnswer({ status: 200, contentType: 'application/json', body: '{"a":1}' }, now)).toEqual({ kind: 'json', json: { a: 1 } });
    expect(classifyAnswer({ status: 404, contentType: 'text/plain', body: '' }, now)).toEqual({ kind: 'not_found' });
    expect(classifyAnswer({ status: 400, contentType: 'application/json', body: '{"code":"WL-113"}' }, now)).toMatchObject({ kind: 'fail', reason: 'rejected', json: { code: 'WL-113' } });
  });

  it('HTML is the maintenance page even when served as 200 or without a content type', () => {
    expect(classifyAnswer({ status: 200, contentType: '', body: '  <!DOCTYPE html><p>Przerwa' }, now)).toMatchObject({ kind: 'retry', reason: 'maintenance' });
    expect(classifyAnswer({ status: 503, contentType: 'text/html', body: 'x' }, now)).toMatchObject({ kind: 'retry', reason: 'maintenance' });
    expect(classifyAnswer({ status: 500, contentType: 'application/json', body: '{}' }, now)).toMatchObject({ kind: 'retry', reason: 'server_error' });
  });

  it('a 200 that is not JSON is malformed', () => {
    expect(classifyAnswer({ status: 200, contentType: 'application/json', body: '{"odpis": {' }, now)).toMatchObject({ kind: 'fail', reason: 'malformed' });
  });
});
