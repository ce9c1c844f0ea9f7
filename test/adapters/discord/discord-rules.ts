/**
 * What the real Discord API rejects, for the fake server: each check returns a list of problems in
 * Discord's words (empty when Discord would accept the payload). Sources: discord.com/developers/docs
 * (Message, Embed, Components, Application Commands, Interactions, Locales).
 */

/** Every locale Discord accepts as a `*_localizations` key. There is no Kazakh. */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set([
  'id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR',
  'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko',
]);

/** Chat-input command and option names. */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function checkLength(problems: string[], where: string, value: unknown, min: number, max: number): void {
  if (value === undefined || value === null) {
    if (min > 0) problems.push(`${where}: This field is required`);
    return;
  }
  if (typeof value !== 'string') problems.push(`${where}: Must be a string`);
  else if (value.length < min || value.length > max) problems.push(`${where}: Must be between ${min} and ${max} in length.`);
}

function checkName(problems: string[], where: string, value: unknown): void {
  const name = str(value);
  if (name === undefined || !NAME.test(name)) problems.push(`${where}: Invalid application command name (must match ${NAME})`);
  else if (name !== name.toLowerCase()) problems.push(`${where}: Command name must be lowercase`);
}

function checkLocalizations(problems: string[], where: string, map: unknown, check: (where: string, value: unknown) => void): void {
  if (map === undefined || map === null) return;
  if (!isObject(map)) {
    problems.push(`${where}: Must be an object`);
    return;
  }
  for (const [locale, value] of Object.entries(map)) {
    if (!DISCORD_LOCALES.has(locale)) problems.push(`${where}.${locale}: Invalid locale "${locale}"`);
    else check(`${where}.${locale}`, value);
  }
}

const OPTION_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

function checkOption(problems: string[], where: string, option: unknown): void {
  if (!isObject(option)) {
    problems.push(`${where}: Must be an object`);
    return;
  }
  if (!OPTION_TYPES.has(option.type as number)) problems.push(`${where}.type: Invalid option type`);
  checkName(problems, `${where}.name`, option.name);
  checkLocalizations(problems, `${where}.name_localizations`, option.name_localizations, (w, v) => checkName(problems, w, v));
  checkLength(problems, `${where}.description`, option.description, 1, 100);
  checkLocalizations(problems, `${where}.description_localizations`, option.description_localizations, (w, v) =>
    checkLength(problems, w, v, 1, 100),
  );
  if (option.choices !== undefined) {
    const choices = option.choices;
    if (!Array.isArray(choices) || choices.length > 25) problems.push(`${where}.choices: Must be 25 or fewer in length.`);
    if (option.autocomplete) problems.push(`${where}.autocomplete: Autocomplete cannot be set with choices`);
    if (Array.isArray(choices)) {
      choices.forEach((choice, i) => {
        const c = isObject(choice) ? choice : {};
        checkLength(problems, `${where}.choices.${i}.name`, c.name, 1, 100);
        if (option.type === 3) checkLength(problems, `${where}.choices.${i}.value`, c.value, 1, 100);
        checkLocalizations(problems, `${where}.choices.${i}.name_localizations`, c.name_localizations, (w, v) => checkLength(problems, w, v, 1, 100));
      });
    }
  }
  if (option.max_length !== undefined && !(Number.isInteger(option.max_length) && (option.max_length as number) >= 1 && (option.max_length as number) <= 6000)) {
    problems.push(`${where}.max_length: Must be between 1 and 6000`);
  }
}

/** Problems with one application command definition (chat input, type 1). */
export function checkCommand(command: unknown, where = 'command'): string[] {
  const problems: string[] = [];
  if (!isObject(command)) return [`${where}: Must be an object`];
  if (command.type !== undefined && command.type !== 1) problems.push(`${where}.type: only chat input commands are expected here`);
  checkName(problems, `${where}.name`, command.name);
  checkLocalizations(problems, `${where}.name_localizations`, command.name_localizations, (w, v) => checkName(problems, w, v));
  checkLength(problems, `${where}.description`, command.description, 1, 100);
  checkLocalizations(problems, `${where}.description_localizations`, command.description_localizations, (w, v) =>
    checkLength(problems, w, v, 1, 100),
  );
  const options = command.options ?? [];
  if (!Array.isArray(options) || options.length > 25) problems.push(`${where}.options: Must be 25 or fewer in length.`);
  else {
    options.forEach((option, i) => checkOption(problems, `${where}.options.${i}`, option));
    const names = options.map((o) => (isObject(o) ? o.name : undefined));
    if (new Set(names).size !== names.length) problems.push(`${where}.options: Option names must be unique`);
    const firstOptional = options.findIndex((o) => isObject(o) && !o.required);
    if (firstOptional >= 0 && options.slice(firstOptional).some((o) => isObject(o) && o.required)) {
      problems.push(`${where}.options: Required options must be placed before non-required options`);
    }
  }
  return problems;
}

