import { ApiProperty } from '@nestjs/swagger';

export class LibraryGame {
  @ApiProperty() gameId: string;
  @ApiProperty() title: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: [String] }) platforms: string[];
  @ApiProperty({ format: 'date-time' }) acquiredAt: string;
}

export class LibraryGamesPage {
  @ApiProperty({ type: [LibraryGame] }) games: LibraryGame[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
