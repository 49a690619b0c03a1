import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const INCEPTION = { title: 'Inception', year: 2010, imdbId: 'tt1375666', tmdbId: 27205 };

/**
 * Issue 13 §2: a Prowlarr of another version leaves optional fields out of its answers. The search
 * still ranks releases instead of failing with 502 "answered outside its contract".
 */
describe('media-acquisition against a Prowlarr that omits optional fields (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed();
  });

  afterAll(async () => {
    await bed?.indexers.resetOmittedFields();
    await bed?.close();
  });

  it('ranks a search when indexers lack supportsSearch/priority, releases indexerFlags/size/categories', async () => {
    // Arrange: set before the first search, so the indexer list the app caches is the skewed one.
    await bed.indexers.omitFields({
      indexer: ['supportsSearch', 'priority', 'privacy', 'protocol'],
      release: ['indexerFlags', 'size', 'categories', 'publishDate', 'ageHours'],
    });
    const created = await bed.call('POST', '/api/v1/movies', INCEPTION);
    expect(created.status).toBe(201);

    // Act
    const search = await bed.call('POST', `/api/v1/movies/${created.body.id as string}/search`);

    // Assert
    expect(search.status).toBe(200);
    const releases = search.body.releases as {
      approved: boolean;
      rank?: number;
      indexerFlags: string[];
      size: number;
    }[];
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.filter((r) => r.approved).map((r) => r.rank)).toEqual(
      releases.filter((r) => r.approved).map((_, i) => i + 1),
    );
    expect(releases[0]).toMatchObject({ approved: true, rank: 1, indexerFlags: [], size: 0 });
  });
});
