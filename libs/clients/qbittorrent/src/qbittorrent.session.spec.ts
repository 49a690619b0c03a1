import { DownstreamContractError, DownstreamRejectedError, textAnswer } from '@keel/clients-core';
import type { AnsweredCall, Answers } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import type { FakeAnswer, FakeHttpClient } from '@keel/clients-core/testing';
import { QbittorrentAuthError } from './errors/qbittorrent-auth.error';
import { QbittorrentBannedError } from './errors/qbittorrent-banned.error';
import { QBITTORRENT } from './qbittorrent.constants';
import { QbittorrentSession } from './qbittorrent.session';
import type { SessionTransport } from './qbittorrent.session';

/**
 * qBittorrent's auth rules over the core's fake transport: login hands out `SID=s<n>`, and every
 * other call answers 403 unless it carries the current cookie. Login can be held at a gate.
 */
class FakeQbittorrent implements SessionTransport {
  readonly http: FakeHttpClient = fakeHttpClient(QBITTORRENT);
  loginAnswer: (n: number) => FakeAnswer = (n) => ({
    status: 200,
    // One cookie: the fake's headers are single strings (cookie-jar.spec covers several Set-Cookie lines).
    headers: { 'set-cookie': `SID=s${n}; HttpOnly; path=/` },
    body: 'Ok.',
  });
  webApi = '2.8.19';
  loginGate: Promise<void> = Promise.resolve();
  private issued = 0;

  constructor() {
    this.http.answerWith((call) => {
      if (call.path === '/api/v2/auth/login') return this.loginAnswer(this.issued);
      if (call.headers?.['cookie'] !== `SID=s${this.issued}`) return { status: 403, body: 'Forbidden' };
      return { status: 200, body: call.path === '/api/v2/app/webapiVersion' ? this.webApi : 'v4.5.2' };
    });
  }

  get calls(): AnsweredCall<Answers>[] {
    return this.http.calls;
  }

  get logins(): AnsweredCall<Answers>[] {
    return this.calls.filter((c) => c.path === '/api/v2/auth/login');
  }

  /** Ends every session, as a restart or logout does. */
  expire(): void {
    this.issued += 1000;
  }

  call: SessionTransport['call'] = async (call) => {
    if (call.path === '/api/v2/auth/login') {
      await this.loginGate;
      this.issued += 1;
    }
    return this.http.call(call);
  };
}

const version = (session: QbittorrentSession) =>
  session.call({ operation: 'appVersion', path: '/api/v2/app/version', answers: { 200: textAnswer() } });
const options = { username: 'admin', password: 's3cret', sessionMaxAgeMs: 60_000 };

describe(QbittorrentSession.name, () => {
  it('logs in with form fields and then sends the cookie it got, and never Origin or Referer', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    const session = new QbittorrentSession(fake, options);

    // Act
    const answer = await version(session);

    // Assert
    expect(answer).toEqual({ status: 200, body: 'v4.5.2' });
    const [login, call] = fake.calls;
    expect(login).toMatchObject({ method: 'POST', path: '/api/v2/auth/login' });
    expect(String(login.body)).toBe('username=admin&password=s3cret');
    expect(call.headers).toEqual({ cookie: 'SID=s1' });
    expect(session.logins).toBe(1);
  });

  it('shares one in-flight login among concurrent callers', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    let open!: () => void;
    fake.loginGate = new Promise((resolve) => (open = resolve));
    const session = new QbittorrentSession(fake, options);

    // Act
    const pending = Promise.all(Array.from({ length: 5 }, () => version(session)));
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
    await version(session);
    fake.expire();

    // Act
    const answers = await Promise.all(Array.from({ length: 4 }, () => version(session)));

    // Assert
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(fake.logins).toHaveLength(2);
    expect(session.logins).toBe(2);
  });

  it('throws a second 403 as DownstreamRejectedError instead of looping', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = () => ({ status: 200, body: 'Ok.' });
    const session = new QbittorrentSession(fake, options);

    // Act
    const error = await version(session).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect(error).toMatchObject({ status: 403 });
    expect(fake.logins).toHaveLength(2);
    expect(fake.calls).toHaveLength(4);
  });

  it('renews a session older than sessionMaxAgeMs before the call', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    let now = 1_000_000;
    const session = new QbittorrentSession(fake, { ...options, now: () => now });
    await version(session);
    now += 59_999;
    await version(session);

    // Act
    now += 2;
    await version(session);

    // Assert
    expect(fake.logins).toHaveLength(2);
    const others = fake.calls.filter((c) => c.path !== '/api/v2/auth/login');
    expect(others.every((c) => c.headers?.['cookie'] !== undefined)).toBe(true);
    expect(others).toHaveLength(3);
  });

  it('accepts the 204 of qBittorrent 5.2 as a successful login', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = (n) => ({ status: 204, headers: { 'set-cookie': `SID=s${n}` } });
    const session = new QbittorrentSession(fake, options);

    // Act
    const answer = await version(session);

    // Assert
    expect(answer.status).toBe(200);
  });

  it.each([
    ['200 "Fails."', { status: 200, body: 'Fails.' }, 200],
    ['401', { status: 401, body: 'Unauthorized' }, 401],
  ])('throws QbittorrentAuthError (503 for our caller) on a %s login', async (_label, answer, loginStatus) => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = () => answer;
    const session = new QbittorrentSession(fake, options);

    // Act
    const error = await version(session).catch((e: unknown) => e);

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
      body: 'Your IP address has been banned after too many failed authentication attempts.',
    });
    const session = new QbittorrentSession(fake, options);

    // Act
    const first = await version(session).catch((e: unknown) => e);
    const second = await version(session).catch((e: unknown) => e);

    // Assert
    expect(first).toBeInstanceOf(QbittorrentBannedError);
    expect((first as QbittorrentBannedError).detail).toMatch(/^Your IP address has been banned/);
    expect(second).toBeInstanceOf(QbittorrentBannedError);
    expect(fake.logins).toHaveLength(2);
  });

  it('turns another login status into DownstreamRejectedError', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.loginAnswer = () => ({ status: 400, body: 'Bad Request' });
    const session = new QbittorrentSession(fake, options);

    // Act
    const error = await version(session).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect(error).toMatchObject({ status: 400 });
  });

  it('detects the WebAPI dialect once per session, and again after a re-login', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    const session = new QbittorrentSession(fake, options);
    const before = await session.dialect();
    await session.dialect();
    fake.webApi = '2.11.2';
    fake.expire();
    await version(session);

    // Act
    const after = await session.dialect();

    // Assert
    expect(before.addStoppedField).toBe('paused');
    expect(after.addStoppedField).toBe('stopped');
    expect(fake.calls.filter((c) => c.path === '/api/v2/app/webapiVersion' && c.headers?.['cookie'])).toHaveLength(2);
  });

  it('turns a webapiVersion that is not a version into DownstreamContractError', async () => {
    // Arrange
    const fake = new FakeQbittorrent();
    fake.webApi = '<html>proxy</html>';
    const session = new QbittorrentSession(fake, options);

    // Act
    const error = await session.dialect().catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations.join()).toContain('did not answer a version');
  });
});
