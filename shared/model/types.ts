// The shapes stored in the database and exchanged between contexts.
// Pure types: no runtime code here, so every layer (content script included) may import them.

export type LegalForm =
  | 'spoldzielnia_socjalna'
  | 'fundacja'
  | 'stowarzyszenie'
  | 'zaz'
  | 'cis'
  | 'kis'
  | 'wtz'
  | 'spolka_non_profit'
  | 'spoldzielnia_pracy'
  | 'inna';

export type CategoryId =
  | 'catering'
  | 'cleaning'
  | 'green_areas'
  | 'construction'
  | 'printing'
  | 'crafts_gifts'
  | 'accommodation_tourism'
  | 'laundry'
  | 'sewing'
  | 'packaging_assembly'
  | 'transport'
  | 'care'
  | 'education_training'
  | 'it'
  | 'events'
  | 'rehabilitation_therapy'
  | 'manufacturing'
  | 'agriculture_food'
  | 'other';

/** Where a piece of data came from: a web page, a file import, a register, or the user. */
export interface Source {
  /** URL of a page, or a pseudo-URL such as `file:lista.csv`, `krs:0000123456`, `user:`. */
  url: string;
  /** ISO date (YYYY-MM-DD or full ISO timestamp) when the source was seen. */
  seenAt: string;
  /** Free label, e.g. the import file name or the register's name. */
  label?: string;
}

export interface Address {
  street?: string;
  postalCode?: string; // NN-NNN
  city?: string;
  commune?: string;
  county?: string;
  voivodeship?: string; // lower-case Polish name, e.g. "małopolskie"
}

export interface Certificate {
  /** e.g. "Zakup Prospołeczny" or a competition title. */
  name: string;
  /** Product or service the certificate covers, when stated. */
  scope?: string;
  /** ISO date; a certificate without it is shown as "validity unknown". */
  validUntil?: string;
  year?: number;
}

export interface SocialEnterpriseStatus {
  has: boolean;
  decidedAt?: string;
}

/** A social economy entity in the directory. */
export interface Entity {
  /** Stable id: `krs:0000123456`, else `nip:…`, else `regon:…`, else `name:<hash>`. */
  id: string;
  name: string;
  legalForm: LegalForm;
  krs?: string; // 10 digits, zero-padded
  nip?: string; // 10 digits
  regon?: string; // 9 or 14 digits
  address: Address;
  /**
   * Site keys for page matching: the host of each website without `www.` (which is the registrable
   * domain when the site sits at the root). A site on a municipality's subdomain keeps the full host,
   * so the town's own domain is never claimed by the entity.
   */
  domains: string[];
  websites: string[];
  emails: string[];
  phones: string[]; // E.164
  offer?: string;
  categories: CategoryId[];
  pkd?: string[];
  socialEnterpriseStatus?: SocialEnterpriseStatus;
  certificates?: Certificate[];
  awards?: string[];
  /** Public-benefit organisation (OPP) status, from KRS. */
  opp?: boolean;
  /** Struck off / in liquidation, from KRS. */
  registerStatus?: 'active' | 'liquidation' | 'struck_off';
  /** VAT status on the Ministry of Finance's white list: czynny, zwolniony, niezarejestrowany. */
  vatStatus?: 'active' | 'exempt' | 'unregistered';
  sources: Source[];
  /** Per-field provenance of the current value: field name → source url. */
  fieldSources?: Partial<Record<string, string>>;
  /** Who created the record: a directory import, or the user (own entities and candidates). */
  origin: 'directory' | 'user';
  /** Candidate added from a page, waiting for review in the flag list. */
  candidate?: boolean;
  createdAt: string;
  updatedAt: string;
  verifiedAt?: string;
  /** Match keys (`krs:…`, `nip:…`, `regon:…`, `name:…`), kept by shared/db for indexed lookups. */
  keys?: string[];
}

export type PipelineStatus = 'to_contact' | 'contacted' | 'in_talks' | 'supplier' | 'declined';

export const PIPELINE: readonly PipelineStatus[] = [
  'to_contact',
  'contacted',
  'in_talks',
  'supplier',
  'declined',
] as const;

export interface Saved {
  entityId: string;
  status: PipelineStatus;
  tags: string[];
  rating?: number; // 1..5
  followUpAt?: string; // ISO date
  createdAt: string;
  updatedAt: string;
}

export interface ContactList {
  id: string;
  name: string;
  description?: string;
  /** Set when the list came from someone else's list package. */
  sharedBy?: { name?: string; company?: string; exportedAt: string; importedAt: string };
  createdAt: string;
  updatedAt: string;
}

export interface ListMember {
  listId: string;
  entityId: string;
  addedAt: string;
}

export interface Person {
  id: string;
  entityId: string;
  name: string;
  role?: string;
  email?: string;
  phone?: string; // E.164
  createdAt: string;
  updatedAt: string;
}

/** Who a note or an interaction came from, when it arrived in someone else's list package. */
export interface SharedFrom {
  name?: string;
  company?: string;
  exportedAt: string;
}

export interface Note {
  id: string;
  entityId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  /** Set on a note imported from a list package: shown as the sharer's, never mixed with mine. */
  sharedBy?: SharedFrom;
}

export type FlagKind = 'candidate' | 'follow_up' | 'data_wrong' | 'not_pes';

export interface Flag {
  id: string;
  kind: FlagKind;
  /** Set when the flag is about a known entity. */
  entityId?: string;
  /** The page it was raised on, if any. */
  url?: string;
  domain?: string;
  detected?: PageHints;
  note?: string;
  status: 'open' | 'done' | 'dismissed';
  createdAt: string;
  updatedAt: string;
}

export type Channel = 'email' | 'phone' | 'meeting' | 'other';

/** A contact made with one of the contact buttons; `value` is the address or number used. */
export interface ContactAction {
  kind: 'mail' | 'mailCopied' | 'addressCopied' | 'call' | 'phoneCopied';
  value?: string;
}

export interface Interaction {
  id: string;
  entityId: string;
  channel: Channel;
  at: string; // ISO timestamp
  summary: string;
  outcome?: string;
  /** Template used, when the contact came from one. */
  template?: string;
  /**
   * What the contact buttons did, so the history is shown in the language of the moment (the
   * summary keeps the text written at the time, for exports and older readers).
   */
  action?: ContactAction;
  /** Set on an interaction imported from a list package (the sharer's contact, not mine). */
  sharedBy?: SharedFrom;
}

export interface ImportRecord {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'pack' | 'krs' | 'list-package' | 'vcard' | 'default';
  at: string;
  counts: { added: number; merged: number; unchanged: number; rejected: number };
  /** Rejected rows with their reason, kept so the user can download them later. */
  rejected: { row: number; reason: string; detail?: string; values: Record<string, string> }[];
  cancelled?: boolean;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** What a page scan found: identifiers are canonical and checksum-valid. */
export interface PageHints {
  nips: string[];
  regons: string[];
  krs: string[];
  emails: string[];
  phones: string[];
  phrases: string[];
  title?: string;
  siteName?: string;
}
