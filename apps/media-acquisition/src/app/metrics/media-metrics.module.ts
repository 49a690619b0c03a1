import { Module } from '@nestjs/common';
import { MEDIA_METRIC_PROVIDERS } from './media-metrics.providers';

/** The pipeline's counters, for the feature modules that count: search, grab, import and monitor. */
@Module({ providers: MEDIA_METRIC_PROVIDERS, exports: MEDIA_METRIC_PROVIDERS })
export class MediaMetricsModule {}