/** Problems with a bulk overwrite of commands (PUT /applications/:id/commands). */
export function checkCommandList(body: unknown): string[] {
  if (!Array.isArray(body)) return ['body: Must be an array'];
  if (body.length > 100) return ['body: Must be 100 or fewer in length.'];
  const problems = body.flatMap((command, i) => checkCommand(command, String(i)));
  const names = body.map((c) => (isObject(c) ? c.name : undefined));
  if (new Set(names).size !== names.length) problems.push('body: Application command names must be unique');
  return problems;
}

const EMBED_LIMITS = { title: 256, description: 4096, footer: 2048, author: 256, fieldName: 256, fieldValue: 1024, fields: 25, total: 6000 };

function embedProblems(embed: unknown, where: string): { problems: string[]; size: number } {
  const problems: string[] = [];
  if (!isObject(embed)) return { problems: [`${where}: Must be an object`], size: 0 };
  let size = 0;
  const text = (key: string, value: unknown, max: number) => {
    if (value === undefined) return;
    const s = str(value);
    if (s === undefined) problems.push(`${where}.${key}: Must be a string`);
    else {
      if (s.length > max) problems.push(`${where}.${key}: Must be ${max} or fewer in length.`);
      size += s.length;
    }
  };
  text('title', embed.title, EMBED_LIMITS.title);
  text('description', embed.description, EMBED_LIMITS.description);
  if (embed.footer !== undefined) text('footer.text', isObject(embed.footer) ? embed.footer.text : undefined, EMBED_LIMITS.footer);
  if (embed.author !== undefined) text('author.name', isObject(embed.author) ? embed.author.name : undefined, EMBED_LIMITS.author);
  if (embed.url !== undefined && !/^https?:\/\/\S+$/.test(str(embed.url) ?? '')) problems.push(`${where}.url: Not a well formed URL.`);
  const fields = embed.fields ?? [];
  if (!Array.isArray(fields) || fields.length > EMBED_LIMITS.fields) problems.push(`${where}.fields: Must be 25 or fewer in length.`);
  else {
    fields.forEach((field, i) => {
      const f = isObject(field) ? field : {};
      checkLength(problems, `${where}.fields.${i}.name`, f.name, 1, EMBED_LIMITS.fieldName);
      checkLength(problems, `${where}.fields.${i}.value`, f.value, 1, EMBED_LIMITS.fieldValue);
      size += (str(f.name)?.length ?? 0) + (str(f.value)?.length ?? 0);
    });
  }
  if (embed.title === undefined && embed.description === undefined && !(Array.isArray(fields) && fields.length) && embed.footer === undefined) {
    problems.push(`${where}: Embed is empty`);
  }
  return { problems, size };
}

