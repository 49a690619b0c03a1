import type { ProwlarrClient, ProwlarrDownload } from '@keel/clients-prowlarr';
import type { AddTorrentRequest, QbittorrentClient } from '@keel/clients-qbittorrent';
import { aMediaConfig, aProwlarrRelease } from '../testing';
import { TorrentSender } from './torrent.sender';

function setup(link: ProwlarrDownload = { kind: 'magnet', uri: 'magnet:?xt=urn:btih:abc' }) {
  const prowlarr = { resolveDownload: jest.fn(async () => link) };
  const qbittorrent = {
    ensureCategory: jest.fn(async () => undefined),
    addTorrent: jest.fn(async (_request: AddTorrentRequest) => ({ id: 'ABC', duplicate: false })),
    remove: jest.fn(async () => undefined),
  };
  const sender = new TorrentSender(
    prowlarr as unknown as ProwlarrClient,
    qbittorrent as unknown as QbittorrentClient,
    aMediaConfig({ category: 'keel-movies' }),
  );
  return { sender, prowlarr, qbittorrent };
}

describe(TorrentSender.name, () => {
  it('adds a magnet in our category with our tag, unpaused', async () => {
    // Arrange
    const { sender, qbittorrent } = setup();

    // Act
    const added = await sender.send(aProwlarrRelease());

    // Assert
    expect(added).toEqual({ id: 'ABC', duplicate: false });
    expect(qbittorrent.addTorrent).toHaveBeenCalledWith({
      category: 'keel-movies',
      tags: ['keel'],
      paused: false,
      urls: ['magnet:?xt=urn:btih:abc'],
    });
  });

  it('uploads a .torrent file named after the release', async () => {
    // Arrange
    const bytes = Buffer.from('d4:infod4:name3:abcee');
    const { sender, qbittorrent } = setup({ kind: 'torrent', bytes });

    // Act
    await sender.send(aProwlarrRelease({ title: 'Dune.2021.1080p' }));

    // Assert
    expect(qbittorrent.addTorrent.mock.calls[0][0]).toMatchObject({
      torrent: bytes,
      fileName: 'Dune.2021.1080p.torrent',
    });
  });

  it('creates the category once per process, and again after a failed attempt', async () => {
    // Arrange
    const { sender, qbittorrent } = setup();
    qbittorrent.ensureCategory.mockRejectedValueOnce(new Error('qBittorrent is down'));

    // Act
    const failed = await sender.send(aProwlarrRelease()).catch((error: Error) => error);
    await sender.send(aProwlarrRelease());
    await sender.send(aProwlarrRelease());

    // Assert
    expect((failed as Error).message).toBe('qBittorrent is down');
    expect(qbittorrent.ensureCategory).toHaveBeenCalledTimes(2);
    expect(qbittorrent.addTorrent).toHaveBeenCalledTimes(2);
  });

  it('removes a torrent, with its files when asked', async () => {
    // Arrange
    const { sender, qbittorrent } = setup();

    // Act
    await sender.remove('ABC', true);

    // Assert
    expect(qbittorrent.remove).toHaveBeenCalledWith(['ABC'], true);
  });
});
