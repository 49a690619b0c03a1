import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ProblemDetailsDto } from './problem-details.dto';

/** Documents error responses as `application/problem+json` with the ProblemDetails schema. */
export function ApiProblemResponses(
  ...responses: (number | { status: number; description: string })[]
): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...responses.map((response) => {
      const { status, description } =
        typeof response === 'number' ? { status: response, description: STATUS_CODES[response] ?? 'Error' } : response;
      return ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      });
    }),
  );
}
