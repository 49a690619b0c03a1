import { Module } from '@nestjs/common';
import { downstreamHealth } from '@keel/clients-core';
import { KNOWLEDGE, KnowledgeClientModule } from '@keel/clients-knowledge';
import { USER, UserClientModule } from '@keel/clients-user';
import { DatabaseHealthIndicator, PersistenceModule } from '@keel/persistence';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import { PROJECT_MIGRATIONS, projectDataDir } from './app.config';
import { CommentsModule } from './comments/comments.module';
import * as schema from './db/schema';
import { KnowledgeSearchModule } from './knowledge-search/knowledge-search.module';
import { MembersModule } from './members/members.module';
import { ProjectsModule } from './projects/projects.module';
import { ResourcesModule } from './resources/resources.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'project',
      readiness: [DatabaseHealthIndicator],
      downstreams: [downstreamHealth(USER), downstreamHealth(KNOWLEDGE)],
    }),
    ResilienceModule.forRoot({ service: 'project' }),
    // Read when the module starts, not when this file loads, so a test's env applies.
    PersistenceModule.forRootAsync({
      useFactory: () => ({
        service: 'project',
        schema,
        migrationsFolder: PROJECT_MIGRATIONS,
        dataDir: projectDataDir(),
      }),
    }),
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
