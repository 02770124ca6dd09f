import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldByNormalizing, foldedWords } from '../../../shared/model/fold.ts';

describe('fold', () => {
  it('folds Polish letters, case and other marks', () => {
    expect(fold('ZAKŁAD Aktywności Zawodowej w Łęcznej')).toBe('zaklad aktywnosci zawodowej w lecznej');
    expect(fold('Źródło ŻÓŁĆ')).toBe('zrodlo zolc');
    expect(fold('Café Müller')).toBe('cafe muller');
    expect(fold('plain ascii 123')).toBe('plain ascii 123');
    expect(foldedWords('Spółdzielnia Socjalna „Serwis”')).toEqual(['spoldzielnia', 'socjalna', 'serwis']);
  });

  it('gives what the definition (NFD, marks stripped, ł→l) gives, for any text', () => {
    const polish = fc.constantFrom(...'aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄCĆEĘLŁNŃOÓSŚZŹŻ -.„”“‘’«»–—…\u00a00123456789'.split(''));
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(polish).map((cs) => cs.join('')),
      fc.array(fc.oneof(polish, fc.constantFrom('é', 'ü', 'ß', 'İ', 'Σ', 'ﬁ', 'Å', '\u0301'))).map((cs) => cs.join('')),
    );
    fc.assert(fc.property(text, (s) => fold(s) === foldByNormalizing(s)), { numRuns: 2000 });
  });
});
