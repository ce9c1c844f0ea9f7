import net from 'node:net';

// A port checked free and then handed to a bot process is open to anyone until the bot listens on it. Ports that
// the kernel picks ("port 0", outgoing connections) come from its ephemeral range, 32768 and up on Linux, so a
// port taken from there can be grabbed in that moment by another test's server or connection (it happened in CI:
// EADDRINUSE). Handing out ports below that range, from a block of its own for each vitest worker, leaves no one
// to race with.
const BLOCK = 400;
const FIRST = 20_000 + (Number(process.env.VITEST_POOL_ID ?? 0) % 30) * BLOCK;
// A random start keeps a nested test run (which numbers its workers from 1 too) off the ports just handed out.
let next = Math.floor(Math.random() * BLOCK);

/** A TCP port, free on every interface a moment ago, that no other test of this run is handed. */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < BLOCK; tried++) {
    const port = FIRST + (next++ % BLOCK);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${FIRST}–${FIRST + BLOCK - 1}`);
}

/** Whether a server can listen on `port` on every interface, as the bot does. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
