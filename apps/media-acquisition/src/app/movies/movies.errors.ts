import { ConflictException, NotFoundException } from '@nestjs/common';

export const unknownMovie = (id: string) => new NotFoundException(`Movie ${id} not found`);
export const movieExists = (title: string, year: number) =>
  new ConflictException(`${title} (${year}) is already in the list, or its TMDb/IMDb id is`);
