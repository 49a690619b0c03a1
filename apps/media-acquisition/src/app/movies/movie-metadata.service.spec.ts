import { BadRequestException } from '@nestjs/common';
import type { TmdbClient } from '@keel/clients-tmdb';
import { MovieMetadataService } from './movie-metadata.service';

const ARRIVAL = { title: 'Arrival', year: 2016, imdbId: 'tt2543164', runtimeMinutes: 116 };

/** `null`: TMDB knows no such movie. */
function setup(movie: object | null = ARRIVAL) {
  const tmdb = { movie: jest.fn(async () => movie ?? undefined) };
  return { service: new MovieMetadataService(tmdb as unknown as TmdbClient), tmdb };
}

describe(MovieMetadataService.name, () => {
  it('does not ask TMDB when the caller gives title and year', async () => {
    // Arrange
    const { service, tmdb } = setup();

    // Act
    const movie = await service.complete({ title: 'Dune', year: 2021, tmdbId: 438631 });

    // Assert
    expect(movie).toEqual({ title: 'Dune', year: 2021, tmdbId: 438631 });
    expect(tmdb.movie).not.toHaveBeenCalled();
  });

  it('fills what the caller left out from TMDB, and keeps what the caller gave', async () => {
    // Arrange
    const { service, tmdb } = setup();

    // Act
    const movie = await service.complete({ tmdbId: 329865, year: 2017, runtimeMinutes: 120 });

    // Assert
    expect(tmdb.movie).toHaveBeenCalledWith(329865);
    expect(movie).toEqual({ tmdbId: 329865, title: 'Arrival', year: 2017, imdbId: 'tt2543164', runtimeMinutes: 120 });
  });

  it('answers 400 without a title, year or tmdbId, for a movie TMDB does not know, and for one yearless', async () => {
    // Arrange
    const unknown = setup(null);
    const undated = setup({ title: 'Untitled Project' });

    // Act
    const answers = await Promise.all(
      [
        setup().service.complete({ title: 'Dune' }),
        unknown.service.complete({ tmdbId: 1 }),
        undated.service.complete({ tmdbId: 2 }),
      ].map((p) => p.catch((error: Error) => error)),
    );

    // Assert
    for (const answer of answers) expect(answer).toBeInstanceOf(BadRequestException);
    expect((answers[1] as Error).message).toBe('TMDB knows no movie with tmdbId 1');
    expect((answers[2] as Error).message).toMatch(/^TMDB has no release date for 'Untitled Project'/);
  });

  it('lets TMDB’s own failures pass through', async () => {
    // Arrange
    const { service, tmdb } = setup();
    const down = new Error('TMDB is unavailable');
    tmdb.movie.mockRejectedValueOnce(down);

    // Act
    const complete = service.complete({ tmdbId: 3 });

    // Assert
    await expect(complete).rejects.toBe(down);
  });
});
