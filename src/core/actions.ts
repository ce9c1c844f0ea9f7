import { isLang, type Action } from './types.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Callback data (Telegram) allows 64 bytes; Discord custom ids allow 100 characters. */
export const MAX_ACTION_BYTES = 64;

/** Encodes a button action as a short self-contained string, so buttons keep working after a restart. */
export function encodeAction(action: Action): string {
  switch (action.type) {
    case 'fact':
      return `f:${action.lang}:${action.factId}`;
    case 'topic':
      return `t:${action.lang}:${action.topic}`;
    case 'topics':
      return `ts:${action.lang}`;
    case 'set-lang':
      return `l:${action.lang}`;
    case 'auto-lang':
      return `la:${action.lang}`;
    case 'random':
      return `r:${action.lang}`;
  }
}

/** Decodes `encodeAction`'s output; anything else (stale or forged data) gives null. */
export function decodeAction(data: string): Action | null {
  const [kind, lang, rest, ...extra] = data.split(':');
  if (!isLang(lang) || extra.length > 0) return null;
  switch (kind) {
    case 'f':
      return rest ? { type: 'fact', lang, factId: rest } : null;
    case 't':
      return rest && SLUG.test(rest) ? { type: 'topic', lang, topic: rest } : null;
    case 'ts':
      return rest === undefined ? { type: 'topics', lang } : null;
    case 'l':
      return rest === undefined ? { type: 'set-lang', lang } : null;
    case 'la':
      return rest === undefined ? { type: 'auto-lang', lang } : null;
    case 'r':
      return rest === undefined ? { type: 'random', lang } : null;
    default:
      return null;
  }
}

/** Whether button data changes the reply language (a language picker's button): adapters turn the picker into the confirmation. */
export function isLanguageChoice(data: string): boolean {
  const type = decodeAction(data)?.type;
  return type === 'set-lang' || type === 'auto-lang';
}
