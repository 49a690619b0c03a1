import { Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';

/**
 * The global pipe: unknown fields are refused (not silently dropped), payloads become DTO instances.
 * Errors carry class-validator's messages, nested ones prefixed with their path ("items.0.name ..."),
 * so a client sees which field is wrong.
 */
@Injectable()
export class KeelValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
    this.exceptionFactory = (errors: ValidationError[]) => new RequestValidationError(this.flattenValidationErrors(errors));
  }
}
