// How the background treats a register's answer and when it tries again: pure functions, so the
// policy is tested without a network. Politeness first: the registers are public services
// shared by everyone, so a refusal (429) or an outage (5xx, the maintenance page) slows us down
// exponentially, honours Retry-After, and ends with a clear reason instead of hammering.
import type { FailureReason } from './types.ts';

export interface RetryPolicy {
  /** Attempts per register before giving up (the first request counts). */
  maxAttempts: number;
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The maintenance page means minutes, not seconds: its first delay. */
  maintenanceDelayMs: number;
  /** How often to look again while the browser is offline (attempts are not counted). */
  offlineDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  maintenanceDelayMs: 60_000,
  offlineDelayMs: 60_000,
};

/** Polite rate: requests per second to each register. */
export const DEFAULT_RATE = 2;
export const MIN_RATE = 0.2;
export const MAX_RATE = 5;

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return DEFAULT_RATE;
  return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
}

/** The minimum gap between two requests to one register at a rate. */
export function intervalMs(rate: number): number {
  return Math.ceil(1000 / clampRate(rate));
}

/** A response as the classifier needs it (read once by the caller). */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
  /** The Retry-After header, if any. */
  retryAfter?: string | null;
}

export type Classified =
  | { kind: 'json'; json: unknown }
  | { kind: 'not_found' }
  | { kind: 'retry'; reason: 'maintenance' | 'rate_limited' | 'server_error'; retryAfterMs?: number; detail?: string }
  | { kind: 'fail'; reason: 'malformed' | 'rejected'; detail?: string; json?: unknown };

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function looksLikeHtml(contentType: string, body: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(body);
}

/**
 * One HTTP answer → what it means. The KRS API shows its maintenance page as HTML with status 200
 * (or 503), so the body is looked at before the status is trusted.
 */
export function classifyAnswer(a: HttpAnswer, nowMs: number): Classified {
  const retryAfterMs = parseRetryAfter(a.retryAfter, nowMs);
  const withAfter = <T extends object>(o: T) => (retryAfterMs === undefined ? o : { ...o, retryAfterMs });
  if (a.status === 429) return withAfter({ kind: 'retry' as const, reason: 'rate_limited' as const });
  if (a.status >= 500 || (a.status === 200 && looksLikeHtml(a.contentType, a.body))) {
    const reason = looksLikeHtml(a.contentType, a.body) ? ('maintenance' as const) : ('server_error' as const);
    return withAfter({ kind: 'retry' as const, reason, detail: `HTTP ${a.status}` });
  }
  if (a.status === 404) return { kind: 'not_found' };
  // Both registers label their JSON; `text/plain` or a missing type is not read as data.
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(a.contentType.trim())) {
    return { kind: 'fail', reason: 'malformed', detail: `HTTP ${a.status}: content type ${a.contentType.slice(0, 60) || 'missing'}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(a.body);
  } catch {
    return { kind: 'fail', reason: 'malformed', detail: `HTTP ${a.status}: not JSON` };
  }
  if (a.status >= 200 && a.status < 300) return { kind: 'json', json };
  // 400 and the like: the register refused the request; its JSON error (if any) goes along.
  return { kind: 'fail', reason: 'rejected', detail: `HTTP ${a.status}`, json };
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * After the `attempts`-th failed attempt (1-based) for `reason`: wait how long, or give up.
 * `random` in [0, 1) spreads retries of many jobs (±20 %) so they do not return in a burst.
 */
export function nextRetry(policy: RetryPolicy, reason: Exclude<FailureReason, 'offline'>, attempts: number, retryAfterMs: number | undefined, random: number): RetryDecision {
  if (attempts >= policy.maxAttempts) return { retry: false };
  const base = reason === 'maintenance' ? policy.maintenanceDelayMs : policy.baseDelayMs;
  const backoff = Math.min(policy.maxDelayMs, base * 2 ** (attempts - 1)) * (0.8 + 0.4 * random);
  // The server knows best when to come back (Retry-After); never wait past the cap.
  return { retry: true, delayMs: Math.round(Math.min(policy.maxDelayMs, retryAfterMs ?? backoff)) };
}
