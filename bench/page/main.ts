// The benchmark page: exposes the in-browser halves of the cases as window.__bench, for bench/run.ts
// to call through playwright. Served from the extension's origin (a copy of the build) and from the
// standalone SPA's origin, so it reaches the same store as the product there.
import { seedEntities } from './seed.ts';
import { lookupBaselines } from './lookup.ts';
import { badgeText, navigateAndWaitForBadge } from './badge.ts';
import { importBulkPut, importRawPut, loadImported } from './importBench.ts';
import { searchCompare } from './searchBench.ts';
import { addOwnElsewhere, bulkChangeElsewhere } from './ownEntity.ts';
import { rebuildParts } from './rebuildParts.ts';
import { csvImport, feedCheckParts, feedCleanup, feedFullReimport, feedSubscribe, feedUpdate } from './feedBench.ts';

const bench = { seedEntities, lookupBaselines, navigateAndWaitForBadge, badgeText, loadImported, importBulkPut, importRawPut, searchCompare, rebuildParts, addOwnElsewhere, bulkChangeElsewhere, feedSubscribe, feedUpdate, feedFullReimport, feedCheckParts, csvImport, feedCleanup };
export type Bench = typeof bench;

(globalThis as unknown as { __bench: Bench }).__bench = bench;
document.getElementById('ready')!.hidden = false;
