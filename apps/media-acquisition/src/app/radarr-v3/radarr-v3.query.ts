import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** `movieIds=1&movieIds=2` or `movieIds=1,2`, as numbers; anything else is left for the validators to refuse. */
const toNumbers = ({ value }: { value: unknown }) => {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  return list
    ? list.map((item) => (typeof item === 'string' && /^\d{1,10}$/.test(item.trim()) ? Number(item) : item))
    : value;
};

/** The query parameters every v3 route accepts: the API key, when a tool sends it in the URL. */
export class V3Query {
  @ApiPropertyOptional({ description: 'The API key, for tools that cannot set X-Api-Key' })
  @IsOptional()
  @IsString()
  apikey?: string;
}

export class V3MovieListQuery extends V3Query {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647) tmdbId?: number;
}

export class V3LookupQuery extends V3Query {
  @ApiPropertyOptional({ example: 'tmdb:603' }) @IsString() @Length(1, 200) term: string;
}

export class V3LookupTmdbQuery extends V3Query {
  @ApiPropertyOptional({ example: 603 }) @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647) tmdbId: number;
}

export class V3DeleteMovieQuery extends V3Query {
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() deleteFiles?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() addImportExclusion?: boolean;
}

export class V3UpdateMovieQuery extends V3Query {
  @ApiPropertyOptional({ description: 'Accepted and ignored: the library has one root folder, so a movie never moves' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  moveFiles?: boolean;
}

export class V3PageQuery extends V3Query {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  pageSize?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() sortKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['ascending', 'descending', 'default']) sortDirection?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() includeMovie?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() includeUnknownMovieItems?: boolean;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @Transform(toNumbers)
  @IsArray()
  @IsInt({ each: true })
  movieIds?: number[];
}
