import { Logger } from '@nestjs/common';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readListenConfig } from '../config/server.config';
import { stdoutLogSink } from '../logging/stdio-log-sink';
import { ShutdownCoordinator } from '../shutdown/shutdown-coordinator.service';
import { createService } from './create-service';
import { guardStdio, watchParent } from './process-guards';
import type { ServiceOptions } from './service-options.interface';

/** How long the last log lines may take to reach a slow reader before the process exits anyway. */
const LOG_FLUSH_MS = 1_000;

/**
 * `main.ts` in one line: createService + listen on PORT (or `port`) and HOST (or 0.0.0.0), and the
 * rolling-deploy shutdown on SIGTERM/SIGINT, or when the parent that spawned us with an IPC channel
 * (`npm start`) goes away. The process exits within SHUTDOWN_GRACE of the signal whatever happens
 * (a drain that hangs, a stdout nobody reads). A second signal exits at once (a second Ctrl-C).
 */
export async function bootstrapService(
  appModule: Type<unknown> | DynamicModule,
  options: ServiceOptions & { port: number },
): Promise<NestFastifyApplication> {
  guardStdio();
  const { port, host, graceMs } = readListenConfig(options.port);
  const app = await createService(appModule, options);
  const shutdown = app.get(ShutdownCoordinator);
  if (graceMs <= shutdown.delayMs) {
    await app.close();
    throw new Error(`SHUTDOWN_GRACE (${graceMs} ms) must be longer than SHUTDOWN_DELAY (${shutdown.delayMs} ms)`);
  }
  await app.listen({ port, host });

  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const logger = new Logger('Bootstrap');
  logger.log(
    { service: options.name, host, port },
    `${options.name} listening on ${base}/api (docs ${base}/docs, metrics ${base}/metrics, health ${base}/api/health)`,
  );

  const exit = (code: number): void => {
    // Give the last lines a moment to reach stdout; a reader that is stuck does not hold the exit.
    void stdoutLogSink()
      .drained(LOG_FLUSH_MS)
      .then(() => process.exit(code));
  };
  let signalled = false;
  const onSignal = (reason: NodeJS.Signals | 'parent exited'): void => {
    if (signalled) {
      // The parent going away mid-drain (npm start gave up waiting) is not a second Ctrl-C.
      if (reason === 'parent exited') return;
      logger.warn({ signal: reason }, 'second signal: exiting without draining');
      return exit(1);
    }
    signalled = true;
    // Unref'd: it must not keep the process alive, only end a shutdown that would never finish.
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown did not finish within SHUTDOWN_GRACE: exiting');
      exit(1);
    }, graceMs).unref();
    shutdown.shutdown({ reason }).then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  watchParent(() => onSignal('parent exited'));
  return app;
}
