import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { LibraryClient } from '@keel/clients-library';
import type { DownloadRow } from '../db/schema';
import type { DownloadUrlSigner } from '../signing/download-url.signer';
import type { DownloadsRepository } from './downloads.repository';
import { DownloadsService } from './downloads.service';
import type { GameSizes } from './game-sizes.service';

/** The library's answer for a game u1 owns. */
const OWNED = { userId: 'u1', gameId: 'g1', owned: true, acquiredAt: '2025-01-01T00:00:00Z' };

const row = (overrides: Partial<DownloadRow> = {}): DownloadRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  userId: 'u1',
  gameId: 'g1',
  status: 'queued',
  bytesTotal: 1000,
  bytesDone: 0,
  idempotencyKey: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

function setup() {
  const repository = {
    insert: jest.fn(),
    findByIdempotencyKey: jest.fn(),
    findOwned: jest.fn(),
    listOwned: jest.fn(),
    transition: jest.fn(),
  };
  const library = { checkOwnership: jest.fn() };
  // No size cached unless a test says so: start then asks sizeOf.
  const sizes = { cached: jest.fn((): number | undefined => undefined), sizeOf: jest.fn() };
  const signer = { sign: jest.fn(() => 'https://cdn.test/g1?signature=s') };
  const service = new DownloadsService(
    repository as unknown as DownloadsRepository,
    library as unknown as LibraryClient,
    sizes as unknown as GameSizes,
    signer as unknown as DownloadUrlSigner,
  );
  return { service, repository, library, sizes, signer };
}

