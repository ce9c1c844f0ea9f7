import type { InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle } from 'telegraf/types';
import { clip, encodeAction, MAX_ACTION_BYTES, sourcesHeading, type Button, type FactsBot, type Reply, type Source } from '../../core/index.ts';

/** Bot API limits this module keeps every message within. */
export const LIMITS = {
  /** Characters of a message's text. */
  text: 4096,
  /** Bytes of a button's callback data. */
  callbackData: MAX_ACTION_BYTES,
  /** Characters of a button label worth showing (longer labels are cut off on screen anyway). */
  buttonText: 64,
  /** Buttons per inline keyboard. */
  buttons: 100,
  /** Buttons per keyboard row. */
  buttonsPerRow: 8,
  /** Characters of an inline result's title and description shown in the list. */
  inlineTitle: 128,
  inlineDescription: 256,
} as const;

type Translate = FactsBot['t'];

export interface RenderedMessage {
  /** HTML for `parse_mode: 'HTML'`. */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Escapes text for Telegram's HTML parse mode (also safe inside attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The longest prefix of `text` whose escaped form (plus '…') fits `budget` characters, escaped. */
function clipEscaped(text: string, budget: number): string {
  const full = escapeHtml(text);
  if (full.length <= budget) return full;
  let out = '';
  for (const char of text) {
    const piece = escapeHtml(char);
    if (out.length + piece.length > budget - 1) break;
    out += piece;
  }
  return `${out.trimEnd()}…`;
}

const isWebUrl = (url: string | undefined): url is string => {
  if (!url) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

function sourceLine(source: Source): string {
  const label = escapeHtml(clip(source.label, 600));
  return isWebUrl(source.url) ? `— <a href="${escapeHtml(source.url)}">${label}</a>` : `— ${label}`;
}

function assemble(title: string, body: string, sourcesBlock: string): string {
  return [title, body, sourcesBlock].filter((part) => part !== '').join('\n\n');
}

/**
 * Turns a core reply into one HTML message: bold title, body, then its sources as links, with every dynamic
 * string escaped. A reply too long for one message keeps its title and sources and cuts the body.
 */
export function renderText(reply: Reply, t: Translate): string {
  const title = reply.title?.trim() ? `<b>${escapeHtml(clip(reply.title.trim(), 256))}</b>` : '';
  const bodyText = reply.body.trim() || (title ? '' : '…');
  let sources = reply.sources.map(sourceLine);
  const block = (lines: string[]) =>
    lines.length ? `<b>${escapeHtml(sourcesHeading(t, reply.lang, lines.length))}:</b>\n${lines.join('\n')}` : '';

  const full = assemble(title, escapeHtml(bodyText), block(sources));
  if (full.length <= LIMITS.text) return full;
  // Keep at least half the message for the body: drop the last sources if there are very many.
  while (sources.length > 1 && assemble(title, '', block(sources)).length > LIMITS.text / 2) sources = sources.slice(0, -1);
  const overhead = assemble(title, 'x', block(sources)).length - 1;
  return assemble(title, bodyText ? clipEscaped(bodyText, LIMITS.text - overhead) : '', block(sources));
}

function renderButton(button: Button): InlineKeyboardButton | null {
  const text = clip(button.label.replace(/\s+/g, ' ').trim(), LIMITS.buttonText);
  const data = encodeAction(button.action);
  // Data over the limit would make Telegram reject the whole message: drop that one button instead.
  if (!text || Buffer.byteLength(data, 'utf8') > LIMITS.callbackData) return null;
  return { text, callback_data: data };
}

/** The reply's button rows as an inline keyboard, within Telegram's limits; undefined when there are none. */
export function renderKeyboard(rows: readonly Button[][]): InlineKeyboardMarkup | undefined {
  const keyboard: InlineKeyboardButton[][] = [];
  let count = 0;
  for (const row of rows) {
    const buttons = row.map(renderButton).filter((b): b is InlineKeyboardButton => b !== null);
    for (let i = 0; i < buttons.length && count < LIMITS.buttons; i += LIMITS.buttonsPerRow) {
      const chunk = buttons.slice(i, i + LIMITS.buttonsPerRow).slice(0, LIMITS.buttons - count);
      keyboard.push(chunk);
      count += chunk.length;
    }
  }
  return keyboard.length ? { inline_keyboard: keyboard } : undefined;
}

/** A reply as a Telegram message: HTML text and inline keyboard. */
export function renderReply(reply: Reply, t: Translate): RenderedMessage {
  const markup = renderKeyboard(reply.buttons);
  return { text: renderText(reply, t), ...(markup && { reply_markup: markup }) };
}

/** A fact reply as an inline-mode result: the list shows title and answer; choosing it sends the fact with its source. */
export function renderInlineResult(reply: Reply, t: Translate, index: number): InlineQueryResultArticle {
  const title = clip((reply.title ?? reply.body).replace(/\s+/g, ' ').trim() || '…', LIMITS.inlineTitle);
  const description = clip(reply.body.replace(/\s+/g, ' ').trim(), LIMITS.inlineDescription);
  // Result ids are at most 64 bytes; a fact id with its language is unique within one answer.
  const id = `${reply.fact?.id ?? `r${index}`}:${reply.lang}`;
  return {
    type: 'article',
    id: Buffer.byteLength(id, 'utf8') <= 64 ? id : `r${index}:${reply.lang}`,
    title,
    ...(description && { description }),
    input_message_content: { message_text: renderText(reply, t), parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}
