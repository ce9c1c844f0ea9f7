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
import {
  choiceLabel,
  COMMANDS,
  describeCommand,
  LANGS,
  LANGUAGE_CHOICES,
  type Command,
  type CommandTexts,
  type FactsBot,
  type Lang,
} from '../../core/index.ts';

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

/** A text in every language Discord has a locale for, English being the default beside them. */
function localized(text: (lang: Lang) => string): LocalizationMap {
  const map: LocalizationMap = {};
  for (const lang of LANGS) {
    const locale = DISCORD_LOCALES[lang];
    if (locale) map[locale] = text(lang);
  }
  return map;
}

/** The choices of a language option: each language by its own name, and automatic choice, localized. */
function languageChoices(t: Translate): APIApplicationCommandOptionChoice<string>[] {
  return LANGUAGE_CHOICES.map((choice) => ({
    name: choiceLabel(t, 'en', choice),
    ...(choice === 'auto' && { name_localizations: localized((lang) => choiceLabel(t, lang, choice)) }),
    value: choice,
  }));
}

function option(t: Translate, texts: (lang: Lang) => CommandTexts, index: number): APIApplicationCommandBasicOption {
  const { option: spec, description } = texts('en').options[index]!;
  return {
    type: ApplicationCommandOptionType.String,
    // The canonical name, as for commands: the handler reads the option by it.
    name: spec.name,
    name_localizations: localized((lang) => texts(lang).options[index]!.name),
    description,
    description_localizations: localized((lang) => texts(lang).options[index]!.description),
    required: spec.required,
    ...(spec.maxLength !== undefined && { max_length: spec.maxLength }),
    ...(spec.kind === 'language' ? { choices: languageChoices(t) } : spec.autocomplete && { autocomplete: true }),
  } as APIApplicationCommandBasicOption;
}

function definition(t: Translate, command: Command, global: boolean): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const texts = (lang: Lang) => describeCommand(t, lang, command);
  return {
    type: ApplicationCommandType.ChatInput,
    // The canonical name: interactions always carry it, whatever the user's locale.
    name: command.name,
    name_localizations: localized((lang) => texts(lang).name),
    description: texts('en').description,
    description_localizations: localized((lang) => texts(lang).description),
    ...(global && {
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    }),
    options: command.options.map((_, index) => option(t, texts, index)),
  };
}

/**
 * The slash commands, generated from the core's command table and `locales/`: what `npm run discord:deploy`
 * registers. Global commands work in servers and in direct messages with the bot; Discord takes the
 * contexts only for global commands (a server's own commands exist only there).
 */
export function buildCommands(t: Translate, { global = true } = {}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => definition(t, command, global));
}
