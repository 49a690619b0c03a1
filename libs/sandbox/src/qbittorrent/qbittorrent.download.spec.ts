import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTorrentFile } from './qbittorrent.bencode';
import { QBITTORRENT_CONTROL_PREFIX } from './qbittorrent.control';
import { startQbittorrentEmulator, type RunningQbittorrentEmulator } from './qbittorrent.emulator';
import { createQbittorrentStore } from './qbittorrent.store';
import { MAGNET, MAGNET_HASH, QbtTestClient, until } from './qbittorrent.test-client';

const MAIN = 'Some.Movie.2019.1080p.BluRay.x264/Some.Movie.2019.1080p.BluRay.x264.mkv';

describe('qBittorrent emulator downloads', () => {
  const root = mkdtempSync(join(tmpdir(), 'qbt-download-'));
  let qbt: RunningQbittorrentEmulator | undefined;
  afterEach(async () => {
    await qbt?.close();
    qbt = undefined;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function start(downloadMs: number, version: '4.5.2' | '5.0.0' | '5.2.0' = '4.5.2'): Promise<QbtTestClient> {
    qbt = await startQbittorrentEmulator({ version, downloadMs, downloadRoot: mkdtempSync(join(root, 'dl-')) });
    const client = new QbtTestClient(qbt.url);
    await client.login();
    return client;
  }
  const control = (path: string, body?: unknown) =>
    fetch(`${qbt?.url}${QBITTORRENT_CONTROL_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it.each(['4.5.2', '5.2.0'] as const)(
    'completes on the control endpoint with its files on disk under content_path (%s)',
    async (version) => {
      // Arrange
      const client = await start(600_000, version);
      await client.post('/api/v2/torrents/add', { urls: MAGNET });

      // Act
      const res = await control(`/torrents/${MAGNET_HASH.toUpperCase()}/complete`);
      const torrent = await client.one(MAGNET_HASH);

      // Assert
      expect(res.status).toBe(204);
      expect(torrent).toMatchObject({
        state: 'uploading',
        progress: 1,
        eta: 0,
        amount_left: 0,
        total_size: 1_500_000_000,
      });
      expect(torrent['completion_on']).toBeGreaterThan(0);
      const contentPath = String(torrent['content_path']);
      expect(contentPath).toBe(join(String(torrent['save_path']), 'Some.Movie.2019.1080p.BluRay.x264'));
      expect(statSync(join(contentPath, 'Some.Movie.2019.1080p.BluRay.x264.mkv')).size).toBe(2 * 1024 * 1024);
      expect(statSync(join(contentPath, 'Sample', 'Some.Movie.2019.1080p.BluRay.x264-sample.mkv')).size).toBe(
        64 * 1024,
      );
    },
  );

  it('grows the file on disk while progress climbs, then finishes by itself', async () => {
    // Arrange
    const client = await start(1_500);
    const torrent = buildTorrentFile({ name: 'Growing.Movie.2020', length: 50_000_000 });
    const form = new FormData();
    form.append('torrents', new Blob([torrent.bytes]), 'growing.torrent');
    await client.post('/api/v2/torrents/add', form);
    const file = join(qbt?.downloadRoot ?? '', 'Growing.Movie.2020', 'Growing.Movie.2020.mkv');

    // Act
    const midway = await until(
      () => client.one(torrent.hash),
      (t) => Number(t['progress']) > 0 && Number(t['progress']) < 1,
    );
    const sizeMidway = statSync(file).size;
    const done = await until(
      () => client.one(torrent.hash),
      (t) => t['state'] === 'uploading',
    );

    // Assert
    expect(midway['state']).toBe('downloading');
    expect(Number(midway['dlspeed'])).toBeGreaterThan(0);
    expect(sizeMidway).toBeLessThan(2 * 1024 * 1024);
    expect(done['progress']).toBe(1);
    expect(statSync(file).size).toBe(2 * 1024 * 1024);
  });

  it('freezes progress while paused', async () => {
    // Arrange
    const client = await start(600_000);
    await client.post('/api/v2/torrents/add', { urls: MAGNET });
    await client.post('/api/v2/torrents/pause', { hashes: MAGNET_HASH });
    const before = await client.one(MAGNET_HASH);
    await new Promise((resolve) => setTimeout(resolve, 30));

    // Act
    const after = await client.one(MAGNET_HASH);

    // Assert
    expect(after['state']).toBe('pausedDL');
    expect(after['progress']).toBe(before['progress']);
    expect(after['eta']).toBe(8640000);
  });

  it('pins a torrent to a failure state until it is cleared', async () => {
    // Arrange
    const client = await start(600_000);
    await client.post('/api/v2/torrents/add', { urls: MAGNET });

    // Act
    const pinned = await control(`/torrents/${MAGNET_HASH}/state`, { state: 'error' });
    const errored = await client.info('?filter=errored');
    const invalid = await control(`/torrents/${MAGNET_HASH}/state`, { state: 'exploded' });
    const unknown = await control(`/torrents/${'a'.repeat(40)}/state`, { state: 'missingFiles' });
    await control(`/torrents/${MAGNET_HASH}/state`, { state: null });
    const cleared = await client.one(MAGNET_HASH);

    // Assert
    expect(await pinned.json()).toEqual({ hash: MAGNET_HASH, state: 'error' });
    expect(errored.map((t) => t['state'])).toEqual(['error']);
    expect(invalid.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(cleared['state']).toBe('metaDL');
  });

  it('removes the files with deleteFiles=true', async () => {
    // Arrange
    const client = await start(600_000);
    await client.post('/api/v2/torrents/add', { urls: MAGNET });
    qbt?.completeTorrent(MAGNET_HASH);
    const contentPath = String((await client.one(MAGNET_HASH))['content_path']);
    const existedBefore = existsSync(join(contentPath, 'Some.Movie.2019.1080p.BluRay.x264.mkv'));

    // Act
    const res = await client.post('/api/v2/torrents/delete', { hashes: MAGNET_HASH, deleteFiles: 'true' });

    // Assert
    expect(res.status).toBe(200);
    expect(existedBefore).toBe(true);
    expect(existsSync(contentPath)).toBe(false);
    expect(existsSync(qbt?.downloadRoot ?? '')).toBe(true);
  });

  it('keeps torrents across a restart on the same port while the old session gets 403', async () => {
    // Arrange
    const store = createQbittorrentStore();
    const downloadRoot = mkdtempSync(join(root, 'restart-'));
    const first = await startQbittorrentEmulator({ store, downloadRoot, downloadMs: 600_000 });
    const client = new QbtTestClient(first.url);
    await client.login();
    await client.post('/api/v2/torrents/add', { urls: MAGNET, category: 'radarr' });
    const port = first.port;
    await first.close();

    // Act
    qbt = await startQbittorrentEmulator({ store, downloadRoot, downloadMs: 600_000, port });
    // fetch's pool may still hold a socket of the closed server; like a real client, retry once on that.
    const stale = await client.get('/api/v2/torrents/info').catch(() => client.get('/api/v2/torrents/info'));
    await client.login();
    const torrents = await client.info();
    const categories = await (await client.get('/api/v2/torrents/categories')).json();

    // Assert
    expect(stale.status).toBe(403);
    expect(torrents.map((t) => [t['hash'], t['category']])).toEqual([[MAGNET_HASH, 'radarr']]);
    expect(categories).toEqual({ radarr: { name: 'radarr', savePath: '' } });
  });

  it('reports files with per-file progress once metadata is known', async () => {
    // Arrange
    const client = await start(600_000);
    await client.post('/api/v2/torrents/add', { urls: MAGNET });
    qbt?.completeTorrent(MAGNET_HASH);

    // Act
    const files = (await (await client.get(`/api/v2/torrents/files?hash=${MAGNET_HASH}`)).json()) as Record<
      string,
      unknown
    >[];
    const properties = (await (await client.get(`/api/v2/torrents/properties?hash=${MAGNET_HASH}`)).json()) as Record<
      string,
      unknown
    >;

    // Assert
    expect(files.map((f) => [f['name'], f['progress'], f['is_seed']])).toEqual([
      [MAIN, 1, true],
      ['Some.Movie.2019.1080p.BluRay.x264/Sample/Some.Movie.2019.1080p.BluRay.x264-sample.mkv', 1, true],
    ]);
    expect(properties).toMatchObject({ save_path: qbt?.downloadRoot, total_size: 1_500_000_000, eta: 0 });
  });

  it('fetches http urls: .torrent bytes, and a 301 to a magnet', async () => {
    // Arrange
    const client = await start(600_000);
    const torrent = buildTorrentFile({ name: 'Indexer.Movie.2018', length: 7_000 });
    const indexer = createServer((req, res) => {
      if (req.url === '/file.torrent')
        res.writeHead(200, { 'content-type': 'application/x-bittorrent' }).end(torrent.bytes);
      else res.writeHead(301, { location: MAGNET }).end();
    });
    await new Promise<void>((resolve) => indexer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(indexer.address() as AddressInfo).port}`;

    try {
      // Act
      const res = await client.post('/api/v2/torrents/add', { urls: `${base}/file.torrent\n${base}/magnet` });
      const hashes = (await client.info('?sort=name')).map((t) => t['hash']);

      // Assert
      expect(await res.text()).toBe('Ok.');
      expect(hashes).toEqual([torrent.hash, MAGNET_HASH]);
    } finally {
      indexer.closeAllConnections();
      await new Promise((resolve) => indexer.close(resolve));
    }
  });
});
