import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@keel/context';
import type { AuthenticatedUser } from '@keel/context';
import { IS_PUBLIC_KEY } from '../platform.constants';
import { BearerAuthError } from './bearer-auth.error';
import { HandlerMetadataCache } from './handler-metadata.cache';
import { JwtVerifier } from './jwt-verifier.service';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser | null;
}

const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/** Global guard: every route needs a valid bearer token unless it is marked `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly isPublic: HandlerMetadataCache<boolean>;

  constructor(
    reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {
    this.isPublic = new HandlerMetadataCache(
      (handler, cls) => reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler, cls]) === true,
    );
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.isPublic.get(context)) return true;

    const request = context.switchToHttp().getRequest<AuthRequest>();
    const header = request.headers['authorization'];
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw BearerAuthError.missing();

    // The cache hit stays synchronous: no promise, no extra tick on the hot path.
    const cached = this.verifier.fromCache(token);
    if (cached) return this.accept(request, token, cached);
    return this.verifier.verify(token).then((user) => this.accept(request, token, user));
  }

  private accept(request: AuthRequest, token: string, user: AuthenticatedUser): true {
    request.user = user;
    const store = RequestContext.current();
    if (store) {
      store.user = user;
      store.token = token;
    }
    return true;
  }
}
