// Limits of what an import accepts. The whole file is held in memory (bytes, then text, then rows)
// in a tab or a worker, so the limit keeps a careless pick (a database dump, a video) from freezing
// the browser. 50 MB of CSV is about 150k directory rows — far more than any real PES list.
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;


/**
 * The most XML an .xlsx may unpack to. A workbook compresses about tenfold, so real files stay far
 * below; a "zip bomb" (a few kilobytes unpacking to gigabytes) is refused before it is inflated.
 */
export const MAX_XLSX_UNPACKED_BYTES = 300 * 1024 * 1024;

/**
 * The extent of a sheet read: its last row and column as the file states them (`<row r>`, `<c r>`,
 * `<dimension>`). The reader lays every sheet out as a full table, so one cell at `ZZZZZZ2` or a
 * row numbered 1,000,000,000 in a 1.7 KB file cost seconds and gigabytes before. 200,000 rows is
 * above what a 50 MB CSV holds (~150k rows); real directory sheets have under 100 columns.
 */
export const MAX_XLSX_ROWS = 200_000;
export const MAX_XLSX_COLUMNS = 1_000;

/**
 * Rejected rows kept with their cells (shown, stored with the import, downloadable to fix): the
 * rest are counted. A pack of millions of empty entities kept each one and took 2.2 GB of heap and
 * 26 s to hand them to the page; 10,000 rows is more than anyone fixes by hand in one go.
 */
export const MAX_KEPT_REJECTED = 10_000;

/** Entities a data pack may hold; the default directory is 160 and a national one would be ~100k. */
export const MAX_PACK_ENTITIES = 500_000;
