import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInt32 } from '@keel/platform';

/**
 * What a user edits on a movie (Radarr's edit dialog): fields left out keep their value. Title, year
 * and ids are the movie's identity, and come from TMDB; they are not edited.
 */
export class UpdateMovieDto {
  @ApiPropertyOptional({
    description:
      'Unmonitored movies are never grabbed by the missing search or RSS sync; a user may still search and grab',
  })
  @IsOptional()
  @IsBoolean()
  monitored?: boolean;

  @ApiPropertyOptional({
    example: 'HD-1080p',
    description: 'A quality profile name; it decides what later searches, RSS sync and upgrades accept',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  qualityProfile?: string;

  @ApiPropertyOptional({
    example: 164,
    minimum: 1,
    maximum: 1000,
    description: 'Runtime in minutes; sizes are judged per minute',
  })
  @IsOptional()
  @IsInt32()
  @Min(1)
  @Max(1_000)
  runtimeMinutes?: number;
}
