// Reading a file someone sent — a list package or a .vcf — into a package for the import preview.
// The size is checked before the file is read, so a wrong pick (a video, a dump) never fills memory.
import { checkPackageSize, readListPackage, type ListPackage } from '../../../shared/io/share/listPackage.ts';
import { parseVCards, type ParsedVCardPerson } from '../../../shared/io/share/vcard.ts';
import { vcardsToPackage } from '../../../shared/io/share/vcardImport.ts';

export interface SharedFile {
  kind: 'package' | 'vcard';
  pkg: ListPackage;
  /** vCard persons without an organisation: shown as not imported. */
  unattached: ParsedVCardPerson[];
}

const looksLikeVCard = (name: string, text: string) => /\.vcf$/i.test(name) || /^\uFEFF?\s*BEGIN:VCARD/i.test(text);

/** Throws ShareError (too_large, not_package, truncated, newer_version, invalid). */
export async function readShareFile(file: File, now: string): Promise<SharedFile> {
  checkPackageSize(file.size);
  const text = await file.text();
  if (looksLikeVCard(file.name, text)) {
    const { pkg, unattached } = vcardsToPackage(parseVCards(text), { fileName: file.name, importedAt: now });
    return { kind: 'vcard', pkg, unattached };
  }
  return { kind: 'package', pkg: readListPackage(text), unattached: [] };
}
