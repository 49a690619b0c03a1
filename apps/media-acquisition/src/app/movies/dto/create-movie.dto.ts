import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { IsInt32 } from '@keel/platform';

/** Title and year may be left out only when tmdbId is given: TMDB then supplies them. */
const needed = (field: 'title' | 'year') =>
  ValidateIf((dto: CreateMovieDto) => dto.tmdbId === undefined || dto[field] !== undefined);

export class CreateMovieDto {
  @ApiPropertyOptional({
    example: 'Blade Runner 2049',
    description: 'Required without tmdbId; with it, TMDB’s title when omitted',
  })
  @needed('title')
  @IsDefined({ message: 'title is required unless tmdbId is given' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({
    example: 2017,
    minimum: 1880,
    maximum: 2100,
    description: 'Required without tmdbId; with it, the year of TMDB’s release date when omitted',
  })
  @needed('year')
  @IsDefined({ message: 'year is required unless tmdbId is given' })
  @IsInt32()
  @Min(1880)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    example: 335984,
    minimum: 1,
    maximum: 2_147_483_647,
    description:
      'Stored in an int4 column: larger ids are a 400. Alone, it is enough: title, ' +
      'year, runtime and IMDb id then come from TMDB',
  })
  @IsOptional()
  @IsInt32()
  @Min(1)
  tmdbId?: number;

  @ApiPropertyOptional({ example: 'tt1856101' })
  @IsOptional()
  @Matches(/^tt\d{7,9}$/, { message: 'imdbId must look like tt0133093' })
  imdbId?: string;

  @ApiPropertyOptional({
    example: 164,
    minimum: 1,
    maximum: 1000,
    description: 'Runtime in minutes; sizes are judged per minute (110 when unknown)',
  })
  @IsOptional()
  @IsInt32()
  @Min(1)
  @Max(1_000)
  runtimeMinutes?: number;

  @ApiPropertyOptional({ example: 'HD-1080p', description: 'A quality profile name; the default profile when omitted' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  qualityProfile?: string;

  @ApiPropertyOptional({
    default: true,
    description: 'Radarr’s `monitored`: the missing search and RSS sync grab only monitored movies',
  })
  @IsOptional()
  @IsBoolean()
  monitored?: boolean;

  @ApiPropertyOptional({
    description:
      'Search and grab the best approved release at once, after answering (Radarr’s ' +
      'searchOnAdd); default MEDIA_SEARCH_ON_ADD (true)',
  })
  @IsOptional()
  @IsBoolean()
  searchOnAdd?: boolean;
}
