import { Module } from '@nestjs/common';
import { KnowledgeClientModule } from '@keel/clients-knowledge';
import { KnowledgeSearchController } from './knowledge-search.controller';

@Module({
  imports: [KnowledgeClientModule],
  controllers: [KnowledgeSearchController],
})
export class KnowledgeSearchModule {}
