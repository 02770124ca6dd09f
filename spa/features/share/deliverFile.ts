// Handing a file to the user: the system share sheet where the browser can share files (phones,
// some desktops), otherwise a download. Downloading is always offered too: on a phone the user may
// want the file itself rather than an app to send it with.

/** True when this browser can pass a file like this one to the share sheet. */
export function canShareFile(name: string, type: string): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.share !== 'function') return false;
  try {
    return navigator.canShare?.({ files: [new File([], name, { type })] }) ?? false;
  } catch {
    return false;
  }
}

/** Opens the share sheet; 'cancelled' when the user closed it (not an error). */
export async function shareFile(file: File): Promise<'shared' | 'cancelled'> {
  try {
    await navigator.share({ files: [file], title: file.name });
    return 'shared';
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled';
    throw err;
  }
}

/** Saves the file through an object URL and a temporary `<a download>`. */
export function downloadFile(file: File): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is released a little later for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
