import { Logger } from '@nestjs/common';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parsePort } from '../config/env.util';
import { ShutdownCoordinator } from '../shutdown/shutdown-coordinator.service';
import { createService } from './create-service';
import type { ServiceOptions } from './service-options.interface';

/**
 * `main.ts` in one line: createService + listen on PORT (or `port`) and HOST (or 0.0.0.0), and the
 * rolling-deploy shutdown on SIGTERM/SIGINT. A second signal exits at once (a second Ctrl-C).
 */
export async function bootstrapService(appModule: Type<unknown> | DynamicModule, options: ServiceOptions & { port: number }): Promise<NestFastifyApplication> {
  const port = parsePort('PORT', process.env['PORT'], options.port);
  const host = process.env['HOST']?.trim() || '0.0.0.0';
  const app = await createService(appModule, options);
  await app.listen({ port, host });

  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const logger = new Logger('Bootstrap');
  logger.log({ service: options.name, host, port }, `${options.name} listening on ${base}/api (docs ${base}/docs, metrics ${base}/metrics, health ${base}/api/health)`);

  const shutdown = app.get(ShutdownCoordinator);
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    signalled = true;
    shutdown.shutdown({ reason: signal }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return app;
}
