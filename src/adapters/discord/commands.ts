import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMANDS, LANGS, type Command, type CommandOption, type FactsBot, type Lang } from '../../core/index.ts';

type Translate = FactsBot['t'];

/**
 * Our languages that Discord has a locale for. Discord has no Kazakh locale: Kazakh users choose `/lang kk`
 * or simply ask in Kazakh.
 */
const DISCORD_LOCALES: Partial<Record<Lang, Locale>> = { ru: Locale.Russian };

/** Discord's locale of a user or server, as one of our languages: Russian for `ru`, English for the rest. */
export function langOfLocale(locale: string | null | undefined): Lang | undefined {
  if (!locale) return undefined;
  return locale === 'ru' || locale.startsWith('ru-') ? 'ru' : 'en';
}

function localized(t: Translate, key: string): LocalizationMap {
  const map: LocalizationMap = {};
  for (const lang of LANGS) {
    const locale = DISCORD_LOCALES[lang];
    if (locale) map[locale] = t(lang, key);
  }
  return map;
}

function languageChoices(t: Translate): APIApplicationCommandOptionChoice<string>[] {
  return LANGS.map((lang) => ({ name: t(lang, `languageNames.${lang}`), value: lang }));
}

function option(t: Translate, command: Command, spec: CommandOption): APIApplicationCommandBasicOption {
  const descriptionKey = `commands.${command.name}.options.${spec.name}`;
  return {
    type: ApplicationCommandOptionType.String,
    name: spec.name,
    name_localizations: localized(t, `discord:optionNames.${spec.name}`),
    description: t('en', descriptionKey),
    description_localizations: localized(t, descriptionKey),
    required: spec.required,
    ...(spec.maxLength !== undefined && { max_length: spec.maxLength }),
    ...(spec.kind === 'language' ? { choices: languageChoices(t) } : spec.autocomplete && { autocomplete: true }),
  } as APIApplicationCommandBasicOption;
}

/**
 * The slash commands, generated from the core's command table and `locales/`: what `npm run discord:deploy`
 * registers. Global commands work in servers and in direct messages with the bot; Discord takes the
 * contexts only for global commands (a server's own commands exist only there).
 */
export function buildCommands(t: Translate, { global = true } = {}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    // The canonical name: interactions always carry it, whatever the user's locale.
    name: command.name,
    name_localizations: localized(t, `commands.${command.name}.name`),
    description: t('en', `commands.${command.name}.description`),
    description_localizations: localized(t, `commands.${command.name}.description`),
    ...(global && {
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    }),
    options: command.options.map((spec) => option(t, command, spec)),
  }));
}
