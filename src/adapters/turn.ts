import type { ChatReply, Lang, Outcome, Platform } from '../core/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../ops/metrics.ts';

/**
 * One incoming message or button press, from arrival to reply. Handlers tell it what became of the message;
 * `end()` then writes the one log line (platform, outcome, language, latency; the question text only at debug
 * level) and the metrics. A message the bot ignores (group chatter) reports nothing.
 */
export class Turn {
  private outcome?: Outcome;
  private lang?: Lang;
  private text?: string;
  private readonly started = performance.now();

  constructor(
    readonly platform: Platform,
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Records the reply about to be sent (and the question, for debug logs); returns the reply. */
  replied<R extends ChatReply>(reply: R, question?: string): R {
    this.outcome = reply.outcome;
    this.lang = reply.lang;
    if (question !== undefined) this.text = question;
    return reply;
  }

  /** The user is over the rate limit. */
  rateLimited(lang: Lang): void {
    this.outcome = 'rate_limited';
    this.lang = lang;
  }

  /** Handling failed (the error itself is logged by the adapter's error boundary). */
  failed(): void {
    this.outcome = 'error';
  }

  /** Reports the turn, if anything became of it. */
  end(): void {
    if (!this.outcome) return;
    const seconds = (performance.now() - this.started) / 1000;
    this.metrics.handled(this.platform, this.outcome, seconds);
    const fields = { platform: this.platform, outcome: this.outcome, lang: this.lang, ms: Math.round(seconds * 10_000) / 10 };
    if (this.log.debugEnabled && this.text !== undefined) this.log.debug('message handled', { ...fields, text: this.text });
    else this.log.info('message handled', fields);
  }
}

/** Runs one turn: an error marks it failed and is rethrown to the adapter's error boundary. */
export async function track(platform: Platform, log: Logger, metrics: Metrics, run: (turn: Turn) => Promise<void>): Promise<void> {
  const turn = new Turn(platform, log, metrics);
  try {
    await run(turn);
  } catch (error) {
    turn.failed();
    throw error;
  } finally {
    turn.end();
  }
}
