import { BadRequestException } from '@nestjs/common';

/** The global ValidationPipe's error: the flattened class-validator messages, field names included. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly errors: string[]) {
    super('The request did not pass validation.');
  }
}
