import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './downstream-config.module-definition';

/**
 * Configures, in the app's code, downstreams that a typed client module registers:
 * `DownstreamConfigModule.forRoot({ library: { urls: 'http://library:8080', timeout: '2s' } })`, or
 * `forRootAsync({ inject: [ConfigService], useFactory })`. Import it once, in the root module. Each
 * entry's fields replace those of the registration's own `config`, and win over `<NAME>_SERVICE_*`;
 * a downstream without an entry is configured as before.
 */
@Module({})
export class DownstreamConfigModule extends ConfigurableModuleClass {}
