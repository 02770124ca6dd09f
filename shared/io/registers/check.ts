// One register check of one entity: the requests, and what their answers mean. The network and the
// clock come in as parameters, so this runs as it is in the service worker and in Node tests.
import { krsExtractToDraft } from '../import/krs.ts';
import { isImportError } from '../import/errors.ts';
import type { Entity } from '../../model/types.ts';
import { krsExtractUrl, warsawDate, whiteListSourceUrl, whiteListUrl } from './endpoints.ts';
import { officialFromDraft } from './official.ts';
import { classifyAnswer, type Classified } from './retry.ts';
import { isWhiteListRetryable, readWhiteListAnswer } from './whiteList.ts';
import type { CheckOutcome, RegisterId, RegisterRecord } from './types.ts';

type Json = Parameters<typeof krsExtractToDraft>[0];

/** What a register request asks of fetch: JSON, no cookies, never from the HTTP cache, a time limit. */
export interface RegisterRequestInit {
  headers: Record<string, string>;
  credentials: 'omit';
  cache: 'no-store';
  signal: AbortSignal;
}

export interface CheckDeps {
  fetch: (url: string, init: RegisterRequestInit) => Promise<Response>;
  /** Resolves when the register may be asked again (the polite rate). */
  turn: (register: RegisterId) => Promise<void>;
  /** navigator.onLine: a failed request while offline waits for the network instead of counting. */
  online: () => boolean;
  now: () => Date;
  /** Per request; a register that does not answer in time is retried like a 5xx. */
  timeoutMs?: number;
}

/** The registers an entity can be checked against: KRS by its KRS number, the white list by its NIP. */
export function registersFor(e: Pick<Entity, 'krs' | 'nip'>): RegisterId[] {
  const out: RegisterId[] = [];
  if (e.krs) out.push('krs');
  if (e.nip) out.push('wl');
  return out;
}

type Asked = { kind: 'answer'; classified: Classified } | { kind: 'offline' } | { kind: 'unreachable'; detail: string };

/**
 * The most of an answer read. A current KRS extract is 10–60 KB and a white-list record under
 * 5 KB; 2 MB leaves room for the largest full extracts, and a 100 MB body is never held whole.
 */
export const MAX_REGISTER_BODY = 2 * 1024 * 1024;

class TooLarge extends Error {}

