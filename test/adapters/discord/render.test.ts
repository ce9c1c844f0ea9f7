import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../../helpers/bot.ts';
import { componentsOf, embedOf, LIMITS } from '../../../src/adapters/discord/render.ts';
import { decodeAction, encodeAction, LANGS, type Button, type Reply } from '../../../src/core/index.ts';
import { checkMessage } from './discord-rules.ts';
import { factsBot } from './harness.ts';

const t = factsBot().t;
const message = (reply: Reply) => ({ embeds: [embedOf(reply, t)], components: componentsOf(reply, t), allowed_mentions: { parse: [] } });

const arbitraryButton: fc.Arbitrary<Button> = fc.record({
  label: fc.string({ minLength: 1, maxLength: 200 }),
  action: fc.oneof(
    fc.record({ type: fc.constant('fact' as const), factId: fc.stringMatching(/^[a-z0-9-]{1,40}$/), lang: fc.constantFrom(...LANGS) }),
    fc.record({ type: fc.constant('topic' as const), topic: fc.constantFrom(...TOPIC_IDS), lang: fc.constantFrom(...LANGS) }),
    fc.record({ type: fc.constant('set-lang' as const), lang: fc.constantFrom(...LANGS) }),
  ),
});

const arbitraryReply: fc.Arbitrary<Reply> = fc.record(
  {
    lang: fc.constantFrom(...LANGS),
    title: fc.string({ maxLength: 400 }).map((s) => s || 'T'),
    body: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ minLength: 3000, maxLength: 7000 }), fc.constant('*_~`|>#-[x](y) @everyone <@1>'.repeat(400))),
    sources: fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 900 }), url: fc.constant('https://example.org/a') }), { maxLength: 6 }),
    buttons: fc.array(fc.array(arbitraryButton, { minLength: 0, maxLength: 7 }), { maxLength: 40 }),
  },
  { requiredKeys: ['lang', 'body', 'sources', 'buttons'] },
);

describe('rendering a reply for Discord', () => {
  it('GIVEN any reply, however long THEN Discord accepts the message (embed, button and menu limits)', () => {
    fc.assert(
      fc.property(arbitraryReply, (reply) => {
        expect(checkMessage(message(reply))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN a fact reply THEN title, text, sources in the footer and its buttons appear, each id an encoded action', () => {
    const bot = factsBot();
    const fact = bot.facts[0]!;
    const reply = bot.factReply(fact, 'ru');
    const embed = embedOf(reply, t);
    expect(embed.footer?.text).toContain(reply.sources[0]!.label);
    // The plural form i18next picks for the number of sources, not a key.
    expect(embed.footer?.text.startsWith(`${reply.sources.length > 1 ? 'Источники' : 'Источник'}:\n— `)).toBe(true);
    expect(embed.url).toBe(reply.sources[0]!.url);
    const ids = componentsOf(reply, t).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids).toEqual(reply.buttons.flat().map((b) => encodeAction(b.action)));
  });

  it('GIVEN Markdown and mentions in a text THEN they are escaped, not rendered', () => {
    const body = '# big _it_ [link](http://x) `code` ||spoiler|| <@123> <#456>\n> quote\n- item\n2. second';
    const embed = embedOf({ lang: 'en', title: '**bold**', body, sources: [], buttons: [] }, t);
    expect(embed.title).toBe('\\*\\*bold\\*\\*');
    expect(embed.description).toBe(
      '\\# big \\_it\\_ \\[link\\](http://x) \\`code\\` \\|\\|spoiler\\|\\| \\<@123> \\<#456>\n\\> quote\n\\- item\n2\\. second',
    );
  });

  it('GIVEN a body over the limits THEN it is cut with an ellipsis and the embed stays within 6000 characters', () => {
    const reply: Reply = { lang: 'en', title: 'x'.repeat(300), body: 'y'.repeat(5000), sources: [{ label: 'z'.repeat(3000) }], buttons: [] };
    const embed = embedOf(reply, t);
    expect(embed.title).toHaveLength(LIMITS.embedTitle);
    expect(embed.footer!.text).toHaveLength(LIMITS.embedFooter);
    expect(embed.description!.endsWith('…')).toBe(true);
    expect(embed.title!.length + embed.description!.length + embed.footer!.text.length).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('GIVEN the topic list (more rows than Discord allows buttons) THEN it becomes a select menu of topic actions', () => {
    const reply = factsBot().topicsReply('kk');
    const rows = componentsOf(reply, t);
    expect(rows).toHaveLength(1);
    const menu = rows[0]!.components[0]!;
    expect(menu.type).toBe(3);
    if (menu.type !== 3) return;
    expect(menu.placeholder).toBe(t('kk', 'discord:menu.placeholder'));
    expect(menu.options.map((o) => decodeAction(o.value))).toEqual(reply.buttons.flat().map((b) => b.action));
  });

  it('GIVEN more than 25 list entries THEN they are split into menus of 25 with numbered placeholders', () => {
    const buttons = Array.from({ length: 60 }, (_, i) => [{ label: `Fact ${i}`, action: { type: 'fact' as const, factId: `f${i}`, lang: 'en' as const } }]);
    const rows = componentsOf({ lang: 'en', body: 'list', sources: [], buttons }, t);
    expect(rows.map((row) => (row.components[0]!.type === 3 ? row.components[0]!.options.length : 0))).toEqual([25, 25, 10]);
    expect(rows[2]!.components[0]).toMatchObject({ placeholder: t('en', 'discord:menu.placeholderPage', { from: 51, to: 60 }) });
  });

  it('GIVEN the same action twice THEN the second button is dropped, since Discord rejects duplicate custom ids', () => {
    const same = { label: 'A', action: { type: 'topics' as const, lang: 'en' as const } };
    expect(componentsOf({ lang: 'en', body: 'b', sources: [], buttons: [[same], [same]] }, t)).toHaveLength(1);
  });
});
