import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/cli/answer.ts';
import { LANGS } from '../../src/core/index.ts';
import { realBot } from '../helpers/bot.ts';
import { runTs, STACK_FRAME, type Finished } from '../helpers/spawn.ts';

const bot = realBot();

const LINES = [
  'how many confucius institutes in kazakhstan',
  '',
  'what is the weather in almaty',
  'Сколько институтов Конфуция в Казахстане?',
  'Qazaqstanda qanşa Konfuci institūty bar?',
  'hello',
];
const QUESTION_WORDS = ['how', 'many', 'confucius', 'institutes', 'in', 'kazakhstan'];

// Spawning Node with tsx is slow: start every run at once and check the results in the tests.
let stdinRun: Finished;
let langRun: Finished;
let badLangRun: Finished;
let unknownOptionRun: Finished;
beforeAll(async () => {
  [stdinRun, langRun, badLangRun, unknownOptionRun] = await Promise.all([
    // A Windows line ending and no final newline: both still make lines.
    runTs(['src/cli/ask.ts', '--json'], `${LINES[0]}\r\n${LINES.slice(1).join('\n')}`),
    runTs(['src/cli/ask.ts', '--lang', 'ru', ...QUESTION_WORDS]),
    runTs(['src/cli/ask.ts', '--lang', 'xx', 'hello']),
    runTs(['src/cli/ask.ts', '--jsn', 'hello']),
  ]);
});

describe('npm run ask -- --json (questions on stdin)', () => {
  it('GIVEN several lines THEN prints exactly one JSON object per line, in order', () => {
    expect(stdinRun.stderr).toBe('');
    expect(stdinRun.code).toBe(0);
    const records = stdinRun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.question)).toEqual(LINES);
  });

  it('GIVEN each line THEN the object has the stable fields, and matches what the core answers', () => {
    const records = stdinRun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    records.forEach((record, i) => {
      const question = LINES[i]!;
      expect(record).toMatchObject({
        question,
        lang: expect.any(String),
        answered: expect.any(Boolean),
        text: expect.any(String),
        sources: expect.any(Array),
      });
      expect(LANGS).toContain(record.lang);
      expect(record.factId === null).toBe(record.answered === false);
      const expected = answer(bot, question);
      expect(record).toMatchObject({ lang: expected.lang, answered: expected.answered, factId: expected.factId, text: expected.text });
    });
  });

  it('GIVEN an empty line and an out-of-scope question THEN declined records with a null factId and no sources', () => {
    const records = stdinRun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const i of [1, 2]) expect(records[i]).toMatchObject({ answered: false, factId: null, sources: [] });
    const answeredIds = records.filter((r) => r.answered).map((r) => r.factId);
    // The same question in English, Russian and Latin-script Kazakh.
    expect(new Set(answeredIds.slice(0, 3)).size).toBe(1);
    expect(records.slice(0, 5).filter((r) => r.answered).map((r) => r.lang)).toEqual(['en', 'ru', 'kk']);
  });
});

describe('npm run ask -- --lang ru <question words>', () => {
  it('GIVEN a question as arguments THEN prints the reply in Russian as a chat user reads it', () => {
    expect(langRun.stderr).toBe('');
    expect(langRun.code).toBe(0);
    const expected = bot.ask(QUESTION_WORDS.join(' '), { lang: 'ru' });
    expect(expected.status).toBe('answered');
    expect(langRun.stdout).toBe(`${expected.text}\n\n`);
  });
});

describe('npm run ask — bad arguments', () => {
  it('GIVEN --lang xx THEN exits non-zero with an error line and no stack trace', () => {
    expect(badLangRun.code).not.toBe(0);
    expect(badLangRun.stdout).toBe('');
    const [first] = badLangRun.stderr.split('\n');
    expect(first).toMatch(/^error: .*--lang/);
    expect(badLangRun.stderr).not.toMatch(STACK_FRAME);
  });

  it('GIVEN an unknown option THEN exits non-zero with one error line and no stack trace', () => {
    expect(unknownOptionRun.code).not.toBe(0);
    expect(unknownOptionRun.stdout).toBe('');
    expect(unknownOptionRun.stderr.split('\n')[0]).toMatch(/^error: .*--jsn/);
    expect(unknownOptionRun.stderr).not.toMatch(STACK_FRAME);
  });
});
