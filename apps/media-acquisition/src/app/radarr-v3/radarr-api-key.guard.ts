import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Radarr's own authentication for its API: `X-Api-Key`, or `?apikey=` for tools that can only set a
 * URL. Without MEDIA_API_KEY nobody gets in. Keys are compared as digests, in constant time.
 */
@Injectable()
export class RadarrApiKeyGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(MEDIA_CONFIG) config: MediaConfig) {
    this.expected = config.apiKey === undefined ? undefined : digest(config.apiKey);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['x-api-key'];
    const query = (request.query as Record<string, unknown> | undefined)?.['apikey'];
    const given = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
    if (!this.expected)
      throw new UnauthorizedException('The Radarr-compatible API is off: set MEDIA_API_KEY to turn it on');
    if (given === undefined || !timingSafeEqual(digest(given), this.expected))
      throw new UnauthorizedException('A valid X-Api-Key header or apikey query parameter is required');
    return true;
  }
}
