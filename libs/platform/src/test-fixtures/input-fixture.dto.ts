import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsInt32 } from '../validation/is-int32.decorator';

export class NoteDto {
  @IsString()
  @MaxLength(100)
  text!: string;
}

/** A body with the shapes the input screen must reach: top-level and nested strings, arrays, an int4 column. */
export class RecordDto {
  @IsString()
  @Length(1, 40)
  name!: string;

  @IsInt32()
  @Min(0)
  count!: number;

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => NoteDto)
  note?: NoteDto;
}

export class CountQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  n?: number;
}