/** The body as text, refused (and the download cancelled) once it passes `limit` bytes. */
async function readCapped(res: Response, limit: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await res.body?.cancel().catch(() => {});
    throw new TooLarge(`${declared} bytes`);
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge(`over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** True when the answer came from the register asked (after any redirects), not from elsewhere. */
function fromRegister(res: Response, url: string): boolean {
  // A Response made in code (tests, a service worker's synthetic answer) has no URL.
  if (!res.url) return true;
  try {
    return new URL(res.url).origin === new URL(url).origin;
  } catch {
    return false;
  }
}

async function ask(register: RegisterId, url: string, deps: CheckDeps): Promise<Asked> {
  await deps.turn(register);
  try {
    const res = await deps.fetch(url, {
      headers: { accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 20_000),
    });
    if (!fromRegister(res, url)) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'answer', classified: { kind: 'fail', reason: 'malformed', detail: `redirected to ${safeOrigin(res.url)}` } };
    }
    let body: string;
    try {
      body = await readCapped(res, MAX_REGISTER_BODY);
    } catch (err) {
      if (err instanceof TooLarge) return { kind: 'answer', classified: { kind: 'fail', reason: 'malformed', detail: `answer too large (${err.message})` } };
      throw err;
    }
    const answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', body, retryAfter: res.headers.get('retry-after') };
    return { kind: 'answer', classified: classifyAnswer(answer, deps.now().getTime()) };
  } catch (err) {
    // fetch rejects alike for no network, DNS, TLS and timeouts; only the browser knows it is offline.
    if (!deps.online()) return { kind: 'offline' };
    return { kind: 'unreachable', detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '?';
  }
}

function failed(a: Exclude<Asked, { kind: 'answer' }> | Exclude<Classified, { kind: 'json' } | { kind: 'not_found' }>): CheckOutcome {
  if (a.kind === 'offline') return { kind: 'offline' };
  if (a.kind === 'unreachable') return { kind: 'retry', reason: 'unreachable', detail: a.detail };
  if (a.kind === 'retry') return { kind: 'retry', reason: a.reason, retryAfterMs: a.retryAfterMs, detail: a.detail };
  return { kind: 'fail', reason: a.reason, detail: a.detail };
}

export async function checkKrs(krs: string, deps: CheckDeps): Promise<CheckOutcome> {
  // Register P first; an association or foundation lives in S and P answers 404 for it.
  for (const register of ['P', 'S'] as const) {
    const url = krsExtractUrl(krs, register);
    const asked = await ask('krs', url, deps);
    if (asked.kind !== 'answer') return failed(asked);
    const c = asked.classified;
    if (c.kind === 'not_found') continue;
    if (c.kind !== 'json') return failed(c);
    let draft;
    try {
      draft = krsExtractToDraft(c.json as Json);
    } catch (e) {
      if (isImportError(e)) return { kind: 'fail', reason: 'malformed', detail: String(e.detail?.reason ?? e.code) };
      throw e;
    }
    if (draft.krs !== krs) return { kind: 'fail', reason: 'malformed', detail: `extract of ${draft.krs ?? '?'}` };
    const fetchedAt = deps.now().toISOString();
    const built = officialFromDraft(draft, url, fetchedAt);
    if (!built.ok) return { kind: 'fail', reason: 'malformed', detail: built.reason };
    const record: RegisterRecord = { register: 'krs', url, fetchedAt, values: built.values, skipped: built.skipped };
    if (draft.asOf) record.asOf = draft.asOf;
    return { kind: 'ok', record };
  }
  return { kind: 'not_found' };
}

export async function checkWhiteList(nip: string, deps: CheckDeps): Promise<CheckOutcome> {
  const asked = await ask('wl', whiteListUrl(nip, warsawDate(deps.now())), deps);
  if (asked.kind !== 'answer') return failed(asked);
  const c = asked.classified;
  if (c.kind === 'not_found') return { kind: 'not_found' };
  // A refusal carries the list's error code in JSON: some codes mean "busy, ask again".
  const json = c.kind === 'json' ? c.json : c.kind === 'fail' ? c.json : undefined;
  if (json === undefined) return failed(c as Exclude<Classified, { kind: 'json' } | { kind: 'not_found' }>);
  const answer = readWhiteListAnswer(json as Json);
  switch (answer.kind) {
    case 'not_found':
      return { kind: 'not_found' };
    case 'malformed':
      return { kind: 'fail', reason: 'malformed', detail: answer.detail };
    case 'error':
      return isWhiteListRetryable(answer.code)
        ? { kind: 'retry', reason: 'register_updating', detail: answer.code }
        : { kind: 'fail', reason: 'rejected', detail: `${answer.code} ${answer.message}`.trim() };
  }
  const { subject } = answer;
  if (subject.draft.nip !== nip) return { kind: 'fail', reason: 'malformed', detail: `record of ${subject.draft.nip ?? '?'}` };
  const fetchedAt = deps.now().toISOString();
  const url = whiteListSourceUrl(nip);
  const built = officialFromDraft(subject.draft, url, fetchedAt);
  if (!built.ok) return { kind: 'fail', reason: 'malformed', detail: built.reason };
  if (subject.vatStatus) built.values.vatStatus = subject.vatStatus;
  const record: RegisterRecord = { register: 'wl', url, fetchedAt, values: built.values, skipped: built.skipped };
  if (subject.asOf) record.asOf = subject.asOf;
  return { kind: 'ok', record };
}

/**
 * One register's check, never throwing: an answer that breaks the reader (a thrown error of any
 * kind) is an unreadable answer, and so one counted, failed attempt. Thrown out of the queue run,
 * it had left the job "running" with 0 attempts, and every worker start asked again, past the cap.
 */
export async function checkRegister(register: RegisterId, e: Pick<Entity, 'krs' | 'nip'>, deps: CheckDeps): Promise<CheckOutcome> {
  try {
    if (register === 'krs' && e.krs) return await checkKrs(e.krs, deps);
    if (register === 'wl' && e.nip) return await checkWhiteList(e.nip, deps);
    return { kind: 'fail', reason: 'no_identifier', detail: register };
  } catch (err) {
    return { kind: 'fail', reason: 'malformed', detail: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err).slice(0, 200) };
  }
}
