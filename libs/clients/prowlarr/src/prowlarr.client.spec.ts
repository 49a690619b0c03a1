import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import type { FakeHttpClient } from '@keel/clients-core/testing';
import { ProwlarrIndexersUnavailableError } from './errors/prowlarr-indexers-unavailable.error';
import { ProwlarrReleaseGoneError } from './errors/prowlarr-release-gone.error';
import { ProwlarrClient } from './prowlarr.client';
import { PROWLARR } from './prowlarr.constants';

const PROWLARR_URL = 'http://prowlarr.test:9696';
const MATRIX = { query: 'The Matrix', imdbId: 'tt0133093', categories: [2000] };
const RELEASE = {
  guid: 'https://1337x.to/torrent/1/x/',
  title: 'The.Matrix.1999.1080p.BluRay.x264-AMIABLE',
  size: 9_341_553_459,
  indexerId: 1,
  indexer: '1337x',
  protocol: 'torrent',
  imdbId: 133093,
};
const LINK = `${PROWLARR_URL}/1/download?apikey=secret&link=abc&file=x`;
const MAGNET = 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567';

/** The declared answers of each method, and the typed errors of everything else, over a fake transport. */
describe(ProwlarrClient.name, () => {
  let http: FakeHttpClient;
  let client: ProwlarrClient;

  beforeEach(() => {
    // The client maps download links onto the configured Prowlarr, so the fake carries its URL.
    http = Object.assign(fakeHttpClient(PROWLARR), { config: { urls: [PROWLARR_URL] } });
    client = new ProwlarrClient(http.client, 'api-key');
  });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  describe('search', () => {
    it('reads 200 as releases, sending the ids as tokens and the key as a header only', async () => {
      // Arrange
      http.answer(200, [RELEASE]);

      // Act
      const releases = await client.search(MATRIX);

      // Assert
      expect(releases).toMatchObject([{ guid: RELEASE.guid, imdbId: 'tt0133093', protocol: 'torrent' }]);
      expect(http.calls[0]).toMatchObject({
        operation: 'search',
        path: '/api/v1/search',
        query: { query: '{ImdbId:tt0133093} The Matrix', type: 'movie', categories: [2000] },
        headers: { 'x-api-key': 'api-key' },
      });
    });

    it('reads 400 as ProwlarrIndexersUnavailableError with Prowlarr’s message', async () => {
      // Arrange
      http.answer(400, { message: 'Search failed due to all selected indexers being unavailable' });

      // Act
      const error = await failure(client.search(MATRIX));

      // Assert
      expect(error).toBeInstanceOf(ProwlarrIndexersUnavailableError);
      expect((error as Error).message).toBe('Search failed due to all selected indexers being unavailable');
    });

    it('reads a 400 without Prowlarr’s message (a bare validation array) with a message of its own', async () => {
      // Arrange
      http.answer(400, [{ propertyName: 'IndexerIds', errorMessage: 'x' }]);

      // Act
      const error = await failure(client.search(MATRIX));

      // Assert
      expect(error).toBeInstanceOf(ProwlarrIndexersUnavailableError);
      expect((error as Error).message).toBe('all selected indexers are unavailable');
    });

    it('turns a 401 (wrong key) into DownstreamRejectedError', async () => {
      // Arrange
      http.answer(401, '');

      // Act
      const error = await failure(client.search(MATRIX));

      // Assert
      expect(error).toBeInstanceOf(DownstreamRejectedError);
      expect(error).toMatchObject({ status: 401 });
    });

    it('turns a body that is not a list of releases into DownstreamContractError', async () => {
      // Arrange
      http.answer(200, { message: 'not a list' });

      // Act
      const error = await failure(client.search(MATRIX));

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual(['body: expected array, got object']);
    });

    it('turns a 5xx into DownstreamUnavailableError', async () => {
      // Arrange
      http.answer(500, { message: 'boom' });

      // Act + Assert
      expect(await failure(client.search(MATRIX))).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('recentReleases', () => {
    it('reads 200 as the indexer’s newest releases, asking with an empty type=search query', async () => {
      // Arrange
      http.answer(200, [RELEASE]);

      // Act
      const releases = await client.recentReleases({ indexerId: 2, categories: [2000], limit: 50 });

      // Assert
      expect(releases).toHaveLength(1);
      expect(http.calls[0]).toMatchObject({
        operation: 'recentReleases',
        query: { query: '', type: 'search', indexerIds: [2], categories: [2000], limit: 50 },
      });
    });

    it('reads 400 as ProwlarrIndexersUnavailableError', async () => {
      // Arrange
      http.answer(400, '');

      // Act
      const error = await failure(client.recentReleases({ indexerId: 2, categories: [2000] }));

      // Assert
      expect(error).toBeInstanceOf(ProwlarrIndexersUnavailableError);
      expect((error as Error).message).toBe('the indexer is unavailable');
    });

    it('turns a list none of whose entries is a release into DownstreamContractError', async () => {
      // Arrange
      http.answer(200, [{ guid: 'x' }, 42]);

      // Act
      const error = await failure(client.recentReleases({ indexerId: 2, categories: [2000] }));

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual(['body: no release has a title']);
    });
  });

  describe('listIndexers', () => {
    it('reads 200 as indexers, defaulting what an entry leaves out', async () => {
      // Arrange
      http.answer(200, [{ id: 1, name: '1337x', priority: 10 }, { id: 2 }]);

      // Act
      const indexers = await client.listIndexers();

      // Assert
      expect(indexers).toMatchObject([
        { id: 1, name: '1337x', priority: 10, enable: true },
        { id: 2, name: 'Indexer 2', priority: 25 },
      ]);
      expect(http.calls[0]).toMatchObject({ operation: 'listIndexers', path: '/api/v1/indexer' });
    });

    it('turns a 400 into DownstreamRejectedError: only a search declares it', async () => {
      // Arrange
      http.answer(400, { message: 'x' });

      // Act + Assert
      expect(await failure(client.listIndexers())).toBeInstanceOf(DownstreamRejectedError);
    });

    it('turns entries none of which has an id into DownstreamContractError', async () => {
      // Arrange
      http.answer(200, [{ name: 'a' }]);

      // Act + Assert
      expect(await failure(client.listIndexers())).toBeInstanceOf(DownstreamContractError);
    });
  });

  describe('resolveDownload', () => {
    it('reads 200 as the .torrent bytes, calling the configured Prowlarr without the key in the query', async () => {
      // Arrange
      const bytes = Buffer.from('d8:announce0:e');
      http.answer(200, bytes);

      // Act
      const download = await client.resolveDownload({ title: 'x', downloadUrl: LINK });

      // Assert
      expect(download).toEqual({ kind: 'torrent', bytes });
      expect(http.calls[0]).toMatchObject({
        operation: 'resolveDownload',
        path: '/1/download',
        query: { link: 'abc', file: 'x' },
        headers: { 'x-api-key': 'api-key' },
      });
      expect(http.calls[0].query).not.toHaveProperty('apikey');
    });

    it('reads a 301 to a magnet as the magnet', async () => {
      // Arrange
      http.answer(301, '', { location: MAGNET });

      // Act
      const download = await client.resolveDownload({ title: 'x', magnetUrl: LINK });

      // Assert
      expect(download).toEqual({ kind: 'magnet', uri: MAGNET });
    });

    it('follows a 302 to another Prowlarr link, then reads its bytes', async () => {
      // Arrange
      const bytes = Buffer.from('d4:infod4:name1:xee');
      http.answerWith((call) =>
        call.path === '/1/download'
          ? { status: 302, headers: { location: '/2/download?link=def' } }
          : { status: 200, body: bytes },
      );

      // Act
      const download = await client.resolveDownload({ title: 'x', downloadUrl: LINK });

      // Assert
      expect(download).toEqual({ kind: 'torrent', bytes });
      expect(http.calls.map((call) => call.path)).toEqual(['/1/download', '/2/download']);
    });

    it.each([404, 410])('reads %i as ProwlarrReleaseGoneError', async (status) => {
      // Arrange
      http.answer(status, '<error code="410" description="gone"/>');

      // Act
      const error = await failure(client.resolveDownload({ title: 'Gone.2020', downloadUrl: LINK }));

      // Assert
      expect(error).toBeInstanceOf(ProwlarrReleaseGoneError);
      expect(error).toMatchObject({ status, releaseTitle: 'Gone.2020' });
    });

    it('turns a redirect without a Location into DownstreamContractError', async () => {
      // Arrange
      http.answer(301, '');

      // Act + Assert
      expect(await failure(client.resolveDownload({ title: 'x', downloadUrl: LINK }))).toBeInstanceOf(
        DownstreamContractError,
      );
    });

    it('turns a 401 into DownstreamRejectedError', async () => {
      // Arrange
      http.answer(401, '');

      // Act + Assert
      expect(await failure(client.resolveDownload({ title: 'x', downloadUrl: LINK }))).toBeInstanceOf(
        DownstreamRejectedError,
      );
    });

    it('refuses a link outside Prowlarr, and endless redirects, as DownstreamContractError', async () => {
      // Arrange
      http.answer(302, '', { location: LINK });

      // Act
      const foreign = await failure(client.resolveDownload({ title: 'x', downloadUrl: 'http://tracker.invalid/1' }));
      const endless = await failure(client.resolveDownload({ title: 'x', downloadUrl: LINK }));

      // Assert
      expect(foreign).toBeInstanceOf(DownstreamContractError);
      expect(endless).toBeInstanceOf(DownstreamContractError);
      expect(http.calls).toHaveLength(3);
    });
  });
});
