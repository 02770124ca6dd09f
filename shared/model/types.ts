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
  /**
   * Set when every feed that listed the entity has stopped listing it: shown as "no longer listed by
   * <by> since <since>", left out of search results, kept while the user has data on it.
   */
  delisted?: { by: string; since: string };
  /**
   * Values the user added (from a page, or typed) or corrected. The entity's fields already show
   * them; these records keep each one's source and the value it replaced, and make every later
   * merge (imports, feed updates, list packages) keep them (shared/model/userValues.ts).
   */
  userValues?: UserValue[];
}

/** Fields a user may add to or correct on any entity (address parts as `address.<part>`). */
export type UserField =
  | 'name'
  | 'krs'
  | 'nip'
  | 'regon'
  | 'address.street'
  | 'address.postalCode'
  | 'address.city'
  | 'emails'
  | 'phones'
  | 'websites';

/** One value of the user's on an entity: kept across imports and feed updates. */
export interface UserValue {
  field: UserField;
  /**
   * `added`: a value the entity lacked (in a list field: one more item); `corrected`: `value`
   * replaces `original`; `removed`: `original` is no longer true.
   */
  kind: 'added' | 'corrected' | 'removed';
  /** Canonical value (E.164 phone, lower-case e-mail domain, URL as WHATWG serialises it…). */
  value?: string;
  /** For a website: its site key (host without `www.`), so matching follows without a URL parser. */
  siteKey?: string;
  /** The value it replaced, and that value's source url, when there was one. */
  original?: string;
  originalSource?: string;
  /** Where the user's value came from: the page (address without query, date) or `user:`. */
  source: Source;
  note?: string;
  /** ISO timestamp of the user's action. */
  at: string;
  /** A later import or feed stated another value for this field: both are shown, the user picks. */
  later?: { value: string; source?: string; seenAt?: string };
  /** Values of later sources the user already turned down: not offered again. */
  declined?: string[];
  /** Set on a correction that arrived in someone else's list package. */
  sharedBy?: SharedFrom;
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
  /**
   * Present while the import writes: kept before the first chunk and in each chunk's transaction, so
   * it always says how many entities are in. A record that still has it when no import runs (the
   * browser was closed or crashed mid-import) is an interrupted import. `session` names the writer
   * (a Web Lock of that name is held while it runs).
   */
  progress?: { written: number; total: number; session: string };
  /** Ids of the entities the import created (not merged into), so an interrupted one can be undone. */
  addedIds?: string[];
  /** The timestamp the import stamped on what it wrote (its plan's `now`). */
  writtenAt?: string;
  /** Entities left as they were because they were edited while the import ran. */
  keptEdited?: number;
  /** An interrupted import the user has since finished (imported the file again) or undone. */
  resolved?: 'finished' | 'undone';
  /** Rejected rows beyond the ones kept in `rejected` (they are counted in `counts.rejected`). */
  rejectedNotKept?: number;
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
  /** What the page states about its organisation, unchecked (shared/model/pageFacts.ts). */
  facts?: RawPageFacts;
}

/**
 * Raw statements of a page about the organisation behind it, as the content script read them:
 * strings only, capped, checked by the popup before anything is shown (shared/model/foundFacts.ts).
 */
export interface RawPageFacts {
  names: string[];
  legalNames: string[];
  emails: string[];
  phones: string[];
  /** `url` and `sameAs` of structured data. */
  urls: string[];
  /** `vatID` / `taxID`. */
  taxIds: string[];
  /** Structured postal addresses. */
  addresses: { street?: string; postalCode?: string; city?: string }[];
  /** Free-text addresses: <address> elements, footers, an address given as text. */
  places: string[];
  /** Names with a legal form found in the text ("Spółdzielnia Socjalna „Serwis”"). */
  namePhrases: string[];
}

/** The languages the product speaks: Polish first, English too. */
export type Lang = 'pl' | 'en';

/** A subscription to a directory feed (docs/feeds.md). */
export interface FeedSubscription {
  /** `default` for the feed the app ships with; else `feed_` + 12 hex digits of the index URL's SHA-256. */
  id: string;
  /** The index URL (http/https; for the bundled feed, the build's own copy). */
  url: string;
  publisher: string;
  contact: string;
  licence: string;
  /** The publisher's public key (base64url) and its fingerprint, trusted at subscription. */
  publicKey: string;
  fingerprint: string;
  /** The regions taken ('' = entities without a voivodeship); undefined = every region. */
  regions?: string[];
  /** createdAt of the index last applied. */
  feedDate?: string;
  /** Region → SHA-256 of the pack held: a pack with the same hash is never downloaded again. */
  packs: Record<string, string>;
  /** The ETag of the index last applied (If-None-Match). */
  etag?: string;
  /** Entities the feed lists now (in the regions taken). */
  count: number;
  subscribedAt: string;
  lastCheckAt?: string;
  lastSuccessAt?: string;
  lastError?: { code: string; detail?: Record<string, string | number>; at: string };
  /** A key the index now names instead of the trusted one: refused until the user accepts it. */
  pendingKey?: { publicKey: string; fingerprint: string };
}

/** Which feed lists which entity, from which region's pack. */
export interface FeedEntry {
  feedId: string;
  entityId: string;
  region: string;
  /** Set when the feed stopped listing the entity (the index date of that update). */
  droppedAt?: string;
}
