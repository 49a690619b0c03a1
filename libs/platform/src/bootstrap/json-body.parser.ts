import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { parse as parseForm } from 'node:querystring';

/**
 * JSON bodies are parsed as Fastify's own parser does (secure-json-parse: `__proto__` and
 * `constructor.prototype` keys refused), except that an empty body is no body. Fastify answers an
 * empty body sent with `Content-Type: application/json` with 400 "Body cannot be empty", and
 * frontends set that header on every request, body-less actions (`POST /movies/{id}/search`)
 * included. A route that needs a body still gets a 400: its DTO fails validation, field by field.
 *
 * Registering a parser through Nest marks its parsers as registered, so the form parser Nest would
 * add at init is added here too, as Nest adds it.
 */
export function registerJsonParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const strict = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit }, (request, body, done) => {
    if (body.length === 0) done(null, undefined);
    else strict(request, body.toString('utf8'), done);
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, body, done) =>
    done(null, parseForm(body.toString('utf8'))),
  );
}
