import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { switchLayout } from '../../../src/core/text/keyboard-layout.ts';

describe('switchLayout', () => {
  it.each([
    ['Russian typed on QWERTY', 'Rnj yfgbcfk cnfnm.&', 'Кто написал статью?'],
    ['with the letters on punctuation keys', 'crjkmrj bycnbnenjd d rfpf[cnfyt', 'сколько институтов в казахстане'],
    ['a comma typed as Shift+/', 'ghbdtn? rfr ltkf', 'привет, как дела'],
    ['English typed on ЙЦУКЕН', 'руддщ', 'hello'],
  ])('GIVEN %s THEN gives the text as meant', (_kind, typed, meant) => {
    expect(switchLayout(typed)).toBe(meant);
  });

  it('GIVEN letters of one layout THEN switching twice gives them back', () => {
    const letters = fc.constantFrom(...'qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM ');
    fc.assert(fc.property(fc.array(letters, { minLength: 1 }).map((chars) => chars.join('')), (text) => {
      if (!/[a-z]/i.test(text)) return;
      expect(switchLayout(switchLayout(text))).toBe(text);
    }));
  });

  it('GIVEN digits, emoji and spaces THEN leaves them alone', () => {
    expect(switchLayout('ghbdtn 2023 😀')).toBe('привет 2023 😀');
  });
});
