// The text a visitor reads on the page: body.textContent without the source of inline scripts and
// styles. Script text is full of numbers (Unix timestamps are 10 digits, and about one in eleven
// passes the NIP checksum) and of whatever a page wants to plant there.
const HIDDEN = 'script,style,noscript,template';

/**
 * One native textContent read (the cheap read, see NOTES.md), then the hidden elements' text is cut
 * out of that string: textContent concatenates in document order, so each hidden element's text is
 * found at or after the previous cut. A few string operations instead of a walk over the DOM, which
 * cost more than the read itself on large pages.
 */
export function visibleText(body: HTMLElement): string {
  const all = body.textContent ?? '';
  const hidden = body.querySelectorAll(HIDDEN);
  if (hidden.length === 0) return all;
  const parts: string[] = [];
  let from = 0;
  for (const el of hidden) {
    const text = el.textContent ?? '';
    if (!text) continue;
    const at = all.indexOf(text, from);
    if (at < 0) continue; // nested in an element already cut out
    parts.push(all.slice(from, at));
    from = at + text.length;
  }
  parts.push(all.slice(from));
  return parts.join('');
}
