import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Min } from 'class-validator';

export class CreateItemDto {
  @ApiProperty()
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  quantity!: number;
}
