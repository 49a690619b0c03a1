import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class QualityProfileItemDto {
  @ApiProperty({ example: 'Bluray-1080p', description: 'A Radarr quality name' })
  @IsString()
  @Length(1, 32)
  quality: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  allowed: boolean;
}

export class CreateQualityProfileDto {
  @ApiProperty({ example: 'UHD', description: 'Unique; movies refer to their profile by this name' })
  @Matches(/^[\w .()+-]{1,64}$/, { message: 'name must be 1–64 letters, digits, spaces or . ( ) + - _' })
  name: string;

  @ApiProperty({
    type: [QualityProfileItemDto],
    description: 'Ordered best first; only allowed qualities may be grabbed',
  })
  @ValidateNested({ each: true })
  @Type(() => QualityProfileItemDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  items: QualityProfileItemDto[];

  @ApiProperty({
    example: 'Bluray-1080p',
    description: 'Once a movie has this quality it is not upgraded; must be allowed',
  })
  @IsString()
  @Length(1, 32)
  cutoff: string;

  @ApiPropertyOptional({ example: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  minSeeders?: number;

  @ApiPropertyOptional({ default: false, description: 'Rank freeleech, internal and double-upload releases higher' })
  @IsOptional()
  @IsBoolean()
  preferIndexerFlags?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  upgradeAllowed?: boolean;
}
