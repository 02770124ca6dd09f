// "Never verified" and "not for a year": when an entity's data was last checked against a register.
// Certificates last a year and organisations close, so a year-old check is worth redoing.

export type Freshness = { kind: 'never' } | { kind: 'stale'; at: string } | { kind: 'fresh'; at: string };

export function verificationFreshness(verifiedAt: string | undefined, now: Date): Freshness {
  if (!verifiedAt) return { kind: 'never' };
  const at = new Date(verifiedAt);
  if (Number.isNaN(at.getTime())) return { kind: 'never' };
  const yearLater = new Date(at);
  yearLater.setUTCFullYear(yearLater.getUTCFullYear() + 1);
  return { kind: yearLater.getTime() <= now.getTime() ? 'stale' : 'fresh', at: verifiedAt };
}
