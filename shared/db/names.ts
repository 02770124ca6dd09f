// The database's name, apart from the Dexie schema (database.ts), so that code that reads without
// Dexie (rawRead.ts, in the background) can open the same store without loading Dexie.
export const DB_NAME = 'radar-es';
