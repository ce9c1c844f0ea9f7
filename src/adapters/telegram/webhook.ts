import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log.ts';
import type { Claim } from './claims.ts';

/** Telegram's updates are small; anything much larger is not from Telegram. */
const MAX_BODY_BYTES = 1 << 20;

export interface WebhookOptions {
  port: number;
  /** The path of the registered URL (with its query, if any): requests elsewhere get 403. */
  path: string;
  secret: string;
  /** Handles an update: resolves with its claim once it is handled, ignored or found busy. */
  handle: (update: Update) => Promise<Claim>;
  log: Logger;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The webhook listener. It answers a request only once its update is handled, so an update whose replica dies
 * gets no 2xx and Telegram delivers it again (to another replica behind the load balancer):
 * - 200: handled, or handled before (a redelivery);
 * - 503: another replica is handling it right now (Telegram retries later, when it is done or its claim expired);
 * - 403: not from Telegram (no or wrong secret token, another path); 400: not an update; 500: handling failed
 *   before the update was claimed (the store did not answer), so Telegram should try again.
 */
export function webhookServer(options: WebhookOptions): http.Server {
  const { log } = options;
  return http.createServer((req, res) => {
    const reply = (status: number) => void res.writeHead(status).end();
    if (req.method !== 'POST' || req.url !== options.path || !sameSecret(req.headers['x-telegram-bot-api-secret-token'], options.secret)) {
      req.resume();
      return reply(403);
    }
    void (async () => {
      const body = await readBody(req);
      let update: Update;
      try {
        update = JSON.parse(body ?? '') as Update;
        if (typeof update.update_id !== 'number') throw new Error('no update_id');
      } catch {
        return reply(400);
      }
      const claim = await options.handle(update);
      reply(claim === 'busy' ? 503 : 200);
    })().catch((error: unknown) => {
      log.error('webhook request failed', error);
      if (!res.headersSent) reply(500);
      else res.end();
    });
  });
}
