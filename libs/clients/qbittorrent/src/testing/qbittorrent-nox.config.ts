import { pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * qBittorrent's `Utils::Password::PBKDF2` format: PBKDF2-HMAC-SHA512, 100 000 iterations, 16-byte
 * salt, 64-byte key, stored as `@ByteArray(<b64 salt>:<b64 key>)` (research notes §2.5).
 */
export function qbittorrentPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const key = pbkdf2Sync(password, salt, 100_000, 64, 'sha512');
  return `@ByteArray(${salt.toString('base64')}:${key.toString('base64')})`;
}

export interface NoxConfig {
  webUiPort: number;
  torrentPort: number;
  username: string;
  password: string;
  downloadsDir: string;
}

/**
 * `qBittorrent.conf` for a test instance: loopback only, DHT/LSD/PeX and port forwarding off (no
 * traffic leaves the machine), the legal notice accepted, and no brute-force ban
 * (`MaxAuthenticationFailCount=0`) so wrong-password tests cannot lock the runner out.
 */
export function noxConfig(config: NoxConfig): string {
  return [
    '[LegalNotice]',
    'Accepted=true',
    '[BitTorrent]',
    `Session\\DefaultSavePath=${config.downloadsDir}`,
    `Session\\Port=${config.torrentPort}`,
    'Session\\Interface=lo',
    'Session\\InterfaceName=lo',
    'Session\\InterfaceAddress=127.0.0.1',
    'Session\\DHTEnabled=false',
    'Session\\LSDEnabled=false',
    'Session\\PeXEnabled=false',
    '[Network]',
    'PortForwardingEnabled=false',
    '[Preferences]',
    'WebUI\\Enabled=true',
    'WebUI\\Address=127.0.0.1',
    `WebUI\\Port=${config.webUiPort}`,
    `WebUI\\Username=${config.username}`,
    `WebUI\\Password_PBKDF2="${qbittorrentPasswordHash(config.password)}"`,
    'WebUI\\LocalHostAuth=true',
    'WebUI\\CSRFProtection=true',
    'WebUI\\HostHeaderValidation=true',
    'WebUI\\UseUPnP=false',
    'WebUI\\MaxAuthenticationFailCount=0',
    'General\\Locale=en',
    '',
  ].join('\n');
}
