import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CONTROL_PREFIX, handleControl } from './control';
import type { Fault, RunningEmulator, StartEmulatorOptions } from './emulator.types';
import { traceRequest } from './emulator-span';
import { Exchange } from './exchange';
import { FaultSwitch } from './fault';
import { answerError, answerMalformed, answerReset } from './fault-response';
import { sendProblem } from './respond';
import { Router } from './router';
import { StatsRecorder } from './stats';

export const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_ECHO_HEADERS = ['x-request-id', 'traceparent'] as const;
/** Above the 60 s idle timeout common in client and proxy keep-alive pools, so the client closes first. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HEADERS_TIMEOUT_MS = 66_000;

/**
 * Starts one emulator on plain node:http: the given routes, plus the `/_sandbox/` control API,
 * fault injection and stats.
 */
export function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? DEFAULT_HOST;
  const echoHeaders = options.echoHeaders ?? DEFAULT_ECHO_HEADERS;
  const router = new Router(options.routes);
  const faults = new FaultSwitch();
  const stats = new StatsRecorder();

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.startsWith(CONTROL_PREFIX)) {
      // An emulator's own controls (`/_sandbox/<name>/…`, in its routes) are, like the shared ones,
      // never counted and never faulted: a test can always reach them.
      const own = router.match(req.method ?? 'GET', path);
      if (own === null) return handleControl(req, res, path, faults, stats);
      return dispatch(
        router,
        new Exchange(req, res, req.method ?? 'GET', path, queryAt === -1 ? '' : url.slice(queryAt + 1), stats),
      );
    }

    stats.recordRequest(path, req.headers);
    traceRequest(options.name, path, req, res);
    for (const name of echoHeaders) {
      const value = req.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }

    const fault = faults.pick(path);
    if (fault !== null && fault.mode === 'down') {
      // `down` must also break keep-alive sockets opened before the fault was set.
      stats.recordFault('down');
      req.socket.destroy();
      return;
    }
    const exchange = new Exchange(
      req,
      res,
      req.method ?? 'GET',
      path,
      queryAt === -1 ? '' : url.slice(queryAt + 1),
      stats,
    );
    if (fault === null) return dispatch(router, exchange);
    stats.recordFault(fault.mode as Exclude<Fault['mode'], 'ok' | 'down'>);
    if (fault.latencyMs > 0) exchange.delay(fault.latencyMs, () => applyFault(router, exchange, fault));
    else applyFault(router, exchange, fault);
  };

  const server = createServer({ noDelay: true }, onRequest);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.on('connection', (socket: Socket) => {
    stats.connectionOpened();
    socket.once('close', stats.connectionClosed);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        name: options.name,
        url: `http://${urlHost(host)}:${port}`,
        port,
        host,
        stats: () => stats.snapshot(),
        resetStats: () => stats.reset(),
        getFaults: () => faults.current,
        setFaults: (fault) => void faults.set(fault),
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function applyFault(router: Router, exchange: Exchange, fault: Fault): void {
  switch (fault.mode) {
    case 'error':
      return answerError(exchange.res, fault);
    case 'malformed':
      return answerMalformed(exchange.res);
    case 'reset':
      exchange.destroyedByServer = true;
      return answerReset(exchange.res);
    default:
      return dispatch(router, exchange); // `slow`: answer normally once the delay is over
  }
}

function dispatch(router: Router, exchange: Exchange): void {
  const { res } = exchange;
  const match = router.match(exchange.method, exchange.path);
  if (match === null) return sendProblem(res, 404, `No route for ${exchange.method} ${exchange.path}`);
  if (match.kind === 'wrong-method') {
    return sendProblem(res, 405, `${exchange.method} is not supported on ${exchange.path}`, {
      headers: { allow: match.allow },
    });
  }
  exchange.params = match.params;
  try {
    const pending = match.handler(exchange);
    if (pending !== undefined) pending.catch((err: unknown) => fail(res, err));
  } catch (err) {
    fail(res, err);
  }
}

function fail(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendProblem(res, 500, err instanceof Error ? err.message : 'Emulator handler failed');
}

/** A wildcard bind is reached through loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
