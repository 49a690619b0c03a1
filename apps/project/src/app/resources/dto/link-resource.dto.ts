import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class LinkResourceDto {
  @ApiProperty({ example: 'k1', description: 'A resource of the knowledge service.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, {
    message: 'resourceId must be 1–128 letters, digits, dots, dashes or underscores',
  })
  resourceId: string;
}
