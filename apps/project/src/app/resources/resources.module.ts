import { Module } from '@nestjs/common';
import { KnowledgeClientModule } from '@keel/clients-knowledge';
import { ProjectsModule } from '../projects/projects.module';
import { ResourcesController } from './resources.controller';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';

@Module({
  imports: [ProjectsModule, KnowledgeClientModule],
  controllers: [ResourcesController],
  providers: [ResourcesService, ResourcesRepository],
})
export class ResourcesModule {}
