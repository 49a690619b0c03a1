import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { getHttpClientToken, provideHttpClient } from '@keel/clients-core';
import type { ResilientHttpClient } from '@keel/clients-core';
import { QbittorrentClient } from './qbittorrent.client';
import { QBITTORRENT, QBITTORRENT_OPTIONS } from './qbittorrent.constants';
import { QbittorrentHealthIndicator } from './qbittorrent.health';
import { qbittorrentOptionsProvider } from './qbittorrent.options';
import type { QbittorrentOptions } from './qbittorrent.options';
import { QbittorrentSession } from './qbittorrent.session';

/**
 * qBittorrent's client. Configured by `QBITTORRENT_SERVICE_*` plus `QBITTORRENT_USERNAME` /
 * `QBITTORRENT_PASSWORD` (read once, at start); needs `ResilienceModule.forRoot()` in the app.
 * The health path answers 403 without a session; the health indicator counts that as alive.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    provideHttpClient(QBITTORRENT, { healthPath: '/api/v2/app/webapiVersion' }),
    qbittorrentOptionsProvider,
    {
      provide: QbittorrentSession,
      inject: [getHttpClientToken(QBITTORRENT), QBITTORRENT_OPTIONS],
      useFactory: (http: ResilientHttpClient, options: QbittorrentOptions) => new QbittorrentSession(http, options),
    },
    QbittorrentClient,
    QbittorrentHealthIndicator,
  ],
  exports: [QbittorrentClient, QbittorrentHealthIndicator, QbittorrentSession],
})
export class QbittorrentClientModule {}
