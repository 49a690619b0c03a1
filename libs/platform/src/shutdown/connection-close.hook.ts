import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ShutdownCoordinator } from './shutdown-coordinator.service';

/**
 * Fastify onSend hook: once shutdown has begun, every response says `Connection: close`, those of
 * requests already in flight included. Keep-alive clients then reconnect (to another pod), and Node
 * closes each socket after its last response. Without it, `app.close()` waits for the keep-alive
 * timeout of every connection that was busy when it began (Fastify closes only the idle ones).
 */
export function connectionCloseHook(shutdown: ShutdownCoordinator) {
  return (
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: Error | null, payload?: unknown) => void,
  ): void => {
    if (shutdown.isShuttingDown) reply.header('connection', 'close');
    done(null, payload);
  };
}
