import type { HttpAnswer, HttpCall } from '@keel/clients-core';
import { QbittorrentAuthError } from './errors/qbittorrent-auth.error';
import { QbittorrentBannedError } from './errors/qbittorrent-banned.error';
import { QbittorrentSession } from './qbittorrent.session';
import type { SessionTransport } from './qbittorrent.session';

/**
 * A ResilientHttpClient-shaped fake of qBittorrent's auth rules: login hands out `SID=s<n>`, and
 * every other call answers 403 unless it carries the current cookie.
 */
class FakeQbittorrent implements SessionTransport {
  readonly calls: HttpCall[] = [];
  loginAnswer: (n: number) => HttpAnswer = (n) => ({
    status: 200,
    headers: { 'set-cookie': [`SID=s${n}; HttpOnly; path=/`, 'extra=1; path=/'] },
    text: 'Ok.',
  });
  webApi = '2.8.19';
  loginGate: Promise<void> = Promise.resolve();
  private issued = 0;

  get logins(): HttpCall[] {
    return this.calls.filter((c) => c.path === '/api/v2/auth/login');
  }

  /** Ends every session, as a restart or logout does. */
  expire(): void {
    this.issued += 1000;
  }

  async send(call: HttpCall): Promise<HttpAnswer> {
    this.calls.push(call);
    if (call.path === '/api/v2/auth/login') {
      await this.loginGate;
      this.issued += 1;
      return this.loginAnswer(this.issued);
    }
    if (call.headers?.['cookie'] !== `SID=s${this.issued}; extra=1`)
      return { status: 403, headers: {}, text: 'Forbidden' };
    return { status: 200, headers: {}, text: call.path === '/api/v2/app/webapiVersion' ? this.webApi : 'v4.5.2' };
  }
}

const VERSION: HttpCall = { operation: 'appVersion', path: '/api/v2/app/version' };
const options = { username: 'admin', password: 's3cret', sessionMaxAgeMs: 60_000 };

describe(QbittorrentSession.name, () => {
  it('logs in with form fields and then sends every cookie it got, and never Origin or Referer', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    const session = new QbittorrentSession(fake, options);

    // Act
    const answer = await session.send(VERSION);

    // Assert
    expect(answer).toMatchObject({ status: 200, text: 'v4.5.2' });
    const [login, call] = fake.calls;
    expect(login).toMatchObject({ method: 'POST', path: '/api/v2/auth/login' });
    expect(String(login.body)).toBe('username=admin&password=s3cret');
    expect(call.headers).toEqual({ cookie: 'SID=s1; extra=1' });
    expect(session.logins).toBe(1);
  });

  it('shares one in-flight login among concurrent callers', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    let open!: () => void;
    fake.loginGate = new Promise((resolve) => (open = resolve));
    const session = new QbittorrentSession(fake, options);

    // Act
    const pending = Promise.all(Array.from({ length: 5 }, () => session.send(VERSION)));
    await new Promise((resolve) => setImmediate(resolve));
    open();
    const answers = await pending;

    // Assert
    expect(fake.logins).toHaveLength(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('on a 403 logs in again once and retries once, even for concurrent callers', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    const session = new QbittorrentSession(fake, options);
    await session.send(VERSION);
    fake.expire();

    // Act
    const answers = await Promise.all(Array.from({ length: 4 }, () => session.send(VERSION)));

    // Assert
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(fake.logins).toHaveLength(2);
    expect(session.logins).toBe(2);
  });

  it('returns a second 403 instead of looping', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = () => ({ status: 200, headers: {}, text: 'Ok.' });
    const session = new QbittorrentSession(fake, options);

    // Act
    const answer = await session.send(VERSION);

    // Assert
    expect(answer.status).toBe(403);
    expect(fake.logins).toHaveLength(2);
    expect(fake.calls).toHaveLength(4);
  });

  it('renews a session older than sessionMaxAgeMs before the call', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    let now = 1_000_000;
    const session = new QbittorrentSession(fake, { ...options, now: () => now });
    await session.send(VERSION);
    now += 59_999;
    await session.send(VERSION);

    // Act
    now += 2;
    await session.send(VERSION);

    // Assert
    expect(fake.logins).toHaveLength(2);
    expect(
      fake.calls.filter((c) => c.path !== '/api/v2/auth/login').every((c) => c.headers?.['cookie'] !== undefined),
    ).toBe(true);
    expect(fake.calls.filter((c) => c.path !== '/api/v2/auth/login')).toHaveLength(3);
  });

  it('accepts the 204 of qBittorrent 5.2 as a successful login', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = (n) => ({ status: 204, headers: { 'set-cookie': [`SID=s${n}`, 'extra=1'] }, text: '' });
    const session = new QbittorrentSession(fake, options);

    // Act
    const answer = await session.send(VERSION);

    // Assert
    expect(answer.status).toBe(200);
  });

  it.each([
    ['200 "Fails."', { status: 200, headers: {}, text: 'Fails.' }, 200],
    ['401', { status: 401, headers: {}, text: 'Unauthorized' }, 401],
  ])('throws QbittorrentAuthError (503 for our caller) on a %s login', async (_label, answer, loginStatus) => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = () => answer;
    const session = new QbittorrentSession(fake, options);

    // Act
    const error = await session.send(VERSION).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(QbittorrentAuthError);
    expect((error as QbittorrentAuthError).httpStatus).toBe(503);
    expect((error as QbittorrentAuthError).loginStatus).toBe(loginStatus);
    expect((error as Error).message).not.toContain('s3cret');
    expect(fake.calls).toHaveLength(1);
  });

  it('throws QbittorrentBannedError on a 403 at login, and tries again on the next call', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = () => ({
      status: 403,
      headers: {},
      text: 'Your IP address has been banned after too many failed authentication attempts.',
    });
    const session = new QbittorrentSession(fake, options);

    // Act
    const first = await session.send(VERSION).catch((e: unknown) => e);
    const second = await session.send(VERSION).catch((e: unknown) => e);

    // Assert
    expect(first).toBeInstanceOf(QbittorrentBannedError);
    expect(second).toBeInstanceOf(QbittorrentBannedError);
    expect(fake.logins).toHaveLength(2);
  });

  it('detects the WebAPI dialect once per session, and again after a re-login', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    const session = new QbittorrentSession(fake, options);
    const before = await session.dialect();
    await session.dialect();
    fake.webApi = '2.11.2';
    fake.expire();
    await session.send(VERSION);

    // Act
    const after = await session.dialect();

    // Assert
    expect(before.addStoppedField).toBe('paused');
    expect(after.addStoppedField).toBe('stopped');
    expect(fake.calls.filter((c) => c.path === '/api/v2/app/webapiVersion' && c.headers?.['cookie'])).toHaveLength(2);
  });
});
