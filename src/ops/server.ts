import http from 'node:http';
import type { Logger } from '../log.ts';
import type { Metrics } from './metrics.ts';

/** One thing `/readyz` checks: a platform connection, or the store. */
export interface ReadinessCheck {
  name: string;
  /** True when ready; a rejection or a timeout counts as not ready. */
  check: () => boolean | Promise<boolean>;
}

/** A check that has not answered within this long counts as failed: a hung database is not a ready one. */
const CHECK_TIMEOUT_MS = 2000;

async function passes({ check }: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export interface OpsServerOptions {
  metrics: Metrics;
  checks: readonly ReadinessCheck[];
  log: Logger;
}

/**
 * The operations listener (OPS_PORT): `GET /healthz` 200 while the process runs; `GET /readyz` 200 only when
 * every check passes, else 503 naming the failing ones; `GET /metrics` in the Prometheus text format.
 */
export function opsServer({ metrics, checks, log }: OpsServerOptions): http.Server {
  return http.createServer((req, res) => {
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') =>
      void res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    const route = req.method === 'GET' || req.method === 'HEAD' ? (req.url ?? '').split('?')[0] : undefined;
    void (async () => {
      if (route === '/healthz') return send(200, 'ok\n');
      if (route === '/readyz') {
        const results = await Promise.all(checks.map(async (check) => ({ name: check.name, ok: await passes(check) })));
        const failing = results.filter((r) => !r.ok).map((r) => r.name);
        return failing.length === 0 ? send(200, 'ready\n') : send(503, `not ready: ${failing.join(', ')}\n`);
      }
      if (route === '/metrics') return send(200, await metrics.expose(), metrics.registry.contentType);
      send(404, 'not found\n');
    })().catch((error: unknown) => {
      log.error(`ops request ${req.url} failed`, error);
      if (!res.headersSent) send(500, 'error\n');
    });
  });
}

/** Starts listening on `port`; rejects if the port is taken. */
export function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
