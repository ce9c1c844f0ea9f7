import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommands, CommandTableError } from '../../../src/core/command-table.ts';
import { namedArgs, parseArgs, type CommandInput } from '../../../src/core/command.ts';
import { timelineTarget } from '../../../src/core/commands/timeline.ts';
import { ChatService, COMMANDS, findCommand, MAX_QUESTION_LENGTH, MemoryStore, type Conversation, type Lang } from '../../../src/core/index.ts';
import { realBot, ROOT, TOPIC_IDS } from '../../helpers/bot.ts';

const bot = realBot();
const WHO: Conversation = { platform: 'console', scope: 'console', id: 'commands', thread: 'commands' };

/** Runs a command as ChatService would, with a conversation of its own; `args` as typed after the name. */
async function run(name: string, args = '', input: Partial<CommandInput> = {}) {
  const command = findCommand(name)!;
  const chat = new ChatService(bot, new MemoryStore());
  return command.run({ bot, lang: 'en', args: parseArgs(command, args), converse: (text) => chat.converse(WHO, text), commands: COMMANDS, ...input });
}

describe('the command table', () => {
  it('GIVEN the commands folder THEN every file in it is a command of the table, once, in menu order', () => {
    const files = fs.readdirSync(path.join(ROOT, 'src/core/commands')).map((file) => path.basename(file, '.ts')).sort();
    expect([...COMMANDS.map((c) => c.name)].sort()).toEqual(files);
    expect(COMMANDS.map((c) => c.name)).toEqual(['ask', 'topics', 'fact', 'timeline', 'lang', 'about', 'help', 'start']);
    const positions = COMMANDS.map((c) => c.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('GIVEN a folder with a file that exports no command THEN loading names the file', async () => {
    const loading = loadCommands(new URL('../../fixtures/command-tables/not-a-command/', import.meta.url));
    await expect(loading).rejects.toThrow(CommandTableError);
    await expect(loading).rejects.toThrow(/not-a-command\/nothing\.ts: the default export is no command/);
  });

  it('GIVEN two commands with the same position THEN loading refuses them', async () => {
    await expect(loadCommands(new URL('../../fixtures/command-tables/same-position/', import.meta.url))).rejects.toThrow(
      /second\.ts: \/second has the name or the position of \/first/,
    );
  });

  it('GIVEN each name THEN findCommand gives its definition', () => {
    for (const command of COMMANDS) expect(findCommand(command.name)).toBe(command);
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__', 'Help', ''])('GIVEN %j THEN findCommand finds nothing', (name) => {
    expect(findCommand(name)).toBeUndefined();
  });

  it('GIVEN /ask THEN its question option is required, autocompleted and bounded like ask itself', () => {
    expect(findCommand('ask')?.options).toEqual([
      expect.objectContaining({ name: 'question', kind: 'text', required: true, autocomplete: true, maxLength: MAX_QUESTION_LENGTH }),
    ]);
  });

  it('GIVEN the commands that browse or change settings THEN they are private where others could see', () => {
    expect(COMMANDS.filter((c) => c.private).map((c) => c.name)).toEqual(['topics', 'lang', 'help', 'start']);
  });
});

describe('arguments', () => {
  const command = { name: 'two', position: 0, private: false, run: () => ({ reply: bot.message('en', '') }) };
  const two = { ...command, options: [{ name: 'first', kind: 'text', required: true }, { name: 'rest', kind: 'text', required: false }] } as const;

  it('GIVEN text after a command THEN each option but the last takes a word, the last the rest', () => {
    expect(parseArgs(two, '  a  b c ')).toEqual({ first: 'a', rest: 'b c' });
    expect(parseArgs(two, 'a')).toEqual({ first: 'a', rest: undefined });
    expect(parseArgs(findCommand('ask')!, ' how many  students? ')).toEqual({ question: 'how many  students?' });
  });

  it('GIVEN nothing for a required option THEN it is empty; for an optional one, missing', () => {
    expect(parseArgs(two, '')).toEqual({ first: '', rest: undefined });
    expect(namedArgs(two, { first: null, rest: '  ' })).toEqual({ first: '', rest: undefined });
  });

  it('GIVEN named arguments THEN they are trimmed, and only the command own are kept', () => {
    expect(namedArgs(two, { first: ' x ', rest: 'y', other: 'z' })).toEqual({ first: 'x', rest: 'y' });
  });
});

describe('the commands', () => {
  it('GIVEN /help THEN lists the commands in the order of the table', async () => {
    const { reply } = await run('help');
    const positions = COMMANDS.map((c) => reply.body.indexOf(`/${c.name} — `));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('GIVEN /ask THEN answers through the conversation and returns the ask result beside the reply', async () => {
    const output = await run('ask', 'what is the weather in almaty');
    expect(output.ask?.status).toBe('declined');
    expect(output.reply).toBe(output.ask?.reply);
  });

  it('GIVEN /ask and then a follow-up through /ask THEN the follow-up is read against the first question', async () => {
    const command = findCommand('ask')!;
    const chat = new ChatService(bot, new MemoryStore());
    const input = (question: string) => ({ bot, lang: 'en' as Lang, args: { question }, converse: (text: string) => chat.converse(WHO, text), commands: COMMANDS });
    expect((await command.run(input('how many Kazakh students studied in China in 2019?'))).reply.body).toContain('15,000');
    expect((await command.run(input('and in 2020?'))).reply.body).toContain('12,000');
  });

  it('GIVEN /fact with a topic id THEN a fact of that topic', async () => {
    for (const topic of TOPIC_IDS) expect((await run('fact', topic, { lang: 'ru' })).reply.fact?.topic).toBe(topic);
  });

  it('GIVEN commands other than /ask THEN they report no ask result', async () => {
    for (const command of COMMANDS.filter((c) => c.name !== 'ask')) expect((await run(command.name)).ask).toBeUndefined();
  });

  describe('/lang', () => {
    it('GIVEN no argument and no choice THEN says answers follow each question, then the picker with automatic choice', async () => {
      const { reply, language } = await run('lang', '', { lang: 'ru' });
      expect(reply.body).toBe(`${bot.t('ru', 'lang.currentAuto')}\n${bot.t('ru', 'lang.choose')}`);
      expect(reply.buttons.map((row) => row.map((b) => b.action))).toEqual([
        [{ type: 'set-lang', lang: 'en' }, { type: 'set-lang', lang: 'ru' }, { type: 'set-lang', lang: 'kk' }],
        [{ type: 'auto-lang', lang: 'ru' }],
      ]);
      expect(reply.buttons[1]![0]!.label).toBe(bot.t('ru', 'lang.autoButton'));
      expect(language).toBeUndefined();
    });

    it('GIVEN no argument and a choice THEN names the chosen language', async () => {
      const { reply } = await run('lang', '', { lang: 'kk', chosenLang: 'kk' });
      expect(reply.body.split('\n')[0]).toBe(bot.t('kk', 'lang.current', { language: bot.t('kk', 'languageNamesIn.kk') }));
      expect(reply.body).toContain('қазақ тілінде');
    });

    it.each([
      ['kk', 'kk'],
      [' RU ', 'ru'],
      ['auto', null],
      ['AUTO', null],
    ] as const)('GIVEN /lang %j THEN the choice to store is %j, confirmed', async (arg, language) => {
      const output = await run('lang', arg, { lang: 'en' });
      expect(output.language).toBe(language);
      expect(output.reply.body).toBe(language ? bot.t(language, 'lang.set') : bot.t('en', 'lang.autoSet'));
    });

    it('GIVEN an unknown language THEN the hint and the picker; nothing to store', async () => {
      const output = await run('lang', 'german', { lang: 'en' });
      expect(output.reply.body).toBe(bot.t('en', 'lang.unknown'));
      expect(output.reply.buttons.flat()).toHaveLength(4);
      expect(output.language).toBeUndefined();
    });
  });

  describe('/timeline', () => {
    it('GIVEN no argument THEN the years the source dates anything in, each with a count of facts', async () => {
      const { reply } = await run('timeline');
      expect(reply.body.split('\n')[0]).toBe(bot.t('en', 'conversation.timelineYears'));
      expect(reply.body).toMatch(/^• 2018 — \d+ facts$/m);
    });

    it('GIVEN a year THEN the facts of that year in date order, each a button to its fact', async () => {
      const { reply } = await run('timeline', '2018');
      const lines = reply.body.split('\n');
      expect(lines[0]).toBe(bot.t('en', 'conversation.timelineHeader', { name: '2018' }));
      const facts = reply.buttons.map((row) => row[0]!.action);
      expect(facts.length).toBe(lines.length - 1);
      const dates = facts.map((a) => (a.type === 'fact' ? bot.fact(a.factId)!.dates.filter((d) => d.startsWith('2018')).sort()[0]! : ''));
      expect(dates.every((d) => d.startsWith('2018'))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
    });

    it.each([
      ['', { topic: undefined }],
      ['2018', { date: '2018' }],
      ['2019-2017', { period: { from: 2017, to: 2019 } }],
      ['confucius', { topic: 'confucius-institutes' }],
      ['Концерты', { topic: 'events' }],
    ])('GIVEN %j THEN the timeline of %j', (text, target) => {
      expect(timelineTarget(bot, text, 'en')).toEqual(target);
    });

    it('GIVEN a name THEN the timeline of that thing, in the language it is written in', async () => {
      expect(timelineTarget(bot, 'Абай', 'ru')).toEqual({ entity: expect.stringMatching(/abai/) });
      const russian = await run('timeline', 'Абай', { localeHint: 'ru', lang: 'ru' });
      expect(russian.reply.lang).toBe('ru');
      expect(russian.reply.buttons.length).toBeGreaterThan(0);
      expect(timelineTarget(bot, 'Abai Kunanbayuly', 'en')).toEqual(timelineTarget(bot, 'Абай', 'ru'));
      const english = await run('timeline', 'the poet Abai Kunanbayuly', { localeHint: 'ru', lang: 'ru' });
      expect(english.reply.lang).toBe('en');
      expect(english.reply.buttons.map((b) => b[0]!.action)).toEqual(russian.reply.buttons.map((b) => ({ ...b[0]!.action, lang: 'en' })));
      expect((await run('timeline', 'the poet Abai Kunanbayuly', { chosenLang: 'kk', lang: 'kk' })).reply.lang).toBe('kk');
    });

    it('GIVEN words that name nothing THEN says so, naming what was typed', async () => {
      const { reply } = await run('timeline', 'qwertyuiop');
      expect(reply.body).toBe(bot.t('en', 'timeline.unknown', { text: 'qwertyuiop' }));
    });
  });
});
