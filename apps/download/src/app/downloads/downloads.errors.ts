import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';

export const notOwned = (gameId: string) => new ForbiddenException(`You do not own game ${gameId}`);
export const unknownGame = (gameId: string) => new NotFoundException(`Game ${gameId} is not in your library`);
export const unknownDownload = (id: string) => new NotFoundException(`Download ${id} not found`);
export const badTransition = (from: string, to: string) =>
  new ConflictException(`A ${from} download cannot become ${to}`);
export const keyReused = () => new ConflictException('This Idempotency-Key was already used for another game');
