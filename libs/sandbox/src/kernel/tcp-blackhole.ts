import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/** A TCP fault in front of a server; see `startTcpBlackhole`. */
export interface TcpBlackhole {
  /** `http://127.0.0.1:<port>` of the fault's own listener. */
  readonly url: string;
  /** While true, new connections are accepted and never answered. */
  blackhole: boolean;
  close(): Promise<void>;
}

/**
 * A TCP proxy to `127.0.0.1:targetPort` that can turn into a blackhole: while on, it accepts
 * connections and never answers them (as behind a dropped route or a hung load balancer), and those
 * connections stay silent for ever; only connections made once it is off reach the server. The HTTP
 * fault modes of the emulators answer late or wrongly; this one never answers at all, which is what
 * keep-alive pools and half-open probes must survive.
 */
export async function startTcpBlackhole(targetPort: number): Promise<TcpBlackhole> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const state = { blackhole: false };
  const server = createServer((socket) => {
    track(socket);
    socket.on('error', () => undefined);
    if (state.blackhole) return;
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream);
    socket.pipe(upstream).pipe(socket);
    socket.once('close', () => upstream.destroy());
    upstream.once('close', () => socket.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get blackhole() {
      return state.blackhole;
    },
    set blackhole(on: boolean) {
      state.blackhole = on;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
