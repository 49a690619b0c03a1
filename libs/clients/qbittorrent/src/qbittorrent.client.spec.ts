import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import type { AnsweredCall, Answers } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import type { FakeAnswer, FakeHttpClient } from '@keel/clients-core/testing';
import { QbittorrentAddError } from './errors/qbittorrent-add.error';
import { QbittorrentInvalidTorrentError } from './errors/qbittorrent-invalid-torrent.error';
import { QbittorrentClient } from './qbittorrent.client';
import { QBITTORRENT } from './qbittorrent.constants';
import { QbittorrentSession } from './qbittorrent.session';
import { buildTorrentFile } from './testing/torrent-file.fixture';

const HASH = '0123456789abcdef0123456789abcdef01234567';
const MAGNET = `magnet:?xt=urn:btih:${HASH}&dn=Dune.2021`;
const ID = HASH.toUpperCase();
const INFO = {
  hash: HASH,
  name: 'Dune.2021',
  state: 'downloading',
  progress: 0.5,
  eta: 60,
  size: 10,
  content_path: '/dl/Dune.2021',
  save_path: '/dl',
  category: 'movies',
  tags: 'keel',
};

/** The declared answers of each method, and the typed errors of everything else, over a fake transport. */
describe(QbittorrentClient.name, () => {
  let http: FakeHttpClient;
  let client: QbittorrentClient;
  /** What the endpoint under test answers; login and the WebAPI version always work. */
  let endpoint: (call: AnsweredCall<Answers>) => FakeAnswer;
  const calls = (path: string) => http.calls.filter((call) => call.path === `/api/v2/${path}`);

  beforeEach(() => {
    http = fakeHttpClient(QBITTORRENT).answerWith((call) => {
      if (call.path === '/api/v2/auth/login') return { status: 200, body: 'Ok.', headers: { 'set-cookie': 'SID=1' } };
      if (call.path === '/api/v2/app/webapiVersion') return { status: 200, body: '2.8.19' };
      return endpoint(call);
    });
    const session = new QbittorrentSession(http.client, { username: 'u', password: 'p', sessionMaxAgeMs: 60_000 });
    client = new QbittorrentClient(session, {
      username: 'u',
      password: 'p',
      sessionMaxAgeMs: 60_000,
      dhtEnabled: true,
    });
  });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  describe('versions', () => {
    it('reads 200 text as the app version, beside the WebAPI version', async () => {
      // Arrange
      endpoint = () => ({ status: 200, body: 'v4.5.2\n' });

      // Act + Assert
      expect(await client.versions()).toEqual({ app: 'v4.5.2', webApi: '2.8.19' });
    });
  });

  describe('addTorrent', () => {
    it('reads 200 Ok. as added, sending the magnet with the 4.x `paused` field', async () => {
      // Arrange
      endpoint = () => ({ status: 200, body: 'Ok.' });

      // Act
      const result = await client.addTorrent({ urls: [MAGNET], category: 'movies' });

      // Assert
      expect(result).toEqual({ id: ID, duplicate: false });
      const [add] = calls('torrents/add');
      expect(add).toMatchObject({ operation: 'addTorrent', method: 'POST', headers: { cookie: 'SID=1' } });
      expect(String(add.body)).toContain('paused=false');
    });

    it('reads 5.2’s 202 JSON count with a pending torrent as added, sending .torrent bytes as multipart', async () => {
      // Arrange
      const torrent = buildTorrentFile('Arrival.2016.mkv');
      endpoint = () => ({ status: 202, body: { success_count: 0, failure_count: 0, pending_count: 1 } });

      // Act
      const result = await client.addTorrent({ torrent: torrent.bytes });

      // Assert
      expect(result).toEqual({ id: torrent.infoHash, duplicate: false });
      expect(calls('torrents/add')[0].body).toBeInstanceOf(FormData);
    });

    it.each([
      ['200 Fails.', { status: 200, body: 'Fails.' }],
      ['5.2’s 409', { status: 409, body: { success_count: 0, failure_count: 1, pending_count: 0 } }],
    ])('reads %s for a torrent already listed as a duplicate', async (_label, answer) => {
      // Arrange
      endpoint = (call) => (call.path === '/api/v2/torrents/info' ? { status: 200, body: [INFO] } : answer);

      // Act
      const result = await client.addTorrent({ urls: [MAGNET] });

      // Assert
      expect(result).toEqual({ id: ID, duplicate: true });
      expect(calls('torrents/info')[0].query).toMatchObject({ hashes: HASH });
    });

    it('throws QbittorrentAddError when nothing was added and the torrent is not listed', async () => {
      // Arrange
      endpoint = (call) =>
        call.path === '/api/v2/torrents/info' ? { status: 200, body: [] } : { status: 200, body: 'Fails.' };

      // Act
      const error = await failure(client.addTorrent({ urls: [MAGNET] }));

      // Assert
      expect(error).toBeInstanceOf(QbittorrentAddError);
      expect(error).toMatchObject({ infoHash: ID, body: 'Fails.' });
      expect(calls('torrents/info')).toHaveLength(3);
    });

    it('reads 415 as QbittorrentInvalidTorrentError with qBittorrent’s reason', async () => {
      // Arrange
      endpoint = () => ({ status: 415, body: "Error: 'x.torrent' is not a valid torrent file." });

      // Act
      const error = await failure(client.addTorrent({ urls: [MAGNET] }));

      // Assert
      expect(error).toBeInstanceOf(QbittorrentInvalidTorrentError);
      expect(error).toMatchObject({ status: 415, reason: "Error: 'x.torrent' is not a valid torrent file." });
    });

    it('turns another 4xx into QbittorrentAddError (a DownstreamRejectedError)', async () => {
      // Arrange
      endpoint = () => ({ status: 400, body: 'Bad Request' });

      // Act
      const error = await failure(client.addTorrent({ urls: [MAGNET] }));

      // Assert
      expect(error).toBeInstanceOf(QbittorrentAddError);
      expect(error).toBeInstanceOf(DownstreamRejectedError);
      expect(error).toMatchObject({ status: 400 });
    });

    it('turns a 200 body that is neither Ok., Fails. nor a count into DownstreamContractError', async () => {
      // Arrange
      endpoint = () => ({ status: 200, body: '<html>proxy error</html>' });

      // Act + Assert
      expect(await failure(client.addTorrent({ urls: [MAGNET] }))).toBeInstanceOf(DownstreamContractError);
    });

    it('refuses a magnet without an info hash before calling qBittorrent', async () => {
      // Act
      const error = await failure(client.addTorrent({ urls: ['magnet:?dn=No.Hash'] }));

      // Assert
      expect(error).toBeInstanceOf(QbittorrentInvalidTorrentError);
      expect(error).toMatchObject({ status: 400 });
      expect(http.calls).toHaveLength(0);
    });
  });

  describe('list', () => {
    it('reads 200 as items with Radarr’s status, asking by category and lower-case hashes', async () => {
      // Arrange
      endpoint = () => ({ status: 200, body: [INFO] });

      // Act
      const items = await client.list({ category: 'movies', hashes: [ID] });

      // Assert
      expect(items).toMatchObject([{ id: ID, hash: HASH, status: 'Downloading', progress: 0.5, tags: ['keel'] }]);
      expect(calls('torrents/info')[0].query).toEqual({ category: 'movies', hashes: HASH });
    });

    it('turns a list none of whose entries has a hash into DownstreamContractError', async () => {
      // Arrange
      endpoint = () => ({ status: 200, body: [{ name: 'no hash' }] });

      // Act
      const error = await failure(client.list());

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual(['body: no entry has a hash']);
    });

    it('turns a 5xx into DownstreamUnavailableError', async () => {
      // Arrange
      endpoint = () => ({ status: 503 });

      // Act + Assert
      expect(await failure(client.list())).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('remove', () => {
    it('reads 200 as done, sending deleteFiles, and sends nothing for no ids', async () => {
      // Arrange
      endpoint = () => ({ status: 200, body: '' });

      // Act
      await client.remove([ID], true);
      await client.remove([], true);

      // Assert
      const [remove] = calls('torrents/delete');
      expect(String(remove.body)).toBe(`hashes=${HASH}&deleteFiles=true`);
      expect(remove.idempotencyKey).toEqual(expect.any(String));
      expect(calls('torrents/delete')).toHaveLength(1);
    });

    it('turns a 400 into DownstreamRejectedError', async () => {
      // Arrange
      endpoint = () => ({ status: 400, body: 'Bad Request' });

      // Act + Assert
      expect(await failure(client.remove([ID], false))).toBeInstanceOf(DownstreamRejectedError);
    });
  });

  describe('ensureCategory', () => {
    it.each([
      [200, true],
      [409, false],
    ])('reads %i as created=%p', async (status, created) => {
      // Arrange
      endpoint = () => ({ status, body: status === 409 ? 'Unable to create category' : '' });

      // Act + Assert
      expect(await client.ensureCategory('movies', '/dl/movies')).toEqual({ created });
      expect(String(calls('torrents/createCategory')[0].body)).toBe('category=movies&savePath=%2Fdl%2Fmovies');
    });

    it('turns a 400 into DownstreamRejectedError', async () => {
      // Arrange
      endpoint = () => ({ status: 400, body: 'Bad Request' });

      // Act + Assert
      expect(await failure(client.ensureCategory('movies'))).toBeInstanceOf(DownstreamRejectedError);
    });
  });
});
