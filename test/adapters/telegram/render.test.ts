import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../../helpers/bot.ts';
import { escapeHtml, LIMITS, renderInlineResult, renderKeyboard, renderReply, renderText } from '../../../src/adapters/telegram/render.ts';
import { LANGS, type Action, type Reply } from '../../../src/core/index.ts';
import { checkKeyboard, checkMessageText, parseTelegramHtml } from './fake-bot-api.ts';
import { factsBot } from './harness.ts';

const t = factsBot().t;
const MARKUP = '_ * [ ] ( ) ~ ` > # + - = | { } . ! < & " \' </b> <script> &amp; &#x41;';

const lang = fc.constantFrom(...LANGS);
const text = (maxLength: number) => fc.string({ unit: fc.oneof(fc.constantFrom(...MARKUP.split('')), fc.constantFrom('ә', 'қ', '😀', '\n', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('fact' as const), factId: fc.string({ minLength: 1, maxLength: 80 }), lang }),
  fc.record({ type: fc.constant('topic' as const), topic: fc.constantFrom(...TOPIC_IDS), lang }),
  fc.record({ type: fc.constant('set-lang' as const), lang }),
);
const reply: fc.Arbitrary<Reply> = fc.record(
  {
    lang,
    title: text(300),
    body: fc.oneof(text(200), text(6000)),
    sources: fc.array(fc.record({ label: text(400), url: fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: undefined }) }), { maxLength: 30 }),
    buttons: fc.array(fc.array(fc.record({ label: text(100), action }), { maxLength: 12 }), { maxLength: 12 }),
  },
  { requiredKeys: ['lang', 'body', 'sources', 'buttons'] },
) as fc.Arbitrary<Reply>;

describe('escapeHtml', () => {
  it('GIVEN markup characters THEN Telegram reads back exactly the original text', () => {
    const parsed = parseTelegramHtml(`<b>${escapeHtml(MARKUP)}</b>`);
    expect(parsed).toEqual({ ok: true, text: MARKUP });
  });
});

describe('renderReply', () => {
  it('GIVEN any reply THEN the message parses as Telegram HTML, is non-empty, within 4096 characters, and its keyboard is valid', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const rendered = renderReply(r, t);
        const parsed = checkMessageText(rendered.text, 'HTML');
        expect(parsed.ok ? null : parsed.error).toBeNull();
        expect(rendered.text.length).toBeLessThanOrEqual(LIMITS.text);
        expect(checkKeyboard(rendered.reply_markup)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN a short reply THEN its title, body and sources read back unchanged', () => {
    fc.assert(
      fc.property(text(100), text(500), text(100), (title, body, label) => {
        fc.pre(title.trim() !== '' && body.trim() !== '' && label !== '');
        const parsed = parseTelegramHtml(renderText({ lang: 'en', title, body, sources: [{ label, url: 'https://example.org/?a=1&b="2"' }], buttons: [] }, t));
        expect(parsed.ok && parsed.text).toBe(`${title.trim()}\n\n${body.trim()}\n\nSource:\n— ${label}`);
      }),
    );
  });

  it('GIVEN one source and several THEN the heading is the plural form i18next picks: "Source", "Sources", «Источники»', () => {
    const sources = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `S${i}` }));
    const heading = (lang: 'en' | 'ru', n: number) => parseTelegramHtml(renderText({ lang, body: 'b', sources: sources(n), buttons: [] }, t));
    expect(heading('en', 1)).toEqual({ ok: true, text: 'b\n\nSource:\n— S0' });
    expect(heading('en', 2)).toEqual({ ok: true, text: 'b\n\nSources:\n— S0\n— S1' });
    expect(heading('ru', 5)).toMatchObject({ ok: true, text: expect.stringMatching(/^b\n\nИсточники:\n/) });
  });

  it('GIVEN a body over the limit THEN keeps title and sources and cuts the body with an ellipsis', () => {
    const body = 'Қазақстан & Қытай <мәдениет> '.repeat(400);
    const html = renderText({ lang: 'kk', title: 'T', body, sources: [{ label: 'Article', url: 'https://doi.org/x' }], buttons: [] }, t);
    const parsed = parseTelegramHtml(html);
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(parsed.ok && parsed.text.startsWith('T\n\nҚазақстан & Қытай')).toBe(true);
    expect(parsed.ok && parsed.text).toContain('…\n\n');
    expect(html).toContain('<a href="https://doi.org/x">Article</a>');
  });

  it('GIVEN a source URL that is not http(s) THEN shows the label without a link', () => {
    const html = renderText({ lang: 'en', body: 'b', sources: [{ label: 'x', url: 'javascript:alert(1)' }], buttons: [] }, t);
    expect(html).not.toContain('<a');
  });

  it('GIVEN callback data over 64 bytes or an empty label THEN that button is dropped, the rest kept', () => {
    const markup = renderKeyboard([
      [
        { label: 'ok', action: { type: 'fact', factId: 'short', lang: 'en' } },
        { label: 'too long', action: { type: 'fact', factId: 'x'.repeat(80), lang: 'en' } },
        { label: '   ', action: { type: 'fact', factId: 'short', lang: 'ru' } },
      ],
    ]);
    expect(markup?.inline_keyboard).toEqual([[{ text: 'ok', callback_data: 'f:en:short' }]]);
    expect(renderKeyboard([])).toBeUndefined();
  });

  it('GIVEN more buttons than Telegram allows THEN rows are split at 8 and the total capped at 100', () => {
    const row = Array.from({ length: 150 }, (_, i) => ({ label: `b${i}`, action: { type: 'fact' as const, factId: `f${i}`, lang: 'en' as const } }));
    const markup = renderKeyboard([row])!;
    expect(markup.inline_keyboard.flat()).toHaveLength(100);
    expect(Math.max(...markup.inline_keyboard.map((r) => r.length))).toBe(8);
  });

  it('GIVEN every fact of the knowledge base in every language THEN the message and its keyboard are valid', () => {
    const bot = factsBot();
    for (const fact of bot.facts) {
      for (const l of LANGS) {
        const rendered = renderReply(bot.factById(fact.id, l)!, t);
        const parsed = checkMessageText(rendered.text, 'HTML');
        expect(parsed.ok ? null : `${fact.id}/${l}: ${parsed.error}`).toBeNull();
        expect(checkKeyboard(rendered.reply_markup)).toBeNull();
      }
    }
  });
});

describe('renderInlineResult', () => {
  it('GIVEN a fact THEN an article with a short id, title, description and the fact with its source as the message', () => {
    const bot = factsBot();
    const fact = bot.factById(bot.facts[0]!.id, 'ru')!;
    const result = renderInlineResult(fact, t, 0);
    expect(result.type).toBe('article');
    expect(Buffer.byteLength(result.id)).toBeLessThanOrEqual(64);
    expect(result.title).toBe(fact.title);
    expect(result.input_message_content).toMatchObject({ message_text: renderText(fact, t), parse_mode: 'HTML' });
  });
});
