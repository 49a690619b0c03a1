import { ConflictException, NotFoundException } from '@nestjs/common';
import { RequestValidationError } from '@keel/platform';

export const profileExists = (name: string) =>
  new ConflictException(`A quality profile named "${name}" already exists`);
export const invalidProfile = (problems: string[]) => new RequestValidationError(problems);
export const unknownProfile = (name: string) => new NotFoundException(`No quality profile named "${name}"`);
