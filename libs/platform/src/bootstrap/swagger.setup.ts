import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../errors/problem-details.dto';

export const BEARER_SCHEME = 'bearer';

interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
}

/**
 * Swagger UI at /docs, the document at /docs-json. Bearer auth is the document-wide default, as it
 * is for the guard: `@Public()` operations carry an empty requirement (written as `security: []`),
 * and every other operation gets the guard's 401 without each controller having to declare it.
 */
export function setupSwagger(app: INestApplication, info: { title: string; version: string }): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setVersion(info.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto] });
  const unauthorized = {
    description: 'Missing or invalid bearer token',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (
        Array.isArray(operation.security) &&
        operation.security.length === 1 &&
        Object.keys(operation.security[0]).length === 0
      ) {
        operation.security = [];
      } else if (operation.responses && !operation.responses['401']) {
        operation.responses['401'] = unauthorized;
      }
    }
  }
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  return document;
}
