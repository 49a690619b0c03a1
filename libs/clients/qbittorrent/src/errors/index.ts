export * from './qbittorrent-auth.error';
export * from './qbittorrent-banned.error';
export * from './qbittorrent-add.error';
export * from './qbittorrent-invalid-torrent.error';
