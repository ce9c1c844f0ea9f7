import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import { clip, encodeAction, sourcesHeading, type Button, type FactsBot, type Reply } from '../../core/index.ts';

type Translate = FactsBot['t'];

/** Discord's limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectPlaceholder: 150,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const EMBED_COLOR = 0x1f8a70;

/**
 * Escapes what Discord Markdown would format: emphasis, code, spoilers, masked links, headings, quotes and
 * lists at the start of a line, and `<@…>`-style tags (shown as mentions even when they ping nobody).
 * One linear pass per rule: discord.js's `escapeMarkdown` is quadratic on long texts.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/<(?=[@#:/]|a:|t:)/g, '\\<')
    .replace(/^([ \t]*)([#>+-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.');
}

/** Markdown-escaped text cut to `max`; a cut never leaves a dangling escape backslash. */
function escapedWithin(text: string, max: number): string {
  // Escaping only lengthens a text, so cutting it first bounds the work.
  const fits = text.length <= max;
  const escaped = escapeMarkdown(fits ? text : text.slice(0, max));
  if (fits && escaped.length <= max) return escaped;
  let cut = clip(escaped, max).slice(0, -1);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function footerOf(reply: Reply, t: Translate): string | undefined {
  if (!reply.sources.length) return undefined;
  const label = sourcesHeading(t, reply.lang, reply.sources.length);
  // Footers are plain text (no Markdown), so labels and links go in as they are.
  const lines = reply.sources.map((source) => `— ${source.label}${source.url ? ` ${source.url}` : ''}`);
  return clip(`${label}:\n${lines.join('\n')}`, LIMITS.embedFooter);
}

/** The reply as one embed: title (linked to the first source), the text, and the sources in the footer. */
export function embedOf(reply: Reply, t: Translate): APIEmbed {
  const title = reply.title ? escapedWithin(reply.title, LIMITS.embedTitle) : undefined;
  const footer = footerOf(reply, t);
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - (title?.length ?? 0) - (footer?.length ?? 0));
  const url = title ? reply.sources.find((source) => source.url && /^https?:\/\//.test(source.url))?.url : undefined;
  return {
    color: EMBED_COLOR,
    ...(title && { title }),
    ...(url && { url }),
    description: escapedWithin(reply.body.trim() || '…', room),
    ...(footer && { footer: { text: footer } }),
  };
}

type Row = APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>;

/** Custom ids must be unique within a message: later duplicates are dropped. */
function unique(buttons: readonly Button[], seen: Set<string>): { button: Button; id: string }[] {
  return buttons.flatMap((button) => {
    const id = encodeAction(button.action);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ button, id }];
  });
}

function buttonRows(rows: readonly (readonly Button[])[]): Row[] {
  const seen = new Set<string>();
  return rows
    .map((row) => unique(row, seen))
    .filter((row) => row.length > 0)
    .map((row) => ({
      type: ComponentType.ActionRow,
      components: row.map(({ button, id }) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: clip(button.label, LIMITS.buttonLabel),
        custom_id: id,
      })),
    }));
}

/** Long lists (topics, a topic's facts) become select menus of up to 25 options each. */
function menuRows(reply: Reply, t: Translate): Row[] {
  const options = unique(reply.buttons.flat(), new Set());
  const pages = Math.min(LIMITS.actionRows, Math.ceil(options.length / LIMITS.selectOptions));
  return Array.from({ length: pages }, (_, page) => {
    const slice = options.slice(page * LIMITS.selectOptions, (page + 1) * LIMITS.selectOptions);
    const placeholder =
      pages === 1
        ? t(reply.lang, 'discord:menu.placeholder')
        : t(reply.lang, 'discord:menu.placeholderPage', { from: page * LIMITS.selectOptions + 1, to: page * LIMITS.selectOptions + slice.length });
    return {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${MENU_PREFIX}${page}`,
          placeholder: clip(placeholder, LIMITS.selectPlaceholder),
          options: slice.map(({ button, id }) => ({ label: clip(button.label, LIMITS.selectLabel), value: id })),
        },
      ],
    };
  });
}

/** Select menus carry the action in the chosen value; their own custom id only tells them apart. */
export const MENU_PREFIX = 'menu:';

/** The reply's buttons as Discord components: buttons when they fit five rows of five, else select menus. */
export function componentsOf(reply: Reply, t: Translate): Row[] {
  const rows = reply.buttons.filter((row) => row.length > 0);
  if (!rows.length) return [];
  const fits = rows.length <= LIMITS.actionRows && rows.every((row) => row.length <= LIMITS.buttonsPerRow);
  return fits ? buttonRows(rows) : menuRows(reply, t);
}
