import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { RequestContext } from '@keel/context';

/** Records the request id a guard sees, for the controller to echo. */
@Injectable()
export class ContextProbeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ seenInGuard?: string }>().seenInGuard = RequestContext.current()?.requestId;
    return true;
  }
}
