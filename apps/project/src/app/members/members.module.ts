import { Module } from '@nestjs/common';
import { UserClientModule } from '@keel/clients-user';
import { ProjectsModule } from '../projects/projects.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [ProjectsModule, UserClientModule],
  controllers: [MembersController],
  providers: [MembersService],
})
export class MembersModule {}
