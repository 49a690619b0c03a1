import { execFile, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { noxConfig } from './qbittorrent-nox.config';

const BINARY = 'qbittorrent-nox';
const INSTALL_HINT = 'apt-get install -y qbittorrent-nox';
const READY_TIMEOUT_MS = 25_000;
const STOP_TIMEOUT_MS = 5_000;

export interface StartQbittorrentNoxOptions {
  username?: string;
  password?: string;
}

export interface RunningQbittorrentNox {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  profileDir: string;
  downloadsDir: string;
  version: string;
  /** Kills the process and removes the profile. */
  stop(): Promise<void>;
  /** Kills and starts it again on the same port and profile: every session ends. */
  restart(): Promise<void>;
}

/** The binary to run: `QBITTORRENT_NOX_BIN` (a path, e.g. to try another release) or `qbittorrent-nox` on PATH. */
export function qbittorrentNoxBinary(): string {
  return process.env['QBITTORRENT_NOX_BIN']?.trim() || BINARY;
}

/** `qbittorrent-nox --version`, e.g. `qBittorrent v4.5.2`; undefined when it is not installed. */
export function qbittorrentNoxVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(qbittorrentNoxBinary(), ['--version'], { timeout: 10_000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    );
  });
}

export async function qbittorrentNoxAvailable(): Promise<boolean> {
  return (await qbittorrentNoxVersion()) !== undefined;
}

/**
 * Whether a suite can run against the real qbittorrent-nox here. A laptop without it skips the suite
 * with a one-line notice (a newcomer's `npm ci && npm test` needs nothing installed by hand); CI
 * (`CI=true`, which `.ci/run` sets after installing it) must have it, so there its absence fails.
 */
export function qbittorrentNoxForTests(suite: string): boolean {
  const binary = qbittorrentNoxBinary();
  if (spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0) return true;
  if (process.env['CI'] === 'true') throw new Error(`${suite} needs ${binary} in CI (${INSTALL_HINT})`);
  process.stderr.write(`[${suite}] skipped: ${binary} is not installed (${INSTALL_HINT} to run it; CI always does)\n`);
  return false;
}

/**
 * A real headless qBittorrent on loopback (research notes §2.5), in its own throw-away profile.
 * Starting to ready takes about 0.65 s.
 */
export async function startQbittorrentNox(options: StartQbittorrentNoxOptions = {}): Promise<RunningQbittorrentNox> {
  const version = await qbittorrentNoxVersion();
  if (!version) throw new Error(`${qbittorrentNoxBinary()} is not installed: ${INSTALL_HINT}`);
  const profileDir = mkdtempSync(join(tmpdir(), 'qbt-profile-'));
  const downloadsDir = join(profileDir, 'downloads');
  mkdirSync(join(profileDir, 'qBittorrent', 'config'), { recursive: true });
  mkdirSync(downloadsDir);
  const webUiPort = await freePort();
  const torrentPort = await freePort();
  const config = {
    webUiPort,
    torrentPort,
    username: options.username ?? 'admin',
    password: options.password ?? 'adminadmin',
    downloadsDir,
  };
  writeFileSync(join(profileDir, 'qBittorrent', 'config', 'qBittorrent.conf'), noxConfig(config));
  const url = `http://127.0.0.1:${webUiPort}`;
  // 5.x needs the flag to run headless; 4.5 does not know it and skips the prompt without a TTY.
  const args = [
    `--profile=${profileDir}`,
    `--webui-port=${webUiPort}`,
    ...(/v[5-9]\./.test(version) ? ['--confirm-legal-notice'] : []),
  ];
  const logPath = join(profileDir, 'stdout.log');

  let child: ChildProcess | undefined;
  const launch = async () => {
    const log = openSync(logPath, 'a');
    child = spawn(qbittorrentNoxBinary(), args, { stdio: ['ignore', log, log] });
    closeSync(log);
    await waitUntilReady(url, child, logPath);
  };
  const kill = async () => {
    if (child) await killProcess(child);
    child = undefined;
  };

  try {
    await launch();
  } catch (error) {
    await kill();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    profileDir,
    downloadsDir,
    version,
    stop: async () => {
      await kill();
      rmSync(profileDir, { recursive: true, force: true });
    },
    restart: async () => {
      await kill();
      await launch();
    },
  };
}

/** Polls the one path that answers (403) without a session, until the WebUI listens. */
async function waitUntilReady(url: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `${BINARY} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${safeRead(logPath)}`,
      );
    try {
      await fetch(`${url}/api/v2/app/webapiVersion`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${BINARY} did not answer on ${url} within ${READY_TIMEOUT_MS} ms:\n${safeRead(logPath)}`);
}

/** SIGTERM, then SIGKILL if it has not exited within STOP_TIMEOUT_MS. */
function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '(no output)';
  }
}
