import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS, type AskOptions, type Lang } from '../../src/core/index.ts';
import { expectWellFormed, factOf, realBot } from '../helpers/bot.ts';

const bot = realBot();

const MARKUP = [...'<>&_*[]()~`#+-=|{}.!'];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇰🇿', '❤️', '\u200d', '\ufe0f', '🏳️‍🌈'];
const RTL = ['مرحبا', 'كم عدد', 'שלום', '\u202e', '\u202d', '\u200f', '\u200e', '\u2067'];
/** Words the knowledge base knows, so random text also reaches the search, greeting and language paths. */
const KNOWN = ['Конфуций', 'институт', 'қанша', 'how many', 'Abai', 'hello', 'привет', 'сәлем', '2019', '15,000', 'Qazaqstan', 'skolko', 'the'];

const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const c1Control = fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(...MARKUP, ...EMOJI, ...RTL, ...KNOWN, ' ', '\n', '\t', '\u00a0'),
  control,
  c1Control,
  loneSurrogate,
);

/** Random Unicode, emoji, control characters, right-to-left text and markup, mixed with words the bot knows. */
const anyText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

/** About 100 kB made by repeating a random chunk (generating 100 kB of independent characters would be slow). */
const hugeText = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')), fc.constantFrom('', ' ', '\n'))
  .filter(([chunk]) => chunk.length > 0)
  .map(([chunk, sep]) => `${chunk}${sep}`.repeat(Math.ceil(100_000 / (chunk.length + sep.length))));

const options: fc.Arbitrary<AskOptions> = fc.record(
  { lang: fc.constantFrom<Lang>(...LANGS), localeHint: fc.constantFrom<Lang>(...LANGS) },
  { requiredKeys: [] },
);

describe('FactsBot.ask on any input', () => {
  it('GIVEN any text and options THEN never throws and returns a well-formed result', () => {
    fc.assert(
      fc.property(anyText, options, (text, opts) => {
        expectWellFormed(bot, bot.ask(text, opts), opts.lang);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN about 100 kB of text THEN never throws and asks for a shorter question (or words)', () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        expect(text.length).toBeGreaterThanOrEqual(100_000);
        const result = bot.ask(text);
        expectWellFormed(bot, result);
        expect(['too-long', 'empty']).toContain(result.status);
      }),
      { numRuns: 5 },
    );
  });

  it('GIVEN a short question padded with 100 kB of whitespace THEN answers it like the bare question', () => {
    const question = 'how many confucius institutes in kazakhstan';
    const padded = bot.ask(`${' '.repeat(50_000)}${question}${'\n'.repeat(50_000)}`);
    expectWellFormed(bot, padded);
    expect(padded.fact?.id).toBe(bot.ask(question).fact?.id);
  });

  it('GIVEN a value that is not a string (from untyped JavaScript) THEN still a well-formed result', () => {
    for (const value of [undefined, null, 42, {}, []]) expectWellFormed(bot, bot.ask(value as unknown as string));
  });
});

describe('FactsBot.suggest on any input', () => {
  it('GIVEN any partial text, language and limit THEN never throws and returns at most limit real questions', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<Lang>(...LANGS), fc.integer({ min: 1, max: 25 }), (text, lang, limit) => {
        const suggestions = bot.suggest(text, lang, limit);
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        for (const s of suggestions) expect(factOf(bot, s.factId)[lang].questions).toContain(s.question);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN about 100 kB of partial text THEN never throws', () => {
    fc.assert(
      fc.property(hugeText, fc.constantFrom<Lang>(...LANGS), (text, lang) => {
        expect(bot.suggest(text, lang, 25).length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 5 },
    );
  });
});
