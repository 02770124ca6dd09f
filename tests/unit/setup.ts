// fake-indexeddb gives Dexie a complete IndexedDB in Node.
import 'fake-indexeddb/auto';
