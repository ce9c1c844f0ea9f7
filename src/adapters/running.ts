import type { ChatService } from '../core/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../ops/metrics.ts';

/** A chat bot that has started. */
export interface RunningBot {
  /** Stops taking updates, finishes the replies in flight, then resolves. */
  stop(): Promise<void>;
  /** Connected (or listening) and able to take updates: what `/readyz` reports. */
  isReady(): boolean;
}

/**
 * An error no retry can mend (a revoked token): the process should log it and exit non-zero, so that its
 * supervisor restarts it or someone looks.
 */
export class FatalPlatformError extends Error {
  override name = 'FatalPlatformError';
}

/** What every platform adapter is started with. */
export interface AdapterDeps {
  chat: ChatService;
  log: Logger;
  metrics: Metrics;
  /** Called (once is enough) when the bot cannot go on; the process then stops. */
  onFatal: (error: FatalPlatformError) => void;
}
