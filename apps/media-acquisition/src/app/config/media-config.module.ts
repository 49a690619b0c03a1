import { Global, Module } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { MEDIA_CONFIG, readMediaConfig } from './media.config';

/**
 * A configured library root must already exist (an unmounted disk must block imports, not fill the
 * mount point, as Radarr's "root folder missing" does); the default one is created so that a fresh
 * sandbox works with no configuration.
 */
function mediaConfig() {
  const config = readMediaConfig();
  if (config.libraryRootIsDefault) mkdirSync(config.libraryRoot, { recursive: true });
  return config;
}

@Global()
@Module({
  providers: [{ provide: MEDIA_CONFIG, useFactory: mediaConfig }],
  exports: [MEDIA_CONFIG],
})
export class MediaConfigModule {}
