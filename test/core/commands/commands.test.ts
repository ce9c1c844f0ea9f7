import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand, MAX_QUESTION_LENGTH } from '../../../src/core/index.ts';
import { smallBot, TOPIC_IDS } from '../../helpers/bot.ts';

const bot = smallBot();

describe('COMMANDS', () => {
  it('GIVEN the table THEN every command appears once, in menu order', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(['about', 'ask', 'fact', 'help', 'lang', 'start', 'topics']);
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

  it('GIVEN every option THEN its kind is one a platform can render', () => {
    for (const command of COMMANDS) {
      for (const option of command.options) expect(['text', 'language', 'topic']).toContain(option.kind);
    }
  });

  it('GIVEN /help THEN lists the commands in the order of the table', () => {
    const { reply } = findCommand('help')!.run({ bot, lang: 'en', arg: '' });
    const positions = COMMANDS.map((c) => reply.body.indexOf(`/${c.name} — `));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('GIVEN /ask run directly THEN returns the ask result beside the reply, so declines can be logged', () => {
    const output = findCommand('ask')!.run({ bot, lang: 'en', arg: 'what is the weather in almaty' });
    expect(output.ask?.status).toBe('declined');
    expect(output.reply).toBe(output.ask?.reply);
    expect(findCommand('ask')!.run({ bot, lang: 'en', arg: 'Сколько институтов Конфуция?', chosenLang: 'kk' }).reply.lang).toBe('kk');
  });

  it('GIVEN /fact with a topic id THEN a fact of that topic', () => {
    for (const topic of TOPIC_IDS) {
      expect(findCommand('fact')!.run({ bot, lang: 'ru', arg: topic }).reply.fact?.topic).toBe(topic);
    }
  });

  it('GIVEN commands other than /ask THEN they report no ask result', () => {
    for (const command of COMMANDS.filter((c) => c.name !== 'ask')) {
      expect(command.run({ bot, lang: 'en', arg: '' }).ask).toBeUndefined();
    }
  });
});
