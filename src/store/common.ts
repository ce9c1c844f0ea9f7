/** What both database stores share: limits, the grouping of declined questions, and their errors. */

/** Declined questions are stored up to this length; longer ones are declined as too long anyway. */
export const MAX_TEXT = 1000;

/** A newer version of the bot created this database. */
export class StoreVersionError extends Error {
  override name = 'StoreVersionError';
}

/** The grouping key of a declined question: case, punctuation and spacing do not matter. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
