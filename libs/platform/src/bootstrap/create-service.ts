import { RequestMethod, VersioningType } from '@nestjs/common';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { parseDuration } from '../config/env.util';
import { bodyLimit, requestDeadlineMs } from '../config/server.config';
import { serviceVersion } from '../config/service.config';
import { requestContextHook } from '../context/request-context.hook';
import { requestIdOf } from '../context/request-id.util';
import { httpMetricsHook } from '../metrics/http-metrics.hooks';
import { DEFAULT_REQUEST_DEADLINE_MS } from '../platform-options.interface';
import type { PlatformModuleOptions } from '../platform-options.interface';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { connectionCloseHook } from '../shutdown/connection-close.hook';
import { processTracingSettings } from '../tracing/tracing.settings';
import { ShutdownCoordinator } from '../shutdown/shutdown-coordinator.service';
import { answerFrameworkError } from './framework-errors';
import { registerJsonParser } from './json-body.parser';
import { setupSwagger } from './swagger.setup';
import type { ServiceOptions } from './service-options.interface';

/** Fastify's default is 100; ids of ours go up to 128 characters (user ids), and a longer one gets 414. */
const MAX_PARAM_LENGTH = 256;

/**
 * Creates (does not start) a Keel service on Fastify: request id and context, HTTP metrics hooks,
 * `/api` prefix with URI versioning (`/api/v1/...`), health/system/metrics/docs outside the version,
 * Swagger. `AppModule` must import `PlatformModule.forRoot(...)`.
 */
export async function createService(
  appModule: Type<unknown> | DynamicModule,
  options: ServiceOptions,
): Promise<NestFastifyApplication> {
  // Before the app exists, so that a bad OTEL_* value stops the boot with nothing to close
  // (TracingService reads them again to start the SDK).
  processTracingSettings(options.name);
  const adapter = new FastifyAdapter({
    bodyLimit: bodyLimit(),
    genReqId: requestIdOf,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
  });
  // abortOnError false: a bad config rejects here with its message instead of killing the process.
  const app = await NestFactory.create<NestFastifyApplication>(appModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  let platform: PlatformModuleOptions;
  try {
    platform = app.get<PlatformModuleOptions>(PLATFORM_OPTIONS, { strict: false });
  } catch {
    await app.close();
    throw new Error(`${options.name}: AppModule must import PlatformModule.forRoot({ service: '${options.name}' })`);
  }
  app.useLogger(app.get(Logger));

  const shutdown = app.get(ShutdownCoordinator);
  shutdown.attach(app);
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonParser(app);
  // Declared up front so Fastify keeps one request shape (the guard sets it on every request).
  fastify.decorateRequest('user', null);
  const serviceDeadlineMs = parseDuration(
    'PlatformModule requestDeadline',
    platform.requestDeadline,
    DEFAULT_REQUEST_DEADLINE_MS,
  );
  const deadlineMs = requestDeadlineMs(serviceDeadlineMs);
  if (deadlineMs < 1) throw new Error('REQUEST_DEADLINE must be at least 1ms');
  // The adapter's own slot runs before Nest middleware; a plain addHook would run after it. The
  // request's logging is part of its context, so that its lines carry the trace id.
  adapter.setOnRequestHook(requestContextHook(deadlineMs));
  fastify.addHook('onSend', connectionCloseHook(shutdown));
  fastify.addHook('onResponse', httpMetricsHook());

  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  setupSwagger(app, { title: platform.service ?? options.name, version: serviceVersion(platform) });
  return app;
}
