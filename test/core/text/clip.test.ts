import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../../../src/core/text/clip.ts';

describe('clip', () => {
  it('GIVEN text within the limit THEN unchanged', () => {
    expect(clip('Astana', 6)).toBe('Astana');
  });

  it('GIVEN longer text THEN cut to the limit with an ellipsis and no space before it', () => {
    expect(clip('One Belt, One Road', 10)).toBe('One Belt,…');
    expect(clip('One Belt, One Road', 10).length).toBeLessThanOrEqual(10);
  });

  it('GIVEN text with astral characters THEN truncation never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const cut = clip(text, max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, text.length <= max ? text.length : max));
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
      }),
    );
  });
});
