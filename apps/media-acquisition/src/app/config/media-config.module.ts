import { Global, Module } from '@nestjs/common';
import { MEDIA_CONFIG, readMediaConfig } from './media.config';

@Global()
@Module({
  providers: [{ provide: MEDIA_CONFIG, useFactory: () => readMediaConfig() }],
  exports: [MEDIA_CONFIG],
})
export class MediaConfigModule {}
