import { Module } from '@nestjs/common';
import { UserClientModule } from '@keel/clients-user';
import { ProjectAccessGate } from './project-access.service';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

@Module({
  imports: [UserClientModule],
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectsRepository, ProjectAccessGate],
  exports: [ProjectsRepository, ProjectAccessGate],
})
export class ProjectsModule {}