function componentProblems(components: unknown, ids: Set<string>): string[] {
  const problems: string[] = [];
  if (!Array.isArray(components)) return ['components: Must be an array'];
  if (components.length > 5) problems.push('components: Must be 5 or fewer in length.');
  components.forEach((row, r) => {
    const where = `components.${r}`;
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) {
      problems.push(`${where}: Must be an action row`);
      return;
    }
    const children = row.components as unknown[];
    if (children.length < 1 || children.length > 5) problems.push(`${where}.components: Must be between 1 and 5 in length.`);
    const hasSelect = children.some((c) => isObject(c) && c.type !== 2);
    if (hasSelect && children.length > 1) problems.push(`${where}.components: A select menu must be alone in its row`);
    children.forEach((child, c) => {
      const at = `${where}.components.${c}`;
      if (!isObject(child)) {
        problems.push(`${at}: Must be an object`);
        return;
      }
      const id = str(child.custom_id);
      if (child.type === 2) {
        if (child.style === 5) {
          if (!/^https?:\/\//.test(str(child.url) ?? '')) problems.push(`${at}.url: A link button needs a URL`);
          if (id !== undefined) problems.push(`${at}.custom_id: A link button cannot have a custom id`);
        } else if (![1, 2, 3, 4].includes(child.style as number)) problems.push(`${at}.style: Invalid button style`);
        else checkLength(problems, `${at}.custom_id`, child.custom_id, 1, 100);
        if (child.label !== undefined) checkLength(problems, `${at}.label`, child.label, 1, 80);
        else if (child.emoji === undefined) problems.push(`${at}: A button needs a label or an emoji`);
      } else if (child.type === 3) {
        checkLength(problems, `${at}.custom_id`, child.custom_id, 1, 100);
        if (child.placeholder !== undefined) checkLength(problems, `${at}.placeholder`, child.placeholder, 0, 150);
        const options = child.options;
        if (!Array.isArray(options) || options.length < 1 || options.length > 25) problems.push(`${at}.options: Must be between 1 and 25 in length.`);
        else {
          const values = new Set<unknown>();
          options.forEach((option, o) => {
            const opt = isObject(option) ? option : {};
            checkLength(problems, `${at}.options.${o}.label`, opt.label, 1, 100);
            checkLength(problems, `${at}.options.${o}.value`, opt.value, 1, 100);
            if (opt.description !== undefined) checkLength(problems, `${at}.options.${o}.description`, opt.description, 1, 100);
            if (values.has(opt.value)) problems.push(`${at}.options.${o}.value: Select menu option values must be unique`);
            values.add(opt.value);
          });
        }
      } else problems.push(`${at}.type: Unexpected component type ${String(child.type)}`);
      if (id !== undefined) {
        if (ids.has(id)) problems.push(`${at}.custom_id: Component custom id cannot be duplicated`);
        ids.add(id);
      }
    });
  });
  return problems;
}

const ALLOWED_FLAGS = 4 | 64 | 4096; // SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS

/** Problems with a message body (create, edit, interaction response data, follow-up). */
export function checkMessage(body: unknown, { partial = false } = {}): string[] {
  if (!isObject(body)) return ['body: Must be an object'];
  const problems: string[] = [];
  if (body.content !== undefined && body.content !== null) {
    const content = str(body.content);
    if (content === undefined) problems.push('content: Must be a string');
    else if (content.length > 2000) problems.push('content: Must be 2000 or fewer in length.');
  }
  const embeds = body.embeds ?? [];
  if (!Array.isArray(embeds) || embeds.length > 10) problems.push('embeds: Must be 10 or fewer in length.');
  else {
    let total = 0;
    embeds.forEach((embed, i) => {
      const { problems: p, size } = embedProblems(embed, `embeds.${i}`);
      problems.push(...p);
      total += size;
    });
    if (total > EMBED_LIMITS.total) problems.push(`embeds: Embed size exceeds maximum size of ${EMBED_LIMITS.total}`);
  }
  if (body.components !== undefined) problems.push(...componentProblems(body.components, new Set()));
  if (body.flags !== undefined && (typeof body.flags !== 'number' || (body.flags & ~ALLOWED_FLAGS) !== 0)) problems.push('flags: Invalid flags');
  if (body.allowed_mentions !== undefined) {
    const am = body.allowed_mentions;
    const parse = isObject(am) ? am.parse : undefined;
    if (!isObject(am) || (parse !== undefined && (!Array.isArray(parse) || parse.some((p) => !['roles', 'users', 'everyone'].includes(p as string))))) {
      problems.push('allowed_mentions.parse: Invalid value');
    }
  }
  const empty = !str(body.content) && !(Array.isArray(body.embeds) && body.embeds.length) && !(Array.isArray(body.components) && body.components.length);
  if (!partial && empty) problems.push('Cannot send an empty message');
  return problems;
}

/** Problems with an autocomplete result (interaction response type 8). */
export function checkAutocomplete(data: unknown): string[] {
  const choices = isObject(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) return ['data.choices: This field is required'];
  const problems: string[] = [];
  if (choices.length > 25) problems.push('data.choices: Must be 25 or fewer in length.');
  choices.forEach((choice, i) => {
    const c = isObject(choice) ? choice : {};
    checkLength(problems, `data.choices.${i}.name`, c.name, 1, 100);
    if (typeof c.value === 'string') checkLength(problems, `data.choices.${i}.value`, c.value, 1, 100);
    else if (typeof c.value !== 'number') problems.push(`data.choices.${i}.value: Must be a string or a number`);
  });
  return problems;
}
