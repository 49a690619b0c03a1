import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInt32 } from '@keel/platform';

/** Radarr's `AddMovieOptions`: the one we act on is `searchForMovie`. */
export class AddMovieOptionsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() searchForMovie?: boolean;
}

/**
 * The fields of Radarr's `MovieResource` that adding a movie reads. Radarr's clients send the whole
 * resource they looked up (images, ratings, …): fields not named here are dropped, not refused, as
 * Radarr does (the v3 body pipe whitelists without forbidding).
 */
export class AddMovieV3Dto {
  @ApiProperty({ example: 603 }) @IsInt32() @Min(1) tmdbId: number;
  @ApiPropertyOptional({ example: 'The Matrix' }) @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ example: 1999 }) @IsOptional() @IsInt() @Min(1880) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt32() @Min(1) qualityProfileId?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() monitored?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() rootFolderPath?: string;
  @ApiPropertyOptional({ example: 'tt0133093' }) @IsOptional() @IsString() @Length(9, 11) imdbId?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1000) runtime?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() minimumAvailability?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) tags?: number[];
  @ApiPropertyOptional({ type: AddMovieOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddMovieOptionsDto)
  addOptions?: AddMovieOptionsDto;
}

/**
 * The fields of Radarr's `MovieResource` that editing a movie (`PUT movie/{id}`) acts on. Clients send
 * the whole resource back; the rest is dropped, as for adding.
 */
export class UpdateMovieV3Dto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() monitored?: boolean;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt32() @Min(1) qualityProfileId?: number;
}

export const V3_COMMANDS = ['MoviesSearch', 'RssSync', 'MissingMoviesSearch'] as const;

export class CommandV3Dto {
  @ApiProperty({ enum: V3_COMMANDS })
  @IsString()
  @IsIn(V3_COMMANDS, { message: `name must be one of ${V3_COMMANDS.join(', ')}` })
  name: (typeof V3_COMMANDS)[number];
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) movieIds?: number[];
}
