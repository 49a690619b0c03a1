import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$/;

export class AddMemberDto {
  @ApiProperty({ example: 'u2', description: 'An active user of the user service.' })
  @Matches(USER_ID_PATTERN, { message: 'userId must be 1–128 letters, digits, dots, dashes, @ or underscores' })
  userId: string;
}
