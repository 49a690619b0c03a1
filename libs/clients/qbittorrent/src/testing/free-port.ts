import { createServer } from 'node:net';

/**
 * A loopback port that was free a moment ago, for programs (qbittorrent-nox) that cannot listen on
 * port 0 and report back. Racy by nature, but the window is a few milliseconds.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
