/**
 * The variables the emulators honour, read each time an emulator starts (not when a file loads), so
 * a test may set them first. An option passed to a `start…Emulator` wins over its variable.
 */
export interface EmulatorEnv {
  /** JWT_SECRET: the chat emulator signs and checks tokens with the services' secret. */
  jwtSecret: string | undefined;
  /** LLM_API_KEY, PROWLARR_API_KEY, TMDB_API_KEY: when set, the emulator accepts only that key. */
  llmApiKey: string | undefined;
  prowlarrApiKey: string | undefined;
  tmdbApiKey: string | undefined;
  /** QBITTORRENT_USERNAME, QBITTORRENT_PASSWORD: the Web UI login the emulator accepts. */
  qbittorrentUsername: string | undefined;
  qbittorrentPassword: string | undefined;
  /** QBITTORRENT_EMULATOR_VERSION: which qBittorrent release the emulator answers as (checked by the emulator). */
  qbittorrentVersion: string | undefined;
  /** SANDBOX_QBITTORRENT_DOWNLOAD_MS, SANDBOX_QBITTORRENT_DOWNLOAD_ROOT: the sandbox's simulated downloads. */
  qbittorrentDownloadMs: number | undefined;
  qbittorrentDownloadRoot: string | undefined;
}

export function readEmulatorEnv(env: NodeJS.ProcessEnv = process.env): EmulatorEnv {
  return {
    jwtSecret: env['JWT_SECRET'],
    llmApiKey: env['LLM_API_KEY'] || undefined,
    prowlarrApiKey: env['PROWLARR_API_KEY'] || undefined,
    tmdbApiKey: env['TMDB_API_KEY'] || undefined,
    qbittorrentUsername: env['QBITTORRENT_USERNAME'],
    qbittorrentPassword: env['QBITTORRENT_PASSWORD'],
    qbittorrentVersion: env['QBITTORRENT_EMULATOR_VERSION'],
    // 0 or not a number means "unset", as before.
    qbittorrentDownloadMs: Number(env['SANDBOX_QBITTORRENT_DOWNLOAD_MS']) || undefined,
    qbittorrentDownloadRoot: env['SANDBOX_QBITTORRENT_DOWNLOAD_ROOT'] || undefined,
  };
}
