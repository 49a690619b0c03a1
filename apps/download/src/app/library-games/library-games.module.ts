import { Module } from '@nestjs/common';
import { LibraryClientModule } from '@keel/clients-library';
import { LibraryGamesController } from './library-games.controller';
import { LibraryGamesService } from './library-games.service';

@Module({
  imports: [LibraryClientModule],
  controllers: [LibraryGamesController],
  providers: [LibraryGamesService],
})
export class LibraryGamesModule {}
