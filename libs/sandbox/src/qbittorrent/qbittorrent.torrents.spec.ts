import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTorrentFile } from './qbittorrent.bencode';
import { QBITTORRENT_VERSIONS } from './qbittorrent.constants';
import { startQbittorrentEmulator, type RunningQbittorrentEmulator } from './qbittorrent.emulator';
import { MAGNET, MAGNET_HASH, QbtTestClient } from './qbittorrent.test-client';

const INFO_FIELDS = [
  'added_on',
  'amount_left',
  'auto_tmm',
  'availability',
  'category',
  'completed',
  'completion_on',
  'content_path',
  'dl_limit',
  'dlspeed',
  'download_path',
  'downloaded',
  'downloaded_session',
  'eta',
  'f_l_piece_prio',
  'force_start',
  'hash',
  'infohash_v1',
  'infohash_v2',
  'last_activity',
  'magnet_uri',
  'max_ratio',
  'max_seeding_time',
  'name',
  'num_complete',
  'num_incomplete',
  'num_leechs',
  'num_seeds',
  'priority',
  'progress',
  'ratio',
  'ratio_limit',
  'save_path',
  'seeding_time',
  'seeding_time_limit',
  'seen_complete',
  'seq_dl',
  'size',
  'state',
  'super_seeding',
  'tags',
  'time_active',
  'total_size',
  'tracker',
  'trackers_count',
  'up_limit',
  'uploaded',
  'uploaded_session',
  'upspeed',
];

