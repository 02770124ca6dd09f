// Reading the QR codes of a list from pictures (a phone photo, a scan). jsQR is loaded only when
// the first picture is read (~130 kB unminified, not wanted on every app start). A photo is scaled
// down to at most MAX_SIDE pixels before decoding: jsQR's time grows with the pixel count, and a
// code that fills a third of a 12-megapixel photo still has ~8 pixels a module at that size; when
// nothing is found there, the full picture (up to FULL_SIDE) is tried once more.
const MAX_SIDE = 1600;
const FULL_SIDE = 4000;

export type QrImageResult = { file: string; text: string } | { file: string; error: 'no_code' | 'not_image' };

async function pixels(bitmap: ImageBitmap, maxSide: number): Promise<ImageData> {
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h);
}

export async function readQrImage(file: File): Promise<QrImageResult> {
  const { default: jsQR } = await import('jsqr');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { file: file.name, error: 'not_image' };
  }
  try {
    for (const side of [MAX_SIDE, FULL_SIDE]) {
      const img = await pixels(bitmap, side);
      const found = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
      if (found) return { file: file.name, text: found.data };
      if (Math.max(bitmap.width, bitmap.height) <= side) break;
    }
    return { file: file.name, error: 'no_code' };
  } finally {
    bitmap.close();
  }
}
