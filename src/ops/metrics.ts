import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Outcome, Platform } from '../core/index.ts';

/**
 * The bot's Prometheus metrics, in a registry of its own (several bots in one test process do not mix):
 * messages by platform and outcome, reply latency, platform API retries and failures, and the process's
 * default metrics (memory, CPU, event loop lag).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly messages = new Counter({
    name: 'facts_bot_messages_total',
    help: 'Messages and button presses handled, by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly replySeconds = new Histogram({
    name: 'facts_bot_reply_seconds',
    help: 'Time from receiving a message to having sent its reply',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly apiRetries = new Counter({
    name: 'facts_bot_api_retries_total',
    help: 'Platform API calls retried after a rate limit, a server error or a network error',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly apiFailures = new Counter({
    name: 'facts_bot_api_failures_total',
    help: 'Platform API calls that failed for good',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** One handled message: its outcome, and its latency when a reply was sent. */
  handled(platform: Platform, outcome: Outcome, seconds: number): void {
    this.messages.inc({ platform, outcome });
    this.replySeconds.observe({ platform }, seconds);
  }

  apiRetry(platform: Platform): void {
    this.apiRetries.inc({ platform });
  }

  apiFailure(platform: Platform): void {
    this.apiFailures.inc({ platform });
  }

  /** The Prometheus text exposition of every metric. */
  expose(): Promise<string> {
    return this.registry.metrics();
  }
}
