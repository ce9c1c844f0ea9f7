import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../src/adapters/console/console-chat.ts';
import { ChatService, COMMANDS, LANGS, MemoryStore } from '../../../src/core/index.ts';
import { factOf, realBot } from '../../helpers/bot.ts';

const bot = realBot();

const CI = 'how many confucius institutes in kazakhstan';
const CI_FACT = factOf(bot, bot.ask(CI).fact!.id);
const AUTHORS_Q = 'who wrote the article';
const AUTHORS_FACT = factOf(bot, bot.ask(AUTHORS_Q).fact!.id);

/** Runs the console chat over in-memory streams; `end: false` keeps the input open, as a terminal would. */
async function chatWith(lines: string[], { end = true, interactive = false } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  const store = new MemoryStore();
  const done = runConsoleChat({ chat: new ChatService(bot, store), input, output, interactive });
  input.write(lines.map((line) => `${line}\n`).join(''));
  if (end) input.end();
  await done;
  return { output: written, store };
}

describe('runConsoleChat (standard input not a terminal)', () => {
  it('GIVEN several lines THEN answers each in order, and ends at end of input', async () => {
    const { output } = await chatWith([CI, 'what is the weather in almaty', '', AUTHORS_Q]);
    const positions = [CI_FACT.en.answer, bot.t('en', 'decline'), bot.t('en', 'empty'), AUTHORS_FACT.en.answer].map((text) =>
      output.indexOf(text),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(output).not.toContain(bot.t('en', 'console.welcome'));
  });

  it('GIVEN an answer THEN shows its sources and numbered buttons', async () => {
    const { output } = await chatWith([CI]);
    for (const source of bot.ask(CI).sources) expect(output).toContain(source.label);
    expect(output).toContain('[1] ');
    expect(output).toContain(bot.t('kk', 'languageNames.kk'));
  });

  it('GIVEN a button number THEN runs that button: here, the same fact in Kazakh', async () => {
    const buttons = bot.ask(CI).reply.buttons.flat();
    const kazakh = buttons.findIndex((b) => b.action.type === 'fact' && b.action.factId === CI_FACT.id && b.action.lang === 'kk');
    expect(kazakh).toBeGreaterThanOrEqual(0);
    const { output } = await chatWith([CI, String(kazakh + 1)]);
    expect(output).toContain(CI_FACT.kk.answer);
  });

  it('GIVEN a related-fact button number THEN shows that fact', async () => {
    const [first] = bot.ask(CI).reply.buttons.flat();
    expect(first?.action.type).toBe('fact');
    if (first?.action.type !== 'fact') return;
    const { output } = await chatWith([CI, '1']);
    expect(output).toContain(factOf(bot, first.action.factId).en.answer);
  });

  it('GIVEN /lang kk THEN confirms and answers English questions in Kazakh afterwards', async () => {
    const { output, store } = await chatWith(['/lang kk', CI]);
    expect(output).toContain(bot.t('kk', 'lang.set'));
    expect(output).toContain(CI_FACT.kk.answer);
    expect(output).not.toContain(CI_FACT.en.answer);
    expect(await store.getLanguage('console', 'console')).toBe('kk');
  });

  it('GIVEN /lang alone THEN the numbered language buttons work', async () => {
    const { output } = await chatWith(['/lang', String(LANGS.indexOf('ru') + 1), CI]);
    expect(output).toContain(bot.t('ru', 'lang.set'));
    expect(output).toContain(CI_FACT.ru.answer);
  });

  it('GIVEN /help, /topics, /fact and an unknown command THEN runs them', async () => {
    const { output } = await chatWith(['/help', '/topics', '/fact', '/nope']);
    for (const command of COMMANDS) expect(output).toContain(`/${command.name}`);
    for (const topic of bot.topics('en')) expect(output).toContain(topic.name);
    expect(output).toContain(bot.t('en', 'unknownCommand', { command: 'nope' }));
  });

  it('GIVEN a question and a follow-up THEN the follow-up continues the session conversation', async () => {
    const { output } = await chatWith(['how many Kazakh students studied in China in 2019?', 'and in 2020?']);
    expect(output).toContain(factOf(bot, 'kazakh-students-in-china-2019').en.answer);
    expect(output).toContain(factOf(bot, 'kazakh-students-in-china-2020').en.answer);
    expect(output).toContain('12,000');
    // The follow-up alone, with nothing before it, continues nothing.
    expect((await chatWith(['and in 2020?'])).output).not.toContain('12,000');
  });

  it('GIVEN /lang kk then /lang auto THEN questions are answered in their own language again', async () => {
    const { output, store } = await chatWith(['/lang kk', '/lang', '/lang auto', CI]);
    expect(output).toContain(bot.t('kk', 'lang.current', { language: bot.t('kk', 'languageNamesIn.kk') }));
    expect(output).toContain(bot.t('kk', 'lang.autoSet'));
    expect(output).toContain(CI_FACT.en.answer);
    expect(await store.getLanguage('console', 'console')).toBeUndefined();
  });

  it('GIVEN /timeline 2018 THEN the facts of 2018, numbered so that typing a number opens one', async () => {
    const { output } = await chatWith(['/timeline 2018', '1']);
    expect(output).toContain(bot.t('en', 'conversation.timelineHeader', { name: '2018' }));
    const first = (await new ChatService(bot, new MemoryStore()).command({ platform: 'console', scope: 'console', id: 'c', thread: 'c' }, 'timeline', '2018')).buttons[0]![0]!;
    expect(output).toContain(`[1] ${first.label}`);
    expect(first.action.type === 'fact' && output.includes(factOf(bot, first.action.factId).en.answer)).toBe(true);
  });

  it('GIVEN /quit THEN ends at once, though the input stays open', async () => {
    const { output } = await chatWith([CI, '/quit', AUTHORS_Q], { end: false });
    expect(output).toContain(CI_FACT.en.answer);
    expect(output).not.toContain(AUTHORS_FACT.en.answer);
  });

  it('GIVEN no input at all THEN ends quietly', async () => {
    const { output } = await chatWith([]);
    expect(output).toBe('');
  });
});

describe('runConsoleChat (interactive)', () => {
  it('GIVEN a session THEN welcomes, prompts, answers and says goodbye', async () => {
    const { output } = await chatWith([CI, '/quit'], { end: false, interactive: true });
    expect(output).toContain(bot.t('en', 'console.welcome'));
    expect(output).toContain(bot.t('en', 'console.prompt').trim());
    expect(output).toContain(CI_FACT.en.answer);
    expect(output).toContain(bot.t('en', 'console.bye'));
  });

  it('GIVEN an empty line THEN just prompts again', async () => {
    const { output } = await chatWith(['', '/quit'], { end: false, interactive: true });
    expect(output).not.toContain(bot.t('en', 'empty'));
  });
});
