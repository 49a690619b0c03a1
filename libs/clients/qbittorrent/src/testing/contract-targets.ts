import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QBITTORRENT_CONTROL_PREFIX, WEBAPI_VERSIONS, startQbittorrentEmulator } from '@keel/sandbox';
import type { QbittorrentVersion } from '@keel/sandbox';
import { startQbittorrentNox } from './qbittorrent-nox.harness';

/** One qBittorrent the shared contract suite runs against. */
export interface ContractTarget {
  url: string;
  /** The `app/webapiVersion` it must report; undefined when any x.y.z will do. */
  webApi: string | undefined;
  /** Ends every session the way this target can (restart, or the emulator's control API). */
  endSessions(): Promise<void>;
  stop(): Promise<void>;
}

export interface TargetCredentials {
  username: string;
  password: string;
}

/** WebAPI of the qbittorrent-nox releases CI may install (Debian 12 ships 4.5.2). */
const NOX_WEBAPI: Record<string, string> = { 'qBittorrent v4.5.2': '2.8.19', 'qBittorrent v4.6.7': '2.9.3' };

export async function noxTarget(credentials: TargetCredentials): Promise<ContractTarget> {
  const nox = await startQbittorrentNox(credentials);
  // A restart ends every session, as it does in production (qBittorrent keeps them in memory only).
  return { url: nox.url, webApi: NOX_WEBAPI[nox.version], endSessions: () => nox.restart(), stop: () => nox.stop() };
}

export function emulatorTarget(version: QbittorrentVersion) {
  return async (credentials: TargetCredentials): Promise<ContractTarget> => {
    const downloadRoot = mkdtempSync(join(tmpdir(), 'qbt-emulator-'));
    // Long downloads: the suite must see torrents still downloading when it pauses them.
    const emulator = await startQbittorrentEmulator({
      port: 0,
      version,
      ...credentials,
      downloadRoot,
      downloadMs: 600_000,
    });
    return {
      url: emulator.url,
      webApi: WEBAPI_VERSIONS[version],
      endSessions: async () => {
        const response = await fetch(`${emulator.url}${QBITTORRENT_CONTROL_PREFIX}/expire-sessions`, {
          method: 'POST',
        });
        if (!response.ok) throw new Error(`expire-sessions answered ${response.status}`);
      },
      stop: async () => {
        await emulator.close();
        rmSync(downloadRoot, { recursive: true, force: true });
      },
    };
  };
}
