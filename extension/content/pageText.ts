// The text a visitor reads on the page: body.textContent without the source of inline scripts and
// styles. Script text is full of numbers (Unix timestamps are 10 digits, and about one in eleven
// passes the NIP checksum) and of whatever a page wants to plant there.
const HIDDEN = 'script,style,noscript,template';

/**
 * Native textContent wherever possible (it is the cheap read, see NOTES.md); only the ancestors of
 * scripts and styles are walked, child by child, to leave those out.
 */
export function visibleText(body: HTMLElement): string {
  const hidden = body.querySelectorAll(HIDDEN);
  if (hidden.length === 0) return body.textContent ?? '';
  const holdsHidden = new Set<Node>();
  for (const el of hidden) {
    for (let n = el.parentNode; n && !holdsHidden.has(n); n = n === body ? null : n.parentNode) holdsHidden.add(n);
  }
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE && (child as Element).matches(HIDDEN)) continue;
      if (holdsHidden.has(child)) walk(child);
      else parts.push(child.textContent ?? '');
    }
  };
  walk(body);
  return parts.join('');
}
