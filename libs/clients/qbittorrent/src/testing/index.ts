export * from './qbittorrent-nox.harness';
export { qbittorrentPasswordHash } from './qbittorrent-nox.config';
export { freePort } from './free-port';
export { buildTorrentFile, type TorrentFileFixture } from './torrent-file.fixture';
