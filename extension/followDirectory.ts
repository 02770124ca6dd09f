// An extension page (the popup, the app page) follows the directory's change log and tells the
// background after each change, whoever made it, so open tabs' badges are decided again. The
// background follows the log itself while it runs; this covers the times it was stopped (MV3 stops
// an idle service worker after 30 s) and wakes it. It re-decides once per revision, however many
// pages tell it.
import type { RadarDB } from '../shared/db/database.ts';
import { followDirectory } from '../shared/db/directoryLog.ts';
import { notify } from '../shared/messages/client.ts';

export function tellBackgroundOfDirectoryChanges(db: RadarDB): () => void {
  return followDirectory(db, () => notify({ type: 'directory-changed' }));
}
