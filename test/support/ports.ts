/**
 * A TCP port free on 127.0.0.1 right now, for a server a test or a bench is about to start. Its
 * callers need the number before that server listens (a stand-in is told where to deliver, a
 * process is given PORT), so the server cannot listen on port 0 and report back.
 *
 * Between this check and that listen, anyone may take the port. The system hands out the ports
 * of outgoing connections and of port-0 listeners from its ephemeral range (32768 and up on Linux,
 * 49152 and up on macOS and Windows), and tests beside this one open many of both; so the port is
 * picked at random below that range, where only another such pick can take it.
 */

import { createServer } from 'node:net';

const LOWEST = 20_000;
const HIGHEST = 32_767;

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port on 127.0.0.1 between ${LOWEST} and ${HIGHEST} after 50 tries`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
