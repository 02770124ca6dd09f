// Limits of what an import accepts. The whole file is held in memory (bytes, then text, then rows)
// in a tab or a worker, so the limit keeps a careless pick (a database dump, a video) from freezing
// the browser. 50 MB of CSV is about 150k directory rows — far more than any real PES list.
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;


/**
 * The most XML an .xlsx may unpack to. A workbook compresses about tenfold, so real files stay far
 * below; a "zip bomb" (a few kilobytes unpacking to gigabytes) is refused before it is inflated.
 */
export const MAX_XLSX_UNPACKED_BYTES = 300 * 1024 * 1024;
