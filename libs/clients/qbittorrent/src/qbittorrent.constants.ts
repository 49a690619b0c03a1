/** The downstream's name: its policy, its metrics label and its `QBITTORRENT_SERVICE_*` variables. */
export const QBITTORRENT = 'qbittorrent';

/** Injection token of the options read from the environment at module start. */
export const QBITTORRENT_OPTIONS = 'KEEL:QBITTORRENT_OPTIONS';

/** qBittorrent ≤ 4.6.0's (and the sandbox's) default WebUI credentials. */
export const QBITTORRENT_DEFAULT_USERNAME = 'admin';
export const QBITTORRENT_DEFAULT_PASSWORD = 'adminadmin';

/** Radarr renews nothing proactively; we do, well before qBittorrent's default 3600 s session timeout. */
export const QBITTORRENT_DEFAULT_SESSION_MAX_AGE_MS = 30 * 60_000;

/** WebAPI version from which `torrents/add`'s `paused` field became `stopped` (qBittorrent 5.0). */
export const QBITTORRENT_STOP_START_API = '2.11.0';

/** `eta` qBittorrent reports for "infinite". */
export const QBITTORRENT_INFINITE_ETA = 8_640_000;
