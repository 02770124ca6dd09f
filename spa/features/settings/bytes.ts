/** A byte count as people read it (kB, MB, GB; decimal, as the browser's storage settings show). */
export function formatBytes(n: number, locale = 'pl'): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 && u > 0 ? 1 : 0 }).format(v)} ${units[u]}`;
}
