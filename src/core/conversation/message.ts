import { normalizeNumbers, pieceWords } from '../text/normalize.ts';

/**
 * A message as typed, split into the pieces between spaces, each with the folded words it holds: a follow-up is
 * rewritten piece by piece ("who founded it?" → "who founded <the alliance>"), so that the rewritten question keeps
 * the user's own spelling everywhere else.
 */
export class Message {
  readonly pieces: readonly string[];
  /** The folded words, in order. */
  readonly tokens: readonly string[];
  /** For each folded word, the piece it comes from. */
  private readonly pieceOf: readonly number[];

  constructor(readonly text: string) {
    // Split as `words()` splits, so that the folded words here are the ones the question reader numbers.
    this.pieces = normalizeNumbers(text).split(/\s+/).filter(Boolean);
    const tokens: string[] = [];
    const pieceOf: number[] = [];
    this.pieces.forEach((piece, index) => {
      for (const token of pieceWords(piece)) {
        tokens.push(token);
        pieceOf.push(index);
      }
    });
    this.tokens = tokens;
    this.pieceOf = pieceOf;
  }

  /** The message with the pieces holding the given words replaced by `by` (or dropped when it is empty). */
  replace(positions: Iterable<number>, by: string): string {
    const pieces = new Set([...positions].map((p) => this.pieceOf[p]!));
    const first = Math.min(...pieces);
    const out: string[] = [];
    this.pieces.forEach((piece, index) => {
      if (!pieces.has(index)) out.push(piece);
      else if (index === first && by) out.push(by);
    });
    return out.join(' ');
  }

  /** The message without the pieces holding the given words. */
  without(positions: Iterable<number>): string {
    return this.replace(positions, '');
  }
}
