import { Module } from '@nestjs/common';
import { DownstreamModule, getHttpClientToken } from '@keel/clients-core';
import type { ResilientHttpClient } from '@keel/clients-core';
import { QbittorrentClient } from './qbittorrent.client';
import { QBITTORRENT, QBITTORRENT_OPTIONS } from './qbittorrent.constants';
import { qbittorrentOptionsProvider } from './qbittorrent.options';
import type { QbittorrentOptions } from './qbittorrent.options';
import { QbittorrentSession } from './qbittorrent.session';

/**
 * Any answer below 500 from the probe counts as up: qBittorrent answers 403 to every call without a
 * session, and that 403 proves it is alive. The probe deliberately does not log in: a health check
 * every few seconds must not create sessions (or, with wrong credentials, earn an IP ban). Bad
 * credentials still show, as failed calls in `errorRate`.
 */
const downstream = DownstreamModule.register({
  name: QBITTORRENT,
  healthPath: '/api/v2/app/webapiVersion',
  aliveBelow: 500,
});

/**
 * qBittorrent's client. Configured by `QBITTORRENT_SERVICE_*` plus `QBITTORRENT_USERNAME` /
 * `QBITTORRENT_PASSWORD` (read once, at start), or in code by `DownstreamConfigModule.forRoot({
 * qbittorrent: { urls, settings: { username, password } } })`; needs `ResilienceModule.forRoot()` in the app.
 * Exports the client, its session and its downstream (`downstreamHealth(QBITTORRENT)` for the health view).
 */
@Module({
  imports: [downstream],
  providers: [
    qbittorrentOptionsProvider,
    {
      provide: QbittorrentSession,
      inject: [getHttpClientToken(QBITTORRENT), QBITTORRENT_OPTIONS],
      useFactory: (http: ResilientHttpClient, options: QbittorrentOptions) => new QbittorrentSession(http, options),
    },
    QbittorrentClient,
  ],
  exports: [QbittorrentClient, QbittorrentSession, downstream],
})
export class QbittorrentClientModule {}
