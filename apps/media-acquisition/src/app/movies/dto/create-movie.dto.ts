import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateMovieDto {
  @ApiProperty({ example: 'Blade Runner 2049' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title: string;

  @ApiProperty({ example: 2017 })
  @IsInt()
  @Min(1880)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 335984 })
  @IsOptional()
  @IsInt()
  @Min(1)
  tmdbId?: number;

  @ApiPropertyOptional({ example: 'tt1856101' })
  @IsOptional()
  @Matches(/^tt\d{7,9}$/, { message: 'imdbId must look like tt0133093' })
  imdbId?: string;

  @ApiPropertyOptional({ example: 164, description: 'Runtime in minutes; sizes are judged per minute (110 when unknown)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  runtimeMinutes?: number;

  @ApiPropertyOptional({ example: 'HD-1080p', description: 'A quality profile name; the default profile when omitted' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  qualityProfile?: string;
}
