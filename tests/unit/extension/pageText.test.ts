// pageText walks only the start and the end of a page: it must give exactly what capping the
// whole visible text gives (textContent semantics: text nodes in document order, nothing from
// script/style/noscript/template), whatever the tree's shape and wherever the cut falls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageText } from '../../../extension/content/pageText.ts';
import { capText } from '../../../shared/model/scan.ts';

// A minimal DOM: the properties the walk reads, linked as a browser links them.
interface FakeNode {
  nodeType: number;
  localName?: string;
  data?: string;
  parentNode: FakeNode | null;
  firstChild: FakeNode | null;
  lastChild: FakeNode | null;
  nextSibling: FakeNode | null;
  previousSibling: FakeNode | null;
}

type Spec = string | { tag: string; children: Spec[] } | { comment: string };

function make(spec: Spec, parent: FakeNode | null): FakeNode {
  const node: FakeNode = { nodeType: 1, parentNode: parent, firstChild: null, lastChild: null, nextSibling: null, previousSibling: null };
  if (typeof spec === 'string') return Object.assign(node, { nodeType: 3, data: spec });
  if ('comment' in spec) return Object.assign(node, { nodeType: 8, data: spec.comment });
  node.localName = spec.tag;
  let prev: FakeNode | null = null;
  for (const childSpec of spec.children) {
    const child = make(childSpec, node);
    if (prev) {
      prev.nextSibling = child;
      child.previousSibling = prev;
    } else node.firstChild = child;
    prev = child;
  }
  node.lastChild = prev;
  return node;
}

/** The visible text as textContent would give it, computed the plain recursive way. */
function visible(spec: Spec): string {
  if (typeof spec === 'string') return spec;
  if ('comment' in spec) return '';
  if (['script', 'style', 'noscript', 'template'].includes(spec.tag)) return '';
  return spec.children.map(visible).join('');
}

const body = (children: Spec[]) => make({ tag: 'body', children }, null) as unknown as HTMLElement;

const specs: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 12 }),
    fc.record({ comment: fc.string({ maxLength: 5 }) }),
    fc.record({ tag: fc.constantFrom('p', 'div', 'span', 'script', 'style', 'noscript', 'template', 'svg'), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

describe('pageText', () => {
  it('equals capText of the visible text for any tree and any cut', () => {
    fc.assert(
      fc.property(fc.array(specs, { maxLength: 6 }), fc.nat(40), fc.nat(40), (children, head, tail) => {
        expect(pageText(body(children), head, tail)).toBe(capText(visible({ tag: 'body', children }), head, tail));
      }),
      { numRuns: 2000 },
    );
  });

  it('skips script and style text and keeps a long page’s header and footer', () => {
    const filler = Array.from({ length: 5000 }, (_, i): Spec => ({ tag: 'p', children: [`Pozycja ${i}: catering i sprzątanie biur. `.repeat(3)] }));
    const children: Spec[] = [
      { tag: 'header', children: ['NIP 929-192-89-63', { tag: 'script', children: ['var t = 1712345678;'] }] },
      ...filler,
      { tag: 'footer', children: ['KRS 0000700353', { tag: 'style', children: ['.a{width:5261040828px}'] }] },
    ];
    const text = pageText(body(children));
    expect(text.length).toBe(200_001);
    expect(text.startsWith('NIP 929-192-89-63Pozycja 0')).toBe(true);
    expect(text.endsWith('KRS 0000700353')).toBe(true);
    expect(text).not.toMatch(/1712345678|5261040828/);
  });
});

describe('pageText onElement', () => {
  it('sees the elements of the kept ends of a long page, hidden ones included, and none of its middle', () => {
    const filler = Array.from({ length: 5000 }, (_, i): Spec => ({ tag: i === 2500 ? 'address' : 'p', children: [`Pozycja ${i}: catering i sprzątanie biur. `.repeat(3)] }));
    const children: Spec[] = [
      { tag: 'header', children: [{ tag: 'script', children: ['{}'] }, 'Start'] },
      ...filler,
      { tag: 'footer', children: ['ul. Krakowska 12, 32-100 Proszowice'] },
    ];
    const seen: string[] = [];
    pageText(body(children), undefined, undefined, (el) => seen.push(el.localName));
    expect(seen).toContain('header');
    expect(seen).toContain('script');
    expect(seen).toContain('footer');
    // The address in the middle of the page lies outside both kept ends.
    expect(seen).not.toContain('address');
    expect(seen.length).toBeLessThan(5000);
  });
});
