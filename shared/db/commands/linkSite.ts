// "This is the site of…": the page's site becomes one of an entity's web sites and site keys, with
// the page as its source, so the badge lights on it from then on. The site passes the checks an
// import applies (http/https, a known public suffix, never a shared platform such as facebook.com)
// and is refused when it is already another entity's site key.
import type { RadarDB } from '../database.ts';
import { pageSourceUrl, siteOfPage } from '../../model/fieldValue.ts';
import type { Entity, UserValue } from '../../model/types.ts';
import { applyUserValue } from '../../model/userValues.ts';
import { nowIso } from '../ids.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';

export type LinkSiteResult =
  | { ok: true; entity: Entity; siteKey: string }
  | { ok: false; reason: 'format' | 'shared_platform' }
  | { ok: false; reason: 'taken'; byId: string; byName: string };

export async function linkSiteToEntity(db: RadarDB, entityId: string, pageUrl: string, label?: string): Promise<LinkSiteResult> {
  const site = siteOfPage(pageUrl);
  if (!site.ok) return site;
  const now = nowIso();
  const source = { url: pageSourceUrl(pageUrl), seenAt: now.slice(0, 10), ...(label ? { label: label.slice(0, 200) } : {}) };
  return db.transaction('rw', db.entities, db.settings, async () => {
    const stored = await db.entities.get(entityId);
    if (!stored) throw new Error(`Unknown entity ${entityId}`);
    const owner = await db.entities.where('domains').equals(site.siteKey).first();
    if (owner && owner.id !== entityId) return { ok: false, reason: 'taken', byId: owner.id, byName: owner.name } as const;
    if (owner) return { ok: true, entity: stored, siteKey: site.siteKey } as const;
    const entity = structuredClone(stored);
    const uv: UserValue = { field: 'websites', kind: 'added', value: site.url, siteKey: site.siteKey, source, at: now };
    applyUserValue(entity, uv);
    entity.userValues = [...(entity.userValues ?? []), uv];
    if (!entity.sources.some((s) => s.url === source.url)) entity.sources = [...entity.sources, source];
    entity.updatedAt = now;
    await db.entities.put(withKeys(entity));
    await bumpDirectoryRevision(db, [entityId]);
    return { ok: true, entity, siteKey: site.siteKey } as const;
  });
}
