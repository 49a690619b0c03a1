import { ApiProperty } from '@nestjs/swagger';
import { QualityProfileItemDto } from './create-quality-profile.dto';

export class QualityProfileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HD-1080p' }) name: string;
  @ApiProperty({ type: [QualityProfileItemDto], description: 'Best first' }) items: QualityProfileItemDto[];
  @ApiProperty({ example: 'Bluray-1080p' }) cutoff: string;
  @ApiProperty({ example: 1 }) minSeeders: number;
  @ApiProperty() preferIndexerFlags: boolean;
  @ApiProperty() upgradeAllowed: boolean;
  @ApiProperty({ description: 'The profile new movies get when they name none' }) isDefault: boolean;
}

export class QualityProfileListResponse {
  @ApiProperty({ type: [QualityProfileResponse] }) items: QualityProfileResponse[];
}