describe(DownloadsService.name, () => {
  describe('start', () => {
    it('inserts a queued session sized from the library once ownership is confirmed, with a signed URL', async () => {
      // Arrange
      const { service, repository, library, sizes, signer } = setup();
      library.checkOwnership.mockResolvedValue(OWNED);
      sizes.sizeOf.mockResolvedValue(4096);
      repository.insert.mockImplementation(async (inserted: DownloadRow) => inserted);

      // Act
      const session = await service.start('u1', 'g1');

      // Assert
      expect(repository.insert).toHaveBeenCalledWith(
        expect.objectContaining({
          userId: 'u1',
          gameId: 'g1',
          status: 'queued',
          bytesTotal: 4096,
          bytesDone: 0,
          idempotencyKey: null,
        }),
      );
      expect(session).toMatchObject({
        userId: 'u1',
        gameId: 'g1',
        status: 'queued',
        bytesTotal: 4096,
        downloadUrl: 'https://cdn.test/g1?signature=s',
      });
      expect(signer.sign).toHaveBeenCalledWith({ downloadId: session.id, gameId: 'g1', userId: 'u1' });
    });

    it('takes a cached size without asking sizeOf, and still checks ownership', async () => {
      // Arrange
      const { service, repository, library, sizes } = setup();
      library.checkOwnership.mockResolvedValue(OWNED);
      sizes.cached.mockReturnValue(2048);
      repository.insert.mockImplementation(async (inserted: DownloadRow) => inserted);

      // Act
      const session = await service.start('u1', 'g1');

      // Assert
      expect(sizes.cached).toHaveBeenCalledWith('g1');
      expect(sizes.sizeOf).not.toHaveBeenCalled();
      expect(library.checkOwnership).toHaveBeenCalledWith('u1', 'g1');
      expect(session).toMatchObject({ status: 'queued', bytesTotal: 2048 });
      expect(repository.insert).toHaveBeenCalledWith(expect.objectContaining({ bytesTotal: 2048 }));
    });

    it('refuses a game the user does not own (403) or the library does not know (404), writing nothing', async () => {
      // Arrange
      const { service, repository, library, sizes } = setup();
      sizes.sizeOf.mockResolvedValue(undefined);
      library.checkOwnership
        .mockResolvedValueOnce({ userId: 'u1', gameId: 'g1', owned: false, acquiredAt: null })
        .mockResolvedValueOnce(undefined);

      // Act
      const notOwned = await service.start('u1', 'g1').catch((e: unknown) => e);
      const unknown = await service.start('u1', 'g1').catch((e: unknown) => e);

      // Assert
      expect(notOwned).toBeInstanceOf(ForbiddenException);
      expect(unknown).toBeInstanceOf(NotFoundException);
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('replays the first session for a repeated Idempotency-Key without asking the library', async () => {
      // Arrange
      const { service, repository, library } = setup();
      repository.findByIdempotencyKey.mockResolvedValue(row({ idempotencyKey: 'k1' }));

      // Act
      const session = await service.start('u1', 'g1', 'k1');
      const reused = await service.start('u1', 'g2', 'k1').catch((e: unknown) => e);

      // Assert
      expect(session.id).toBe(row().id);
      expect(reused).toBeInstanceOf(ConflictException);
      expect(library.checkOwnership).not.toHaveBeenCalled();
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('returns the winner when a concurrent request with the same key inserted first', async () => {
      // Arrange
      const { service, repository, library, sizes } = setup();
      library.checkOwnership.mockResolvedValue(OWNED);
      sizes.sizeOf.mockResolvedValue(10);
      const winner = row({ id: '00000000-0000-4000-8000-00000000000a', idempotencyKey: 'k1' });
      repository.findByIdempotencyKey.mockResolvedValueOnce(undefined).mockResolvedValueOnce(winner);
      repository.insert.mockResolvedValue(undefined);

      // Act
      const session = await service.start('u1', 'g1', 'k1');

      // Assert
      expect(session.id).toBe(winner.id);
      expect(repository.findByIdempotencyKey).toHaveBeenCalledTimes(2);
    });
  });

  describe('update', () => {
    it('requires exactly one of bytesDone and status', async () => {
      // Arrange
      const { service, repository } = setup();

      // Act
      const both = await service.update('d1', 'u1', { bytesDone: 1, status: 'paused' }).catch((e: unknown) => e);
      const neither = await service.update('d1', 'u1', {}).catch((e: unknown) => e);

      // Assert
      expect(both).toBeInstanceOf(BadRequestException);
      expect(neither).toBeInstanceOf(BadRequestException);
      expect(repository.findOwned).not.toHaveBeenCalled();
    });

    it('pauses a running session through a compare-and-set on the states it may come from', async () => {
      // Arrange
      const { service, repository } = setup();
      repository.findOwned.mockResolvedValue(row({ status: 'downloading' }));
      repository.transition.mockResolvedValue(row({ status: 'paused' }));

      // Act
      const paused = await service.update(row().id, 'u1', { status: 'paused' });

      // Assert
      expect(repository.transition).toHaveBeenCalledWith(row().id, 'u1', ['queued', 'downloading'], {
        status: 'paused',
      });
      expect(paused.status).toBe('paused');
    });

    it('refuses a move out of a final state (409) and a session someone else changed meanwhile (409)', async () => {
      // Arrange
      const { service, repository } = setup();
      repository.findOwned
        .mockResolvedValueOnce(row({ status: 'completed' }))
        .mockResolvedValueOnce(row({ status: 'queued' }));
      repository.transition.mockResolvedValue(undefined);

      // Act
      const fromFinal = await service.update(row().id, 'u1', { status: 'cancelled' }).catch((e: unknown) => e);
      const raced = await service.update(row().id, 'u1', { status: 'cancelled' }).catch((e: unknown) => e);

      // Assert
      expect(fromFinal).toBeInstanceOf(ConflictException);
      expect(raced).toBeInstanceOf(ConflictException);
      expect(repository.transition).toHaveBeenCalledTimes(1);
    });

    it('records progress, completing the session at bytesTotal; it never goes back or past the total', async () => {
      // Arrange
      const { service, repository } = setup();
      repository.findOwned.mockResolvedValue(row({ status: 'downloading', bytesDone: 500 }));
      repository.transition.mockImplementation(
        async (_id: string, _user: string, _from: unknown, changes: Partial<DownloadRow>) => row({ ...changes }),
      );

      // Act
      const done = await service.update(row().id, 'u1', { bytesDone: 1000 });
      const back = await service.update(row().id, 'u1', { bytesDone: 100 }).catch((e: unknown) => e);
      const past = await service.update(row().id, 'u1', { bytesDone: 1001 }).catch((e: unknown) => e);

      // Assert
      expect(repository.transition).toHaveBeenCalledWith(row().id, 'u1', ['queued', 'downloading'], {
        bytesDone: 1000,
        status: 'completed',
      });
      expect(done.status).toBe('completed');
      expect(back).toBeInstanceOf(ConflictException);
      expect(past).toBeInstanceOf(BadRequestException);
    });

    it('answers 404 for a session the caller does not own', async () => {
      // Arrange
      const { service, repository } = setup();
      repository.findOwned.mockResolvedValue(undefined);

      // Act
      const error = await service.update(row().id, 'u2', { status: 'paused' }).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(NotFoundException);
      expect(repository.transition).not.toHaveBeenCalled();
    });
  });

  describe('list', () => {
    it('asks for one row more than the page and returns a cursor only when there is a next page', async () => {
      // Arrange
      const { service, repository } = setup();
      const rows = [
        row({ id: '00000000-0000-4000-8000-000000000003' }),
        row({ id: '00000000-0000-4000-8000-000000000002' }),
        row({ id: '00000000-0000-4000-8000-000000000001' }),
      ];
      repository.listOwned.mockResolvedValueOnce(rows).mockResolvedValueOnce(rows.slice(2));

      // Act
      const first = await service.list('u1', 2);
      const second = await service.list('u1', 2, first.nextCursor as string);

      // Assert
      expect(repository.listOwned).toHaveBeenNthCalledWith(1, 'u1', 3, undefined);
      expect(first.items.map((item) => item.id)).toEqual([rows[0].id, rows[1].id]);
      expect(repository.listOwned).toHaveBeenNthCalledWith(2, 'u1', 3, {
        createdAt: rows[1].createdAt,
        id: rows[1].id,
      });
      expect(second.nextCursor).toBeNull();
    });
  });
});
