import { describe, expect, it } from 'vitest';
import { buildCommands, langOfLocale } from '../../../src/adapters/discord/commands.ts';
import { COMMANDS, LANGS } from '../../../src/core/index.ts';
import { checkCommand, checkCommandList } from './discord-rules.ts';
import { factsBot } from './harness.ts';

describe('slash command definitions', () => {
  const t = factsBot().t;
  const commands = buildCommands(t);

  it('GIVEN the core command table THEN there is one slash command per command, in menu order', () => {
    expect(commands.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const [i, command] of COMMANDS.entries()) {
      expect(commands[i]!.options?.map((o) => o.name)).toEqual(command.options.map((o) => o.name));
    }
  });

  it('GIVEN the definitions THEN Discord accepts every one of them', () => {
    expect(checkCommandList(commands)).toEqual([]);
  });

  it('GIVEN the locales THEN names, descriptions and option descriptions are localized for Russian only', () => {
    for (const command of commands) {
      expect(command.description).toBe(t('en', `commands.${command.name}.description`));
      expect(command.description_localizations).toEqual({ ru: t('ru', `commands.${command.name}.description`) });
      expect(command.name_localizations).toEqual({ ru: t('ru', `commands.${command.name}.name`) });
      for (const option of command.options ?? []) {
        expect(option.description).toBe(t('en', `commands.${command.name}.options.${option.name}.description`));
        expect(option.description_localizations).toEqual({ ru: t('ru', `commands.${command.name}.options.${option.name}.description`) });
        expect(option.name_localizations).toEqual({ ru: t('ru', `commands.${command.name}.options.${option.name}.name`) });
      }
    }
  });

  it('GIVEN /ask THEN its question is required, at most 500 characters and autocompleted', () => {
    const ask = commands.find((c) => c.name === 'ask')!;
    expect(ask.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true, max_length: 500, autocomplete: true })]);
  });

  it('GIVEN /fact and /lang THEN the topic is autocompleted and the language is a choice of en, ru, kk and auto', () => {
    const fact = commands.find((c) => c.name === 'fact')!;
    expect(fact.options).toEqual([expect.objectContaining({ name: 'topic', required: false, autocomplete: true })]);
    const lang = commands.find((c) => c.name === 'lang')!;
    const language = lang.options![0] as { choices?: { name: string; value: string }[] };
    expect(language.choices).toEqual([
      ...LANGS.map((l) => ({ name: t(l, `languageNames.${l}`), value: l })),
      { name: t('en', 'lang.autoButton'), name_localizations: { ru: t('ru', 'lang.autoButton') }, value: 'auto' },
    ]);
  });

  it('GIVEN /timeline THEN one optional text option, neither autocompleted nor a choice', () => {
    const timeline = commands.find((c) => c.name === 'timeline')!;
    expect(timeline.options).toEqual([expect.objectContaining({ name: 'about', type: 3, required: false, max_length: 100 })]);
    expect(timeline.options![0]).not.toHaveProperty('autocomplete');
  });

  it('GIVEN a localization for a locale Discord does not have THEN the fake rejects it as Discord does', () => {
    const withKazakh = { ...commands[0]!, description_localizations: { ...commands[0]!.description_localizations, kk: 'сұрақ' } };
    expect(checkCommand(withKazakh)).toEqual([expect.stringContaining('Invalid locale "kk"')]);
  });
});

describe('langOfLocale', () => {
  it('GIVEN Discord locales THEN ru is Russian, every other locale English, none nothing', () => {
    expect(langOfLocale('ru')).toBe('ru');
    expect(langOfLocale('en-US')).toBe('en');
    expect(langOfLocale('de')).toBe('en');
    expect(langOfLocale('uk')).toBe('en');
    expect(langOfLocale(undefined)).toBeUndefined();
  });
});
