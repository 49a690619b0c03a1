import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { KnowledgeClientModule, KnowledgeHealthIndicator } from '@keel/clients-knowledge';
import { UserClientModule, UserHealthIndicator } from '@keel/clients-user';
import { DatabaseHealthIndicator, PersistenceModule } from '@keel/persistence';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import { CommentsModule } from './comments/comments.module';
import * as schema from './db/schema';
import { KnowledgeSearchModule } from './knowledge-search/knowledge-search.module';
import { MembersModule } from './members/members.module';
import { ProjectsModule } from './projects/projects.module';
import { ResourcesModule } from './resources/resources.module';

/** apps/project/migrations, found from this file both in the sources and in dist/ (the build copies it). */
export const PROJECT_MIGRATIONS = process.env.PROJECT_MIGRATIONS_DIR ?? join(__dirname, '..', '..', 'migrations');

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'project', readiness: [DatabaseHealthIndicator], downstreams: [UserHealthIndicator, KnowledgeHealthIndicator] }),
    ResilienceModule.forRoot({ service: 'project' }),
    // PROJECT_DATA_DIR: where PGlite keeps its files when DATABASE_URL is unset (`memory://` keeps none).
    // Read when the module starts, not when this file loads, so a test's env applies.
    PersistenceModule.forRootAsync({ useFactory: () => ({ service: 'project', schema, migrationsFolder: PROJECT_MIGRATIONS, dataDir: process.env.PROJECT_DATA_DIR || undefined }) }),
    UserClientModule,
    KnowledgeClientModule,
    ProjectsModule,
    MembersModule,
    CommentsModule,
    ResourcesModule,
    KnowledgeSearchModule,
  ],
})
export class AppModule {}
