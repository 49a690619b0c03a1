import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QBITTORRENT_VERSIONS, type QbittorrentVersion } from './qbittorrent.constants';
import { QBITTORRENT_CONTROL_PREFIX } from './qbittorrent.control';
import { startQbittorrentEmulator, type RunningQbittorrentEmulator } from './qbittorrent.emulator';
import { QbtTestClient } from './qbittorrent.test-client';

const LOGIN_SHAPES: Record<
  QbittorrentVersion,
  { ok: number; okBody: string; fail: number; failBody: string; webapi: string }
> = {
  '4.5.2': { ok: 200, okBody: 'Ok.', fail: 200, failBody: 'Fails.', webapi: '2.8.19' },
  '5.0.0': { ok: 200, okBody: 'Ok.', fail: 200, failBody: 'Fails.', webapi: '2.11.2' },
  '5.2.0': { ok: 204, okBody: '', fail: 401, failBody: '', webapi: '2.15.1' },
};

describe('qBittorrent emulator auth', () => {
  const root = mkdtempSync(join(tmpdir(), 'qbt-auth-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe.each(QBITTORRENT_VERSIONS)('version %s', (version) => {
    const shape = LOGIN_SHAPES[version];
    let qbt: RunningQbittorrentEmulator;
    let client: QbtTestClient;

    beforeEach(async () => {
      qbt = await startQbittorrentEmulator({ version, downloadRoot: root, maxAuthFailCount: 0 });
      client = new QbtTestClient(qbt.url);
    });
    afterEach(() => qbt.close());

    it('logs in with the version’s status, body and cookie name', async () => {
      // Act
      const res = await client.login();

      // Assert
      expect(res.status).toBe(shape.ok);
      expect(await res.text()).toBe(shape.okBody);
      const cookieName = version === '5.2.0' ? `QBT_SID_${qbt.port}` : 'SID';
      expect(res.headers.get('set-cookie')).toMatch(
        new RegExp(`^${cookieName}=[^;]{16,}; HttpOnly; path=/; SameSite=Strict$`),
      );
    });

    it('refuses a wrong password with the version’s answer and no cookie', async () => {
      // Act
      const res = await client.login('admin', 'wrong');

      // Assert
      expect(res.status).toBe(shape.fail);
      expect(await res.text()).toBe(shape.failBody);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('answers 403 Forbidden without a session and serves the versions with one', async () => {
      // Act
      const anonymous = await client.get('/api/v2/app/version');
      await client.login();
      const version_ = await client.get('/api/v2/app/version');
      const webapi = await client.get('/api/v2/app/webapiVersion');

      // Assert
      expect(anonymous.status).toBe(403);
      expect(await anonymous.text()).toBe('Forbidden');
      expect(await version_.text()).toBe(`v${version}`);
      expect(await webapi.text()).toBe(shape.webapi);
    });

    it('answers 401 Unauthorized when Referer or Origin names another host', async () => {
      // Arrange
      await client.login();

      // Act
      const referer = await client.get('/api/v2/app/version', { referer: 'http://evil.example:9999/' });
      const origin = await client.get('/api/v2/app/version', { origin: 'http://evil.example:9999' });
      const sameHost = await client.get('/api/v2/app/version', { referer: `${qbt.url}/` });

      // Assert
      expect([referer.status, await referer.text()]).toEqual([401, 'Unauthorized']);
      expect(origin.status).toBe(401);
      expect(sameHost.status).toBe(200);
    });

    it('forgets the session on logout', async () => {
      // Arrange
      await client.login();

      // Act
      const logout = await client.post('/api/v2/auth/logout');
      const after = await client.get('/api/v2/app/version');

      // Assert
      expect(logout.status).toBe(200);
      expect(after.status).toBe(403);
    });
  });

  describe('sessions and bans', () => {
    let qbt: RunningQbittorrentEmulator | undefined;
    afterEach(async () => {
      await qbt?.close();
      qbt = undefined;
    });

    it('drops every session on expire-sessions', async () => {
      // Arrange
      qbt = await startQbittorrentEmulator({ downloadRoot: root });
      const client = new QbtTestClient(qbt.url);
      await client.login();

      // Act
      const expire = await fetch(`${qbt.url}${QBITTORRENT_CONTROL_PREFIX}/expire-sessions`, { method: 'POST' });
      const after = await client.get('/api/v2/app/version');
      await client.login();
      const relogged = await client.get('/api/v2/app/version');

      // Assert
      expect(expire.status).toBe(204);
      expect(after.status).toBe(403);
      expect(relogged.status).toBe(200);
    });

    it('bans the IP after maxAuthFailCount failures, even for the right password', async () => {
      // Arrange
      qbt = await startQbittorrentEmulator({ downloadRoot: root, maxAuthFailCount: 2 });
      const client = new QbtTestClient(qbt.url);
      const first = await client.login('admin', 'wrong');
      const second = await client.login('admin', 'wrong');

      // Act
      const banned = await client.login();

      // Assert
      expect(await first.text()).toBe('Fails.');
      expect(await second.text()).toBe('Fails.');
      expect(banned.status).toBe(403);
      expect(await banned.text()).toBe(
        'Your IP address has been banned after too many failed authentication attempts.',
      );
    });

    it('lifts the ban after banMs', async () => {
      // Arrange
      qbt = await startQbittorrentEmulator({ downloadRoot: root, maxAuthFailCount: 1, banMs: 50 });
      const client = new QbtTestClient(qbt.url);
      await client.login('admin', 'wrong');
      const banned = await client.login();
      await new Promise((resolve) => setTimeout(resolve, 80));

      // Act
      const res = await client.login();

      // Assert
      expect(banned.status).toBe(403);
      expect(res.status).toBe(200);
    });

    it('never bans when maxAuthFailCount is 0', async () => {
      // Arrange
      qbt = await startQbittorrentEmulator({ downloadRoot: root, maxAuthFailCount: 0 });
      const client = new QbtTestClient(qbt.url);
      for (let i = 0; i < 8; i++) await client.login('admin', 'wrong');

      // Act
      const res = await client.login();

      // Assert
      expect(res.status).toBe(200);
    });

    it('takes credentials from the options and accepts a multipart login', async () => {
      // Arrange
      qbt = await startQbittorrentEmulator({ downloadRoot: root, username: 'radarr', password: 's3cret' });
      const form = new FormData();
      form.set('username', 'radarr');
      form.set('password', 's3cret');

      // Act
      const res = await fetch(`${qbt.url}/api/v2/auth/login`, { method: 'POST', body: form });

      // Assert
      expect(await res.text()).toBe('Ok.');
    });
  });
});
