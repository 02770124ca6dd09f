// A downloaded pack is checked against what the signed index announced before it is read: its
// size (a cut-short or padded file), its SHA-256, then the data pack reader and the entity count.
import type { Entity } from '../../model/types.ts';
import { readPack } from '../import/pack.ts';
import { isImportError } from '../import/errors.ts';
import { FeedError } from './errors.ts';
import type { FeedPackRef } from './format.ts';
import { sha256Hex } from './signature.ts';

export interface CheckedPack {
  ref: FeedPackRef;
  entities: Entity[];
  /** Entities the pack reader refused (a publisher's bug; reported, never written). */
  rejected: number;
}

export async function checkPack(ref: FeedPackRef, bytes: Uint8Array): Promise<CheckedPack> {
  if (bytes.length < ref.bytes) throw new FeedError('truncated', { region: ref.region, bytes: bytes.length, expected: ref.bytes });
  if (bytes.length > ref.bytes) throw new FeedError('oversize', { region: ref.region, bytes: bytes.length, expected: ref.bytes });
  if ((await sha256Hex(bytes)) !== ref.sha256) throw new FeedError('hash', { region: ref.region });
  let pack;
  try {
    pack = readPack(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new FeedError('pack_invalid', { region: ref.region, reason: isImportError(e) ? e.code : 'text' });
  }
  if (pack.entities.length + pack.rejected.length !== ref.count) {
    throw new FeedError('pack_invalid', { region: ref.region, reason: 'count' });
  }
  return { ref, entities: pack.entities, rejected: pack.rejected.length };
}
