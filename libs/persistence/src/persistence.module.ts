import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { databaseProviders } from './database.providers';
import type { DatabaseConnection } from './database.types';
import { DATABASE, DATABASE_CONNECTION } from './persistence.constants';
import { ConfigurableModuleClass } from './persistence.module-definition';

/** One database per service: `PersistenceModule.forRoot({ service, schema, migrationsFolder })`. */
@Global()
@Module({
  // Only for HealthIndicatorService, which the health indicator needs in this module's scope.
  imports: [TerminusModule],
  providers: [...databaseProviders, DatabaseHealthIndicator],
  exports: [DATABASE, DATABASE_CONNECTION, DatabaseHealthIndicator],
})
export class PersistenceModule extends ConfigurableModuleClass implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {
    super();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
