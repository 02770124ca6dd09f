// The only way the UI and the background touch the database: named commands, one transaction each.
export { RadarDB, getDb, DB_NAME, SCHEMA_V1 } from './database.ts';
export * from './commands/settings.ts';
export * from './commands/directory.ts';
export * from './commands/saved.ts';
export * from './commands/lists.ts';
export * from './commands/flags.ts';
export * from './commands/interactions.ts';
export * from './commands/userData.ts';
export * from './queries.ts';
