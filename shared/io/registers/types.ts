// The shapes of a register check: what a register said about an entity, how far a check has got,
// and the queue record the background works through. Types (and the list of failure reasons),
// shared by shared/io (mapping, diff, retry policy), shared/db (the queue commands) and the UI.
import type { Address, Entity, LegalForm } from '../../model/types.ts';

/** The two public registers: the National Court Register (KRS) and the VAT white list (WL). */
export type RegisterId = 'krs' | 'wl';

export type VatStatus = NonNullable<Entity['vatStatus']>;

/** An entity's values as one register states them, normalised like the directory's values. */
export interface OfficialValues {
  name?: string;
  legalForm?: LegalForm;
  krs?: string;
  nip?: string;
  regon?: string;
  address: Address;
  emails: string[];
  websites: string[];
  /** Site keys of `websites` (as buildEntity derives them), added with the websites they belong to. */
  domains: string[];
  pkd: string[];
  opp?: boolean;
  registerStatus?: Entity['registerStatus'];
  vatStatus?: VatStatus;
}

/** One register's answer about one entity. */
export interface RegisterRecord {
  register: RegisterId;
  /** The source URL stored with accepted values (stable: no date in it). */
  url: string;
  /** When the answer was fetched (ISO timestamp). */
  fetchedAt: string;
  /** The date the register states its data as of, when it says so (ISO date). */
  asOf?: string;
  values: OfficialValues;
  /** Values the register holds that could not be read (e.g. a malformed e-mail), kept to be shown. */
  skipped: { field: string; value: string }[];
}

/** Why a check could not be completed (or has to wait). Each one is explained in the UI. */
export const FAILURE_REASONS = [
  'maintenance', // the register answered with its HTML maintenance page instead of JSON
  'rate_limited', // 429
  'server_error', // 5xx
  'register_updating', // the white list's WL-195/WL-196: its database is being updated
  'not_found', // the register does not know the number
  'malformed', // a JSON answer that cannot be read, or that is about another number
  'rejected', // the register refused the request (4xx other than 404/429)
  'unreachable', // the request failed although the browser says it is online (DNS, TLS, timeout)
  'offline', // no network: waits, without counting attempts
  'permission', // the optional host permission for the register is not granted
  'no_identifier', // neither a KRS number nor a NIP: nothing to check against
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

/** What one request round to a register came to, before the retry policy decides what follows. */
export type CheckOutcome =
  | { kind: 'ok'; record: RegisterRecord }
  | { kind: 'not_found' }
  | { kind: 'retry'; reason: 'maintenance' | 'rate_limited' | 'server_error' | 'register_updating' | 'unreachable'; retryAfterMs?: number; detail?: string }
  | { kind: 'fail'; reason: 'malformed' | 'rejected' | 'permission' | 'no_identifier'; detail?: string }
  | { kind: 'offline' };

/** One register's part of a job. */
export type StepState =
  /** `nextAt`: not before then (backoff, or no network); absent: due now. */
  | { state: 'pending'; attempts: number; lastReason?: FailureReason; detail?: string; nextAt?: string }
  | { state: 'ok'; record: RegisterRecord }
  | { state: 'failed'; reason: FailureReason; attempts: number; detail?: string };

export type JobStatus =
  | 'queued' // waiting for its turn
  | 'running' // a request is under way in the background
  | 'waiting' // to be retried at `nextAt` (backoff, or no network)
  | 'review' // answered, and the register's values differ from the stored ones
  | 'done' // verified: nothing differed, or the user accepted / kept values
  | 'failed'; // gave up: `reason` says why

/** A queued check of one entity (one record per entity: checking it again resets it). */
export interface VerifyJob {
  entityId: string;
  status: JobStatus;
  steps: Partial<Record<RegisterId, StepState>>;
  /** For `waiting`: when its first step is due again (ISO timestamp). */
  nextAt?: string;
  /** For `waiting` and `failed`: the reason shown to the user. */
  reason?: FailureReason;
  detail?: string;
  /** The entity's name when queued, so the queue reads well even if the entity goes away. */
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Sort key: the order jobs were queued in. */
  order: number;
}
