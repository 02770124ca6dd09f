// The text a visitor reads on the page, as the scanner needs it: body.textContent without the source
// of inline scripts and styles (script text is full of numbers — Unix timestamps are 10 digits, and
// about one in eleven passes the NIP checksum — and of whatever a page wants to plant there), capped
// like capText() to its first and last ~100 KB, where identifiers sit.
import { HEAD_CHARS, joinCapped, TAIL_CHARS } from '../../shared/model/scan.ts';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);
// Node.ELEMENT_NODE, TEXT_NODE, CDATA_SECTION_NODE (as numbers: the unit tests run without a DOM).
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * The text nodes' text from one end of `root`, skipping hidden elements, until more than `limit`
 * characters are collected (`complete` says the walk reached the other end first). Backward, the
 * parts come last first.
 */
function collect(root: Node, limit: number, backward: boolean, onElement?: (el: Element) => void): { parts: string[]; length: number; complete: boolean } {
  const parts: string[] = [];
  let length = 0;
  let node: Node | null = backward ? root.lastChild : root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === TEXT || type === CDATA) {
      const data = (node as CharacterData).data;
      parts.push(data);
      length += data.length;
      if (length > limit) return { parts, length, complete: false };
    } else if (type === ELEMENT && (onElement?.(node as Element), !HIDDEN.has((node as Element).localName))) {
      const child: Node | null = backward ? node.lastChild : node.firstChild;
      if (child) {
        node = child;
        continue;
      }
    }
    while (node !== root && !(backward ? node.previousSibling : node.nextSibling)) node = node.parentNode!;
    if (node === root) break;
    node = backward ? node.previousSibling : node.nextSibling;
  }
  return { parts, length, complete: true };
}

/**
 * capText(visible text of `body`), reading only the text it keeps (`onElement` sees each element
 * the walk passes, hidden ones included, so the scanner picks links and footers on the way): the nodes of the first and last
 * ~100 KB instead of all of a long page's text (a 3 MB catalogue page is 72,000 elements; reading
 * all of it, even with one native textContent, cost more than the whole scan of what is kept).
 */
export function pageText(body: HTMLElement, head = HEAD_CHARS, tail = TAIL_CHARS, onElement?: (el: Element) => void): string {
  const front = collect(body, head + tail, false, onElement);
  if (front.complete) return front.parts.join('');
  const back = collect(body, tail, true, onElement);
  const end = back.parts.reverse().join('');
  return joinCapped(front.parts.join('').slice(0, head), end.slice(end.length - tail));
}

/** The visible text of one element (an <address>, a footer), reading no more than `limit` characters. */
export function textOf(root: Node, limit: number): string {
  return collect(root, limit, false).parts.join('').slice(0, limit);
}
