import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP load balancer for the webhook fleet tests, as nginx would be in front of replicas: requests go
 * round-robin to the replicas' ports; a replica that refuses the connection is skipped for the next; a replica
 * that dies mid-request gets its request answered 502 (so Telegram delivers the update again).
 */
export class LoadBalancer {
  private server?: http.Server;
  private next = 0;
  /** Requests forwarded to each replica and not yet answered. */
  readonly inFlight: number[];
  /** Requests forwarded to each replica. */
  readonly forwarded: number[];
  /** Requests each replica answered. */
  readonly answered: number[];
  /** Sends every request to this replica (to show that a state set through one holds on the others). */
  pinned?: number;

  constructor(private readonly ports: readonly number[]) {
    this.inFlight = ports.map(() => 0);
    this.answered = ports.map(() => 0);
    this.forwarded = ports.map(() => 0);
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the load balancer is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    // Telegram keeps up to 40 connections to a webhook; the fake makes as many as it has updates in flight.
    this.server.maxConnections = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < this.ports.length; tries++) {
      const replica = this.pinned ?? this.next++ % this.ports.length;
      const outcome = await this.forward(replica, req, body);
      if (outcome === 'refused') continue;
      if (outcome === 'failed') return void res.writeHead(502).end();
      return void res.writeHead(outcome.status).end(outcome.body);
    }
    res.writeHead(503).end();
  }

  private forward(replica: number, req: http.IncomingMessage, body: Buffer): Promise<'refused' | 'failed' | { status: number; body: Buffer }> {
    return new Promise((resolve) => {
      let connected = false;
      let settled = false;
      this.inFlight[replica]! += 1;
      this.forwarded[replica]! += 1;
      const settle = (outcome: 'refused' | 'failed' | { status: number; body: Buffer }) => {
        if (settled) return;
        settled = true;
        this.inFlight[replica]! -= 1;
        if (typeof outcome === 'object') this.answered[replica]! += 1;
        resolve(outcome);
      };
      const upstream = http.request(
        { host: '127.0.0.1', port: this.ports[replica], method: req.method, path: req.url, headers: req.headers, agent: false },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (chunk: Buffer) => parts.push(chunk));
          response.on('end', () => settle({ status: response.statusCode ?? 502, body: Buffer.concat(parts) }));
          response.on('error', () => settle('failed'));
        },
      );
      upstream.on('socket', (socket) => socket.on('connect', () => (connected = true)));
      upstream.on('error', () => settle(connected ? 'failed' : 'refused'));
      upstream.end(body);
    });
  }
}
