// Draws the extension's PNG icons (a radar: concentric rings and a sweep on a teal disc).
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';

for (const size of [16, 32, 48, 128, 192, 512]) {
  const png = new PNG({ width: size, height: size });
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - c, dy = y - c;
      const r = Math.hypot(dx, dy) / (size / 2);
      const a = Math.atan2(dy, dx);
      const i = (y * size + x) * 4;
      let rgba = [0, 0, 0, 0];
      if (r <= 1) {
        rgba = [0, 92, 99, 255]; // #005C63 teal: 7.6:1 against white
        const ring = Math.abs(r - 0.66) < 0.06 || Math.abs(r - 0.33) < 0.06;
        const sweep = a > -Math.PI / 2 && a < -Math.PI / 4 && r < 0.95;
        if (ring || sweep) rgba = [255, 255, 255, 255];
        if (r < 0.12) rgba = [255, 196, 0, 255];
      }
      png.data.set(rgba, i);
    }
  }
  if (size <= 128) writeFileSync(`extension/public/icons/icon-${size}.png`, PNG.sync.write(png));
  writeFileSync(`spa/public/icon-${size}.png`, PNG.sync.write(png));
}
