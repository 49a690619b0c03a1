import { Injectable, ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';
import { flatDtoTransformer } from './flat-dto.transformer';
import { screenInput } from './input-screen';

const SCREENED = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * The global pipe: unknown fields are refused (not silently dropped), payloads become DTO instances.
 * Errors carry class-validator's messages, nested ones prefixed with their path ("items.0.name ..."),
 * so a client sees which field is wrong.
 *
 * A flat body of a flat DTO skips class-transformer's walk (`flatDtoTransformer`); class-validator
 * still checks it.
 *
 * Before class-validator, every body, query and path value is screened (`screenInput`): no NUL or
 * unpaired surrogate in any string, decimal integers only where a number is read from text, and a
 * bounded depth. So every DTO and every plain `@Param('x') x: string` of every service is covered
 * without a decorator per field; both kinds of fault are reported together.
 */
@Injectable()
export class KeelValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, transformerPackage: flatDtoTransformer });
    this.exceptionFactory = (errors: ValidationError[]) =>
      new RequestValidationError(this.flattenValidationErrors(errors));
  }

  /**
   * Not `async`: each promise of a request costs its AsyncLocalStorage copy (a megamorphic keyed load
   * and store) and a tick. A custom parameter decorator's value (`@CurrentUser()`, `@IdempotencyKey()`)
   * is returned as it is, as `super.transform` would resolve it (`validateCustomDecorators` is off),
   * so Nest's pipe chain awaits a plain value instead of two wrapped promises; a screened value
   * without a fault gets `super.transform`'s own promise, not one more around it.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ValidationPipe's `Promise<any>`, or the plain value
  override transform(value: unknown, metadata: ArgumentMetadata): any {
    if (metadata.type === 'custom') return value;
    if (!SCREENED.has(metadata.type)) return super.transform(value, metadata);
    const screened = screenInput(value, metadata);
    if (screened.fatal) return Promise.reject(new RequestValidationError(screened.errors));
    if (screened.errors.length === 0) return super.transform(value, metadata);
    return this.rejectWithAll(value, metadata, screened.errors);
  }

  /** The screen's faults and class-validator's together, each once. */
  private async rejectWithAll(value: unknown, metadata: ArgumentMetadata, screenedErrors: string[]): Promise<never> {
    const validation = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => {
        if (error instanceof RequestValidationError) return error.errors;
        throw error;
      },
    );
    throw new RequestValidationError([
      ...screenedErrors,
      ...validation.filter((message) => !screenedErrors.includes(message)),
    ]);
  }
}
