import { UnauthorizedException } from '@nestjs/common';

/**
 * A 401 that carries its RFC 6750 challenge; the problem filter copies it to `WWW-Authenticate`.
 * `invalid_token` tells a client that refreshing the token (not re-sending it) is the fix.
 */
export class BearerAuthError extends UnauthorizedException {
  constructor(
    detail: string,
    readonly challenge = 'Bearer',
  ) {
    super(detail);
  }

  static missing(): BearerAuthError {
    return new BearerAuthError('missing bearer token');
  }

  static invalid(detail: string): BearerAuthError {
    return new BearerAuthError(detail, `Bearer error="invalid_token", error_description="${detail}"`);
  }
}
