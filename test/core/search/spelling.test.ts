import { describe, expect, it } from 'vitest';
import { editDistance, SpellingCorrector } from '../../../src/core/search/spelling.ts';

describe('editDistance', () => {
  it.each([
    ['alians', 'alians', 0],
    ['alias', 'alians', 1],
    ['teatre', 'theatre', 1],
    ['inititaive', 'initiative', 1],
    ['form', 'from', 1],
  ])('GIVEN %j and %j THEN %i (a swap of neighbours is one edit)', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('SpellingCorrector', () => {
  // A word with many longer inflected forms, as Kazakh and Russian have: "альянс", "альянсы", "альянсының"…
  // The longer forms come first, so that fuse.js, which ranks them as close as the word itself, lists them first.
  const forms = ['aliansi', 'aliance', 'alians', 'alianse', 'aliansa', 'aliansu', 'aliansov', 'aliansin'];
  const corrector = new SpellingCorrector([...forms, 'theatre', 'initiative', 'makalada']);

  it('GIVEN a typo of a word with many longer forms THEN the form one edit away, not the one fuse.js ranks first', () => {
    expect(corrector.correct('alias')?.word).toBe('alians');
  });

  it.each([['teatre', 'theatre'], ['iniciative', 'initiative']])('GIVEN %j THEN %j', (typo, word) => {
    expect(corrector.correct(typo)?.word).toBe(word);
  });

  it.each([
    ['a different first letter', 'kalada'],
    ['too many edits for its length', 'alxyz'],
    ['a short word', 'alia'],
    ['digits', 'alians2'],
  ])('GIVEN %s (%j) THEN no correction', (_kind, word) => {
    expect(corrector.correct(word)).toBeNull();
  });
});