function torrentForm(bytes: Uint8Array, filename: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('torrents', new Blob([bytes], { type: 'application/x-bittorrent' }), filename);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

describe('qBittorrent emulator torrents', () => {
  const root = mkdtempSync(join(tmpdir(), 'qbt-torrents-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe.each(QBITTORRENT_VERSIONS)('version %s', (version) => {
    const modern = version === '5.2.0';
    const stopWording = version !== '4.5.2';
    let qbt: RunningQbittorrentEmulator;
    let client: QbtTestClient;

    beforeEach(async () => {
      // A long download keeps the magnet in metaDL for the whole test.
      qbt = await startQbittorrentEmulator({ version, downloadRoot: join(root, version), downloadMs: 600_000 });
      client = new QbtTestClient(qbt.url);
      await client.login();
    });
    afterEach(() => qbt.close());

    it('adds a magnet once and refuses the duplicate', async () => {
      // Act
      const first = await client.post('/api/v2/torrents/add', {
        urls: MAGNET,
        category: 'radarr',
        tags: 'media-acq,test',
      });
      const again = await client.post('/api/v2/torrents/add', { urls: MAGNET });

      // Assert
      if (modern) {
        expect(first.status).toBe(200);
        expect(await first.json()).toEqual({
          success_count: 1,
          failure_count: 0,
          pending_count: 0,
          added_torrent_ids: [MAGNET_HASH],
        });
        expect(again.status).toBe(409);
        expect(await again.json()).toEqual({
          success_count: 0,
          failure_count: 1,
          pending_count: 0,
          added_torrent_ids: [],
        });
      } else {
        expect([first.status, await first.text()]).toEqual([200, 'Ok.']);
        expect([again.status, await again.text()]).toEqual([200, 'Fails.']);
      }
      expect((await client.info()).map((torrent) => torrent['hash'])).toEqual([MAGNET_HASH]);
    });

    it('reports a fresh magnet in metaDL with the full field set', async () => {
      // Arrange
      await client.post('/api/v2/torrents/add', { urls: MAGNET, category: 'radarr', tags: 'media-acq,test' });

      // Act
      const torrent = await client.one(MAGNET_HASH);

      // Assert
      expect(Object.keys(torrent)).toEqual(expect.arrayContaining(INFO_FIELDS));
      expect(torrent).toMatchObject({
        hash: MAGNET_HASH,
        name: 'Some.Movie.2019.1080p.BluRay.x264',
        state: 'metaDL',
        progress: 0,
        eta: 8640000,
        total_size: -1,
        content_path: '',
        save_path: join(root, version),
        category: 'radarr',
        tags: 'media-acq, test',
      });
      expect('isPrivate' in torrent).toBe(version !== '4.5.2');
      expect(await (await client.get(`/api/v2/torrents/files?hash=${MAGNET_HASH}`)).json()).toEqual([]);
    });

    it('adds a .torrent file part and lists its files relative to the save path', async () => {
      // Arrange
      const torrent = buildTorrentFile({ name: 'Other.Movie.2020.720p.WEB-DL', length: 3_000_000 });

      // Act
      const res = await client.post(
        '/api/v2/torrents/add',
        torrentForm(torrent.bytes, 'other.torrent', { savepath: join(root, 'custom') }),
      );
      const info = await client.one(torrent.hash);
      const files = (await (await client.get(`/api/v2/torrents/files?hash=${torrent.hash}`)).json()) as Record<
        string,
        unknown
      >[];

      // Assert
      expect(res.status).toBe(200);
      expect(info).toMatchObject({
        state: 'downloading',
        total_size: 3_000_000,
        size: 3_000_000,
        save_path: join(root, 'custom'),
      });
      expect(info['content_path']).toBe(join(root, 'custom', 'Other.Movie.2020.720p.WEB-DL'));
      expect(files.map((file) => file['name'])).toEqual([
        'Other.Movie.2020.720p.WEB-DL/Other.Movie.2020.720p.WEB-DL.mkv',
        'Other.Movie.2020.720p.WEB-DL/Sample/Other.Movie.2020.720p.WEB-DL-sample.mkv',
      ]);
      expect(files[0]).toEqual(expect.objectContaining({ index: 0, priority: 1, is_seed: false, piece_range: [0, 0] }));
    });

    it('answers 415 for a file part that is not a torrent, and adds nothing', async () => {
      // Act
      const res = await client.post(
        '/api/v2/torrents/add',
        torrentForm(new TextEncoder().encode('hello'), 'notes.txt', { urls: MAGNET }),
      );

      // Assert
      expect(res.status).toBe(415);
      expect(await res.text()).toBe("Error: 'notes.txt' is not a valid torrent file.");
      expect(await client.info()).toEqual([]);
    });

    it('answers 405 to GET torrents/add and Fails./409 to an empty add', async () => {
      // Act
      const get = await client.get('/api/v2/torrents/add');
      const empty = await client.post('/api/v2/torrents/add', { urls: '' });

      // Assert
      expect(get.status).toBe(405);
      expect(empty.status).toBe(modern ? 409 : 200);
      if (!modern) expect(await empty.text()).toBe('Fails.');
    });

    it(`pauses and resumes with ${stopWording ? 'stop/start' : 'pause/resume'} and 404s the other pair`, async () => {
      // Arrange
      await client.post('/api/v2/torrents/add', { urls: MAGNET });
      const [pause, resume] = stopWording ? ['stop', 'start'] : ['pause', 'resume'];
      const [wrongPause, wrongResume] = stopWording ? ['pause', 'resume'] : ['stop', 'start'];

      // Act
      const paused = await client.post(`/api/v2/torrents/${pause}`, { hashes: MAGNET_HASH });
      const pausedState = (await client.one(MAGNET_HASH))['state'];
      const filtered = await client.info(`?filter=${stopWording ? 'stopped' : 'paused'}`);
      const resumed = await client.post(`/api/v2/torrents/${resume}`, { hashes: 'all' });
      const resumedState = (await client.one(MAGNET_HASH))['state'];
      const wrong = await client.post(`/api/v2/torrents/${wrongPause}`, { hashes: MAGNET_HASH });
      const wrongToo = await client.post(`/api/v2/torrents/${wrongResume}`, { hashes: MAGNET_HASH });

      // Assert
      expect([paused.status, await paused.text()]).toEqual([200, '']);
      expect(pausedState).toBe(stopWording ? 'stoppedDL' : 'pausedDL');
      expect(filtered).toHaveLength(1);
      expect(resumed.status).toBe(200);
      expect(resumedState).toBe('metaDL');
      expect([wrong.status, await wrong.text()]).toEqual([404, 'Not Found']);
      expect(wrongToo.status).toBe(404);
    });

    it(`adds stopped with "${stopWording ? 'stopped' : 'paused'}=true"`, async () => {
      // Act
      await client.post('/api/v2/torrents/add', { urls: MAGNET, [stopWording ? 'stopped' : 'paused']: 'true' });

      // Assert
      expect((await client.one(MAGNET_HASH))['state']).toBe(stopWording ? 'stoppedDL' : 'pausedDL');
    });
  });

  describe('delete, categories and queries', () => {
    let qbt: RunningQbittorrentEmulator;
    let client: QbtTestClient;

    beforeEach(async () => {
      qbt = await startQbittorrentEmulator({ downloadRoot: join(root, 'misc'), downloadMs: 600_000 });
      client = new QbtTestClient(qbt.url);
      await client.login();
    });
    afterEach(() => qbt.close());

    it('requires deleteFiles, and ignores unknown hashes', async () => {
      // Arrange
      await client.post('/api/v2/torrents/add', { urls: MAGNET });

      // Act
      const missing = await client.post('/api/v2/torrents/delete', { hashes: MAGNET_HASH });
      const unknown = await client.post('/api/v2/torrents/delete', { hashes: 'f'.repeat(40), deleteFiles: 'false' });
      const stillThere = await client.info();
      const deleted = await client.post('/api/v2/torrents/delete', { hashes: MAGNET_HASH, deleteFiles: 'false' });

      // Assert
      expect([missing.status, await missing.text()]).toEqual([400, 'Bad Request']);
      expect(unknown.status).toBe(200);
      expect(stillThere).toHaveLength(1);
      expect(deleted.status).toBe(200);
      expect(await client.info()).toEqual([]);
    });

    it('answers 404 for files and properties of an unknown hash', async () => {
      // Act
      const files = await client.get(`/api/v2/torrents/files?hash=${'e'.repeat(40)}`);
      const properties = await client.get(`/api/v2/torrents/properties?hash=${'e'.repeat(40)}`);

      // Assert
      expect(files.status).toBe(404);
      expect(properties.status).toBe(404);
    });

    it('creates, lists and assigns categories with qBittorrent’s 409s', async () => {
      // Arrange
      await client.post('/api/v2/torrents/add', { urls: MAGNET });

      // Act
      const created = await client.post('/api/v2/torrents/createCategory', {
        category: 'radarr',
        savePath: join(root, 'movies'),
      });
      const duplicate = await client.post('/api/v2/torrents/createCategory', { category: 'radarr' });
      const empty = await client.post('/api/v2/torrents/createCategory', { category: '' });
      const unknown = await client.post('/api/v2/torrents/setCategory', { hashes: MAGNET_HASH, category: 'nope' });
      const assigned = await client.post('/api/v2/torrents/setCategory', { hashes: MAGNET_HASH, category: 'radarr' });
      const categories = await (await client.get('/api/v2/torrents/categories')).json();

      // Assert
      expect(created.status).toBe(200);
      expect([duplicate.status, await duplicate.text()]).toEqual([409, 'Unable to create category']);
      expect(empty.status).toBe(400);
      expect([unknown.status, await unknown.text()]).toEqual([409, 'Incorrect category name']);
      expect(assigned.status).toBe(200);
      expect(categories).toEqual({ radarr: { name: 'radarr', savePath: join(root, 'movies') } });
      expect(await client.info('?category=radarr')).toHaveLength(1);
    });

    it('uses the category path only with autoTMM=true', async () => {
      // Arrange
      await client.post('/api/v2/torrents/createCategory', { category: 'radarr', savePath: join(root, 'movies') });
      const managed = buildTorrentFile({ name: 'Managed.Movie.2021', length: 1000 });
      const unmanaged = buildTorrentFile({ name: 'Unmanaged.Movie.2021', length: 1000 });

      // Act
      await client.post(
        '/api/v2/torrents/add',
        torrentForm(managed.bytes, 'a.torrent', { category: 'radarr', autoTMM: 'true' }),
      );
      await client.post('/api/v2/torrents/add', torrentForm(unmanaged.bytes, 'b.torrent', { category: 'radarr' }));

      // Assert
      expect((await client.one(managed.hash))['save_path']).toBe(join(root, 'movies'));
      expect((await client.one(unmanaged.hash))['save_path']).toBe(join(root, 'misc'));
    });

    it('filters by hashes and tag, sorts, and pages', async () => {
      // Arrange
      const a = buildTorrentFile({ name: 'A.Movie', length: 300 });
      const b = buildTorrentFile({ name: 'B.Movie', length: 100 });
      await client.post('/api/v2/torrents/add', torrentForm(a.bytes, 'a.torrent', { tags: 'keep' }));
      await client.post('/api/v2/torrents/add', torrentForm(b.bytes, 'b.torrent'));
      await client.post('/api/v2/torrents/add', { urls: MAGNET, tags: 'keep' });

      // Act
      const byHashes = await client.info(`?hashes=${a.hash}|${b.hash.toUpperCase()}`);
      const byTag = await client.info('?tag=keep&sort=name');
      const paged = await client.info('?sort=name&reverse=true&limit=1&offset=1');

      // Assert
      expect(byHashes.map((t) => t['name']).sort()).toEqual(['A.Movie', 'B.Movie']);
      expect(byTag.map((t) => t['name'])).toEqual(['A.Movie', 'Some.Movie.2019.1080p.BluRay.x264']);
      expect(paged.map((t) => t['name'])).toEqual(['B.Movie']);
    });

    it('keeps a multi-file torrent’s own paths', async () => {
      // Arrange
      const torrent = buildTorrentFile({
        name: 'Pack.2022',
        files: [
          { path: ['Pack.2022.mkv'], length: 5000 },
          { path: ['Subs', 'en.srt'], length: 10 },
        ],
      });

      // Act
      await client.post('/api/v2/torrents/add', torrentForm(torrent.bytes, 'pack.torrent'));
      const files = (await (await client.get(`/api/v2/torrents/files?hash=${torrent.hash}`)).json()) as {
        name: string;
      }[];

      // Assert
      expect(files.map((file) => file.name)).toEqual(['Pack.2022/Pack.2022.mkv', 'Pack.2022/Subs/en.srt']);
      expect((await client.one(torrent.hash))['total_size']).toBe(5010);
    });
  });
});
