import { Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from '@nestjs/common';
import { RequestValidationError } from '@keel/platform';

/**
 * Validates a v3 body the way Radarr reads one: known fields are checked, unknown ones dropped. The
 * parameter is typed as a plain record, so the global pipe screens it (NUL, depth) without refusing
 * the fields Radarr's clients send and Radarr ignores.
 */
@Injectable()
export class RadarrBodyPipe extends ValidationPipe {
  constructor(dto: new () => object) {
    super({ whitelist: true, forbidNonWhitelisted: false, transform: true, expectedType: dto });
    this.exceptionFactory = (errors: ValidationError[]) =>
      new RequestValidationError(this.flattenValidationErrors(errors));
  }
}
