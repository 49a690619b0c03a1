import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, as every Keel error response carries them (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({
    example: 'about:blank',
    description: 'A URI naming the problem type; about:blank when the status says it all',
  })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'The request did not pass validation.' })
  detail?: string;

  @ApiProperty({ example: '/api/v1/downloads', description: 'The request path' })
  instance!: string;

  @ApiProperty({
    example: '3f2c7a4e-8d1b-4c0e-9a57-2b6f0e1d9c33',
    description: 'Also in the x-request-id header and the logs',
  })
  requestId!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['property foo should not exist'],
    description: 'Validation messages (400 only)',
  })
  errors?: string[];

  @ApiPropertyOptional({ example: 'library', description: 'The downstream at fault (502, 503, 504)' })
  downstream?: string;
}
