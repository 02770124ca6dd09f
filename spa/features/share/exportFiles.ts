// The files an export produces, from what shared/db gathered: a list package, a CSV or an XLSX for
// spreadsheets, a vCard file. The XLSX writer is loaded only for an XLSX. The formats themselves are in shared/io/share/.
import type { ExportData } from '../../../shared/db/commands/share.ts';
import type { Lang } from '../../../shared/model/types.ts';
import { entitiesToCsv, type CsvExportRow } from '../../../shared/io/share/csvExport.ts';
import { writeListPackage, type Exporter } from '../../../shared/io/share/listPackage.ts';
import { safeFileBase } from '../../../shared/io/fileName.ts';
import { entityToVCard, personToVCard, toVCardFile } from '../../../shared/io/share/vcard.ts';

export type ExportFormat = 'package' | 'csv' | 'xlsx' | 'vcard';

export const FILE_TYPES: Record<ExportFormat, { ext: string; type: string }> = {
  package: { ext: '.radar-es.json', type: 'application/json' },
  csv: { ext: '.csv', type: 'text/csv' },
  xlsx: { ext: '.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  vcard: { ext: '.vcf', type: 'text/vcard' },
};

/** A file name from a list name (see shared/io/fileName.ts: no separators, bidi or control characters, no device names). */
export function fileNameFor(name: string, format: ExportFormat): string {
  return safeFileBase(name, 'radar-es') + FILE_TYPES[format].ext;
}

export interface ExportOptions {
  /** Notes, statuses and contact log go into the package (and statuses/tags into the CSV) only when ticked. */
  includePrivate: boolean;
  exporter: Exporter;
  delimiter: ';' | ',';
  lang: Lang;
  now: string;
}

function tableRows(data: ExportData, opts: ExportOptions): CsvExportRow[] {
  const saved = new Map(data.saved.map((s) => [s.entityId, s]));
  return data.entities.map((entity) => ({
    entity,
    persons: data.persons.filter((p) => p.entityId === entity.id),
    ...(opts.includePrivate ? { saved: saved.get(entity.id) } : {}),
  }));
}

async function content(data: ExportData, format: ExportFormat, opts: ExportOptions): Promise<string | Blob> {
  switch (format) {
    case 'package':
      return writeListPackage({ ...data, includePrivate: opts.includePrivate, exporter: opts.exporter, exportedAt: opts.now });
    case 'csv':
      return entitiesToCsv(tableRows(data, opts), { delimiter: opts.delimiter, lang: opts.lang });
    case 'xlsx': {
      const { entitiesToXlsx } = await import('../../../shared/io/share/xlsxExport.ts');
      return entitiesToXlsx(tableRows(data, opts), { lang: opts.lang });
    }
    case 'vcard': {
      const byId = new Map(data.entities.map((e) => [e.id, e]));
      return toVCardFile([
        ...data.entities.map((e) => entityToVCard(e, { lang: opts.lang })),
        ...data.persons.map((p) => personToVCard(p, byId.get(p.entityId))),
      ]);
    }
  }
}

export async function exportFile(data: ExportData, format: ExportFormat, opts: ExportOptions): Promise<File> {
  const { type } = FILE_TYPES[format];
  const body = await content(data, format, opts);
  return new File([body], fileNameFor(data.list.name, format), { type: format === 'xlsx' ? type : `${type};charset=utf-8` });
}
