import { ApiProperty } from '@nestjs/swagger';
import { ScoredResourceResponse } from '../../resources/dto/resource.response';

export class SearchResponse {
  @ApiProperty({ type: [ScoredResourceResponse], description: 'Best first.' }) results: ScoredResourceResponse[];
}
