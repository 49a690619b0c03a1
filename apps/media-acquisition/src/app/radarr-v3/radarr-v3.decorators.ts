import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@keel/platform';
import { RadarrApiKeyGuard } from './radarr-api-key.guard';

/** A controller of the Radarr-compatible API: Radarr's API key instead of a bearer token. */
export function RadarrV3Api(): ClassDecorator {
  return applyDecorators(
    ApiTags('radarr-v3'),
    ApiSecurity('X-Api-Key'),
    Public(),
    UseGuards(RadarrApiKeyGuard),
    ApiProblemResponses({
      status: 401,
      description: 'No valid X-Api-Key header or apikey parameter (or MEDIA_API_KEY is unset)',
    }),
  );
}
