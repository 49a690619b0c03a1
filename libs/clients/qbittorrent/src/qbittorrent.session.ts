import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DownstreamRejectedError, textAnswer, wholeAnswer } from '@keel/clients-core';
import type { AnsweredCall, Answered, Answers, ResilientHttpClient } from '@keel/clients-core';
import { CookieJar } from './cookie-jar';
import { QbittorrentAuthError } from './errors/qbittorrent-auth.error';
import { QbittorrentBannedError } from './errors/qbittorrent-banned.error';
import { QBITTORRENT } from './qbittorrent.constants';
import { qbittorrentWebApiVersionSchema } from './qbittorrent.schemas';
import { dialectFor } from './webapi-version';
import type { WebApiDialect } from './webapi-version';

export interface QbittorrentSessionOptions {
  username: string;
  password: string;
  sessionMaxAgeMs: number;
  /** Injectable clock, for the proactive-renewal tests. */
  now?: () => number;
}

/** The part of ResilientHttpClient the session uses (a fake in unit specs). */
export type SessionTransport = Pick<ResilientHttpClient, 'call'>;

/**
 * qBittorrent's cookie session (research notes §2.2), as Radarr's `QBittorrentProxyV2` keeps it:
 * form login, every cookie kept, one re-login and one retry on a 403. Concurrent callers share one
 * in-flight login, and a login is skipped when another caller already renewed the session the
 * caller saw fail, so a burst of 403s after a restart costs exactly one login.
 */
export class QbittorrentSession {
  private readonly logger = new Logger('QbittorrentSession');
  private readonly jar = new CookieJar();
  private readonly now: () => number;
  /** Bumped by every successful login; a caller's 403 only renews the generation it used. */
  private generation = 0;
  private loggedInAt: number | undefined;
  private inflight: Promise<number> | undefined;
  private dialectCache: { generation: number; dialect: Promise<WebApiDialect> } | undefined;
  /** Successful logins so far (for health details and tests). */
  logins = 0;

  constructor(
    private readonly http: SessionTransport,
    private readonly options: QbittorrentSessionOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Sends `call` inside the session: logs in first if needed, and once more on a 403. A 403 is how
   * qBittorrent says the session ended, so `call` must not declare it: it stays an undeclared 4xx,
   * and a second one is the caller's DownstreamRejectedError.
   */
  async call<const A extends Answers>(call: AnsweredCall<A>): Promise<Answered<A>> {
    const generation = await this.ensure();
    try {
      return await this.http.call(this.withCookies(call));
    } catch (error) {
      if (!(error instanceof DownstreamRejectedError && error.status === 403)) throw error;
    }
    this.logger.log({ msg: 'session rejected, logging in again', downstream: QBITTORRENT, operation: call.operation });
    await this.renew(generation);
    return this.http.call(this.withCookies(call));
  }

  /**
   * The WebAPI dialect, detected once per session: qBittorrent may have been upgraded while it
   * restarted, and a restart is what ends a session.
   */
  async dialect(): Promise<WebApiDialect> {
    const generation = await this.ensure();
    if (this.dialectCache?.generation !== generation) {
      const dialect = this.detectDialect();
      this.dialectCache = { generation, dialect };
      dialect.catch(() => {
        if (this.dialectCache?.dialect === dialect) this.dialectCache = undefined;
      });
    }
    return this.dialectCache.dialect;
  }

  /** Forgets the session (the next call logs in). */
  reset(): void {
    this.jar.clear();
    this.loggedInAt = undefined;
    this.dialectCache = undefined;
  }

  private async detectDialect(): Promise<WebApiDialect> {
    const answer = await this.call({
      operation: 'webapiVersion',
      path: '/api/v2/app/webapiVersion',
      answers: { 200: textAnswer(qbittorrentWebApiVersionSchema) },
    });
    return dialectFor(answer.body);
  }

  private ensure(): Promise<number> {
    const fresh = this.loggedInAt !== undefined && this.now() - this.loggedInAt < this.options.sessionMaxAgeMs;
    return fresh ? Promise.resolve(this.generation) : this.renew(this.generation);
  }

  /** Logs in unless a login since generation `seen` already happened; joins one in flight. */
  private renew(seen: number): Promise<number> {
    if (this.inflight) return this.inflight;
    if (this.generation !== seen && this.loggedInAt !== undefined) return Promise.resolve(this.generation);
    this.inflight = this.login().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async login(): Promise<number> {
    this.reset();
    const started = this.now();
    const answer = await this.http.call({
      operation: 'login',
      method: 'POST',
      path: '/api/v2/auth/login',
      body: new URLSearchParams({ username: this.options.username, password: this.options.password }),
      // A login has no side effect worth guarding, so a 5xx may be retried like a GET.
      idempotencyKey: randomUUID(),
      // ≤ 5.1 answers 200 `Ok.`/`Fails.`, 5.2 204/401; 403 is a ban (even with good credentials).
      answers: { 200: wholeAnswer(), 204: wholeAnswer(), 401: null, 403: textAnswer() },
    });
    if (answer.status === 403) throw new QbittorrentBannedError(answer.body.trim() || 'Forbidden');
    if (answer.status === 401) throw new QbittorrentAuthError(401);
    // Radarr treats anything but "" or "Ok." as bad credentials.
    const body = answer.body.text.trim();
    if (body !== '' && body !== 'Ok.') throw new QbittorrentAuthError(answer.status);
    this.jar.absorb(answer.body.headers['set-cookie']);
    this.loggedInAt = this.now();
    this.generation += 1;
    this.logins += 1;
    this.logger.log({
      msg: 'logged in',
      downstream: QBITTORRENT,
      username: this.options.username,
      cookies: this.jar.size,
      generation: this.generation,
      durationMs: this.now() - started,
    });
    return this.generation;
  }

  private withCookies<C extends { headers?: Record<string, string> }>(call: C): C {
    const cookie = this.jar.header();
    return cookie === undefined ? call : { ...call, headers: { ...call.headers, cookie } };
  }
}
