// The list package: one self-contained JSON file that carries a contact list to someone else
// (by e-mail, a USB stick, a chat) — the list, its entities with their sources, the contact persons
// and, only when the sender ticks it, their private notes, statuses and contact log.
// The format is documented in docs/list-package.md; change it only together with that document.
import type { Entity, Interaction, Note, Person, Saved } from '../../model/types.ts';
import { validatePackageBody } from './listPackageSchema.ts';
import { ShareError } from './shareError.ts';

export const LIST_PACKAGE_FORMAT = 'radar-es/list-package';
export const LIST_PACKAGE_VERSION = 1;

/**
 * Largest package read. A list of 5,000 entities with persons and notes is about 10 MB; the limit
 * keeps a wrong pick (a video, a database dump) from freezing the tab that holds it all in memory.
 */
export const MAX_PACKAGE_BYTES = 25 * 1024 * 1024;

export interface Exporter {
  name?: string;
  company?: string;
}

export interface ListPackage {
  format: typeof LIST_PACKAGE_FORMAT;
  version: number;
  /** ISO timestamp; with the exporter it identifies one export (see importPreview.ts). */
  exportedAt: string;
  exporter?: Exporter;
  list: { name: string; description?: string };
  entities: Entity[];
  persons: Person[];
  /** Present only when the sender chose to share their notes, statuses and contact log. */
  private?: { notes: Note[]; saved: Saved[]; interactions: Interaction[] };
}

export interface ListPackageInput {
  list: { name: string; description?: string };
  entities: Entity[];
  persons: Person[];
  exporter?: Exporter;
  includePrivate: boolean;
  notes?: Note[];
  saved?: Saved[];
  interactions?: Interaction[];
  exportedAt: string;
}

/** Entity ids are kept (they are the stable krs:/nip:/regon:/name: ids); `keys` is a local index. */
function portableEntity(e: Entity): Entity {
  const { keys: _localIndex, ...rest } = e;
  return rest;
}

function trimmed(exporter: Exporter | undefined): Exporter | undefined {
  const name = exporter?.name?.trim();
  const company = exporter?.company?.trim();
  if (!name && !company) return undefined;
  return { ...(name ? { name } : {}), ...(company ? { company } : {}) };
}

/** The package as pretty JSON. Persons and private records of entities outside the list are left out. */
export function writeListPackage(input: ListPackageInput): string {
  const ids = new Set(input.entities.map((e) => e.id));
  const inList = <T extends { entityId: string }>(items: T[] | undefined) => (items ?? []).filter((i) => ids.has(i.entityId));
  const exporter = trimmed(input.exporter);
  const pkg: ListPackage = {
    format: LIST_PACKAGE_FORMAT,
    version: LIST_PACKAGE_VERSION,
    exportedAt: input.exportedAt,
    ...(exporter ? { exporter } : {}),
    list: {
      name: input.list.name,
      ...(input.list.description ? { description: input.list.description } : {}),
    },
    entities: input.entities.map(portableEntity),
    persons: inList(input.persons),
    ...(input.includePrivate
      ? { private: { notes: inList(input.notes), saved: inList(input.saved), interactions: inList(input.interactions) } }
      : {}),
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** Rejects a file by its size before it is read into memory (File.size in the UI). */
export function checkPackageSize(bytes: number, maxBytes = MAX_PACKAGE_BYTES): void {
  if (bytes > maxBytes) throw new ShareError('too_large', { size: bytes, limit: maxBytes });
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * True when JSON text stops inside a string or with brackets still open: an interrupted download
 * or copy, as opposed to text that was never JSON. Engines word their parse errors differently, so
 * this looks at the text rather than at the message.
 */
function endsUnfinished(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/** Reads and validates a package; throws ShareError and never returns a half-checked object. */
export function readListPackage(text: string, maxBytes = MAX_PACKAGE_BYTES): ListPackage {
  // A UTF-16 code unit is at least one UTF-8 byte: the cheap test settles most files.
  if (text.length > maxBytes) throw new ShareError('too_large', { size: text.length, limit: maxBytes });
  if (text.length * 3 > maxBytes) checkPackageSize(utf8Bytes(text), maxBytes);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body.startsWith('{')) throw new ShareError('not_package');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ShareError(endsUnfinished(body) ? 'truncated' : 'not_package');
  }
  const root = data as Record<string, unknown>;
  if (root.format !== LIST_PACKAGE_FORMAT) throw new ShareError('not_package');
  const version = root.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ShareError('invalid', { path: 'version', reason: 'type' });
  }
  if (version > LIST_PACKAGE_VERSION) {
    throw new ShareError('newer_version', { version, supported: LIST_PACKAGE_VERSION });
  }
  return { format: LIST_PACKAGE_FORMAT, version, ...validatePackageBody(root) };
}
