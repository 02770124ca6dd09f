// A downloaded pack is checked against what the signed index announced before it is read: its
// size (a cut-short or padded file), its SHA-256, then the data pack's header and entity count.
// Its entities are validated later, by the update, and only those that changed since the pack
// held before (commands/feeds.ts): nothing unvalidated is ever written.
import type { Entity } from '../../model/types.ts';
import { checkPackEntity, readRawPack } from '../import/pack.ts';
import { isImportError } from '../import/errors.ts';
import { FeedError } from './errors.ts';
import type { FeedPackRef } from './format.ts';
import { sha256Hex } from './signature.ts';

export interface CheckedPack {
  ref: FeedPackRef;
  /** The pack's date (what its entities' dates default to). */
  createdAt: string;
  /** Its entities as read, not yet validated (checkPackEntity does that). */
  raw: unknown[];
}

export async function checkPack(ref: FeedPackRef, bytes: Uint8Array): Promise<CheckedPack> {
  if (bytes.length < ref.bytes) throw new FeedError('truncated', { region: ref.region, bytes: bytes.length, expected: ref.bytes });
  if (bytes.length > ref.bytes) throw new FeedError('oversize', { region: ref.region, bytes: bytes.length, expected: ref.bytes });
  if ((await sha256Hex(bytes)) !== ref.sha256) throw new FeedError('hash', { region: ref.region });
  let pack;
  try {
    pack = readRawPack(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new FeedError('pack_invalid', { region: ref.region, reason: isImportError(e) ? e.code : 'text' });
  }
  if (pack.entities.length !== ref.count) {
    throw new FeedError('pack_invalid', { region: ref.region, reason: 'count' });
  }
  return { ref, createdAt: pack.createdAt, raw: pack.entities };
}

/** Every entity of a checked pack validated (the default directory's build reads whole packs). */
export function packEntities(pack: CheckedPack): { entities: Entity[]; rejected: number } {
  const entities: Entity[] = [];
  let rejected = 0;
  for (const raw of pack.raw) {
    const r = checkPackEntity(raw, pack.createdAt);
    if (r.ok) entities.push(r.entity);
    else rejected++;
  }
  return { entities, rejected };
}
