// The real 160-entity sample (shared/data/pes-directory-sample.csv) as search documents, read simply
// for tests and benchmarks (the product's importer lives in shared/io). Pure: takes the CSV text, so
// the Chromium benchmark can fetch the file and Node can read it.
import Papa from 'papaparse';
import type { Certificate, LegalForm } from '../shared/model/types.ts';
import type { SearchDoc } from '../shared/search/types.ts';

/** "Zakup Prospołeczny (2017, usługa gastronomiczno-cateringowa)" → name, year, scope. */
function certificates(text: string): Certificate[] | undefined {
  const list = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): Certificate => {
      const year = /\b(20\d\d)\b/.exec(part);
      const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(part);
      const name = paren ? paren[1] : part;
      const scope = paren?.[2].split(',').slice(1).join(',').trim();
      return { name, ...(year && { year: Number(year[1]) }), ...(scope && { scope }) };
    });
  return list.length ? list : undefined;
}

export function sampleDocs(csvText: string): SearchDoc[] {
  const { data } = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
  return data.map((row, i) => ({
    id: row.krs ? `krs:${row.krs}` : row.nip ? `nip:${row.nip}` : row.regon ? `regon:${row.regon}` : `sample:${i + 1}`,
    name: row.name,
    legalForm: row.legal_form as LegalForm,
    ...(row.krs && { krs: row.krs }),
    ...(row.nip && { nip: row.nip }),
    ...(row.regon && { regon: row.regon }),
    address: {
      ...(row.street && { street: row.street }),
      ...(row.postal_code && { postalCode: row.postal_code }),
      ...(row.city && { city: row.city }),
      ...(row.county && { county: row.county }),
      ...(row.voivodeship && { voivodeship: row.voivodeship }),
    },
    ...(row.offer && { offer: row.offer }),
    categories: [],
    ...(row.social_enterprise_status === 'tak' && { socialEnterpriseStatus: { has: true } }),
    ...(row.certificates && { certificates: certificates(row.certificates) }),
  }));
}
