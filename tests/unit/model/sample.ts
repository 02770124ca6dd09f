// The real sample directory (shared/data/pes-directory-sample.csv), parsed with PapaParse so the
// tests read it independently of the project's own CSV code.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { EntityDraft } from '../../../shared/model/entity.ts';

export type SampleRow = Record<
  | 'name'
  | 'legal_form'
  | 'krs'
  | 'nip'
  | 'regon'
  | 'voivodeship'
  | 'county'
  | 'city'
  | 'postal_code'
  | 'street'
  | 'website'
  | 'email'
  | 'phone'
  | 'offer'
  | 'social_enterprise_status'
  | 'certificates'
  | 'source_urls',
  string
>;

const csv = readFileSync(new URL('../../../shared/data/pes-directory-sample.csv', import.meta.url), 'utf8');

export const SAMPLE: SampleRow[] = Papa.parse<SampleRow>(csv, { header: true, skipEmptyLines: true }).data;

export function draftOf(r: SampleRow): EntityDraft {
  return {
    name: r.name,
    legalForm: r.legal_form,
    krs: r.krs,
    nip: r.nip,
    regon: r.regon,
    voivodeship: r.voivodeship,
    county: r.county,
    city: r.city,
    postalCode: r.postal_code,
    street: r.street,
    website: r.website,
    email: r.email,
    phone: r.phone,
    offer: r.offer,
    socialEnterpriseStatus: r.social_enterprise_status,
    certificates: r.certificates,
    sources: r.source_urls,
  };
}

export function sampleRow(namePart: string): SampleRow {
  const rows = SAMPLE.filter((r) => r.name.includes(namePart));
  if (rows.length !== 1) throw new Error(`${rows.length} sample rows match ${namePart}`);
  return rows[0];
}
