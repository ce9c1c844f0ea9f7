import { randomUUID } from 'node:crypto';
import type { Store } from '../../core/index.ts';

/** What became of an update's claim: handle it, it was handled already, or another replica is handling it now. */
export type Claim = 'mine' | 'done' | 'busy';

export interface ClaimOptions {
  /** How long a claim protects an update being handled; past it, a replica that died is assumed gone. */
  leaseMs?: number;
  /** How long a handled update is remembered, to ignore Telegram delivering it again. */
  keepMs?: number;
}

/**
 * Makes every update handled once across restarts and replicas, through the shared store. A replica claims an
 * update before handling it and marks it done afterwards. Telegram delivering it again finds it done (and
 * gets a 200); a replica receiving it while another handles it gets `busy` (and answers 503, so Telegram
 * tries again later). A replica killed mid-update leaves a claim that expires after `leaseMs`; the update is
 * then taken by whoever receives it next, so nothing is lost and only updates in flight at the kill can be
 * answered twice.
 */
export class UpdateClaims {
  /** Written into claims, so an operator looking at the store can tell replicas apart. */
  private readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly keepMs: number;

  constructor(
    private readonly store: Store,
    /** The bot's id: bots sharing a database do not share update ids. */
    private readonly botId: number,
    options: ClaimOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.keepMs = options.keepMs ?? 24 * 3600_000;
  }

  /**
   * Claims an update. With `takeOver` (long polling: only one process polls, so a claim of another owner is
   * that of a process that stopped) a claim in progress is taken rather than reported busy.
   */
  claim(updateId: number, takeOver = false): Promise<Claim> {
    const until = new Date(Date.now() + this.leaseMs);
    return this.store.updateEntry('telegram-update', this.key(updateId), (current) => {
      if (current === 'done') return { result: 'done' as const };
      if (current !== undefined && !takeOver) return { result: 'busy' as const };
      return { result: 'mine' as const, write: { value: this.owner, expiresAt: until } };
    });
  }

  /** Marks an update handled (successfully or not: a failed reply was logged, and is not retried). */
  done(updateId: number): Promise<void> {
    return this.store.putEntry('telegram-update', this.key(updateId), 'done', new Date(Date.now() + this.keepMs));
  }

  private key(updateId: number): string {
    return `${this.botId}:${updateId}`;
  }
}
