import { PIECE_SIZE, type QbittorrentVersion } from './qbittorrent.constants';
import type { TorrentSnapshot } from './qbittorrent.progress';
import type { QbtTorrent } from './qbittorrent.types';

export type TorrentInfo = Record<string, string | number | boolean>;

/** One `torrents/info` entry with the field set seen on 4.5.2 (media-acquisition-notes §2.3). */
export function toInfo(
  torrent: QbtTorrent,
  view: TorrentSnapshot,
  version: QbittorrentVersion,
  now: number,
): TorrentInfo {
  const size = view.hasMetadata ? torrent.totalSize : 0;
  const completed = Math.floor(size * view.progress);
  const nowSeconds = Math.floor(now / 1000);
  const info: TorrentInfo = {
    added_on: torrent.addedOn,
    amount_left: size - completed,
    auto_tmm: torrent.autoTmm,
    availability: view.hasMetadata ? 1 : 0,
    category: torrent.category,
    completed,
    completion_on: torrent.completionOn ?? -1,
    // Empty until the files are known, as the live 4.5.2 run showed for a magnet in metaDL.
    content_path: view.hasMetadata ? torrent.contentPath : '',
    dl_limit: -1,
    dlspeed: view.dlspeed,
    download_path: '',
    downloaded: completed,
    downloaded_session: completed,
    eta: view.eta,
    f_l_piece_prio: false,
    force_start: false,
    hash: torrent.hash,
    infohash_v1: torrent.hash,
    infohash_v2: '',
    last_activity: view.dlspeed > 0 ? nowSeconds : torrent.addedOn,
    magnet_uri: torrent.magnetUri,
    max_ratio: -1,
    max_seeding_time: -1,
    name: torrent.name,
    num_complete: 0,
    num_incomplete: 0,
    num_leechs: 0,
    num_seeds: view.dlspeed > 0 ? 1 : 0,
    priority: view.complete ? 0 : 1,
    progress: view.progress,
    ratio: 0,
    ratio_limit: -2,
    save_path: torrent.savePath,
    seeding_time: torrent.completionOn === null ? 0 : Math.max(0, nowSeconds - torrent.completionOn),
    seeding_time_limit: -2,
    seen_complete: torrent.completionOn ?? -1,
    seq_dl: false,
    size,
    state: view.state,
    super_seeding: false,
    tags: torrent.tags.join(', '),
    time_active: Math.max(0, nowSeconds - torrent.addedOn),
    total_size: view.hasMetadata ? torrent.totalSize : -1,
    tracker: '',
    trackers_count: 0,
    up_limit: -1,
    uploaded: 0,
    uploaded_session: 0,
    upspeed: 0,
  };
  if (version !== '4.5.2') {
    info['isPrivate'] = false;
    info['reannounce'] = 0;
  }
  return info;
}

/** `torrents/files`: empty before metadata, names relative to the save path. */
export function toFiles(torrent: QbtTorrent, view: TorrentSnapshot): object[] {
  if (!view.hasMetadata) return [];
  let firstPiece = 0;
  return torrent.files.map((file, index) => {
    const pieces = Math.max(1, Math.ceil(file.size / PIECE_SIZE));
    const range = [firstPiece, firstPiece + pieces - 1];
    firstPiece += pieces;
    return {
      index,
      name: file.path,
      size: file.size,
      progress: view.progress,
      priority: 1,
      is_seed: view.complete,
      piece_range: range,
      availability: view.complete ? 1 : view.progress,
    };
  });
}

export function toProperties(torrent: QbtTorrent, view: TorrentSnapshot, now: number): object {
  const size = view.hasMetadata ? torrent.totalSize : -1;
  const piecesNum = view.hasMetadata ? Math.max(1, Math.ceil(torrent.totalSize / PIECE_SIZE)) : -1;
  const downloaded = view.hasMetadata ? Math.floor(torrent.totalSize * view.progress) : 0;
  return {
    save_path: torrent.savePath,
    download_path: '',
    creation_date: torrent.addedOn,
    piece_size: view.hasMetadata ? PIECE_SIZE : -1,
    comment: '',
    total_wasted: 0,
    total_uploaded: 0,
    total_uploaded_session: 0,
    total_downloaded: downloaded,
    total_downloaded_session: downloaded,
    up_limit: -1,
    dl_limit: -1,
    time_elapsed: Math.max(0, Math.floor(now / 1000) - torrent.addedOn),
    seeding_time: torrent.completionOn === null ? 0 : Math.max(0, Math.floor(now / 1000) - torrent.completionOn),
    nb_connections: view.dlspeed > 0 ? 1 : 0,
    nb_connections_limit: 100,
    share_ratio: 0,
    addition_date: torrent.addedOn,
    completion_date: torrent.completionOn ?? -1,
    created_by: '',
    dl_speed_avg: view.dlspeed,
    dl_speed: view.dlspeed,
    eta: view.eta,
    last_seen: torrent.completionOn ?? -1,
    peers: 0,
    peers_total: 0,
    pieces_have: Math.floor(Math.max(piecesNum, 0) * view.progress),
    pieces_num: piecesNum,
    reannounce: 0,
    seeds: view.dlspeed > 0 ? 1 : 0,
    seeds_total: 0,
    total_size: size,
    up_speed_avg: 0,
    up_speed: 0,
    hash: torrent.hash,
    name: torrent.name,
  };
}
