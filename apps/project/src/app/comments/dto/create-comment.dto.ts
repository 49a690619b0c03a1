import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateCommentDto {
  @ApiProperty({ example: 'Read k2 before Thursday.', minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  body: string;
}
