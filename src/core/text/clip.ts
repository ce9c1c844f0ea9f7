/**
 * Shortens text to at most `max` UTF-16 units, ending with an ellipsis; never splits a surrogate pair, so
 * every platform limit (Telegram's 4096, Discord's 100-character choices…) holds without broken emoji.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}
